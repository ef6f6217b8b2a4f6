#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The validated rows of the check pass, kept for the write pass in an unlinked temporary
/// file: the write pass then neither parses nor validates again, writes exactly what was
/// checked even if the CSV file changes meanwhile, and memory stays bounded.
///
/// A row is `[UInt32 payload length][UInt8 stored][values…]`, a value `0` (NULL),
/// `1` + varint (integer, zigzag) or `2` + varint length + bytes (text): row ids and short
/// texts take a few bytes, so the spool is smaller than the CSV it came from.
final class RowSpool {
    private let descriptor: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity = 1 << 20
    private var used = 0
    private(set) var count = 0
    /// Rows whose key was already stored (keyed kinds; 0 for the others).
    private(set) var storedCount = 0

    init() throws {
        let directory = (getenv("TMPDIR").map { String(cString: $0) }).flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/rapport-import-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw RapportError.io("cannot create a temporary file in \(directory): \(String(cString: strerror(errno)))")
        }
        // Gone from the folder at once; the space is freed when the descriptor closes.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        descriptor = fd
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    func append<Row: WritableRow>(_ row: Row, stored: Bool) throws {
        var sink = SpoolSink(spool: self)
        let start = used
        reserve(5)
        used += 5
        try row.emit(to: &sink)
        let payload = UInt32(used - start - 4)
        withUnsafeBytes(of: payload.littleEndian) { UnsafeMutableRawPointer(buffer + start).copyMemory(from: $0.baseAddress!, byteCount: 4) }
        buffer[start + 4] = stored ? 1 : 0
        count += 1
        if stored { storedCount += 1 }
        if used >= capacity / 2 { try flush() }
    }

    /// Makes room for `bytes` more in the buffer (a row is never split across a flush).
    fileprivate func reserve(_ bytes: Int) {
        guard used + bytes > capacity else { return }
        var grown = capacity * 2
        while used + bytes > grown { grown *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: buffer, count: used)
        buffer.deallocate()
        buffer = larger
        capacity = grown
    }

    fileprivate func append(_ bytes: UnsafeRawBufferPointer) {
        reserve(bytes.count)
        if let base = bytes.baseAddress { UnsafeMutableRawPointer(buffer + used).copyMemory(from: base, byteCount: bytes.count) }
        used += bytes.count
    }

    fileprivate func append(_ byte: UInt8) {
        reserve(1)
        buffer[used] = byte
        used += 1
    }

    /// LEB128: seven bits a byte, low first.
    fileprivate func appendVarint(_ value: UInt64) {
        reserve(10)
        var rest = value
        while rest >= 0x80 {
            buffer[used] = UInt8(truncatingIfNeeded: rest) | 0x80
            used += 1
            rest >>= 7
        }
        buffer[used] = UInt8(rest)
        used += 1
    }

    private func flush() throws {
        var written = 0
        while written < used {
            let n = write(descriptor, buffer + written, used - written)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw RapportError.io("cannot write the temporary file: \(String(cString: strerror(errno)))") }
            written += n
        }
        used = 0
    }

    /// Reads the rows back, in order (after the last append).
    func rows<Row: WritableRow>(of _: Row.Type) throws -> SpoolReader<Row> {
        try flush()
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw RapportError.io("cannot read the temporary file: \(String(cString: strerror(errno)))")
        }
        return SpoolReader(descriptor: descriptor)
    }
}

private struct SpoolSink: RowValueSink {
    let spool: RowSpool

    mutating func integer(_ value: Int64?) {
        guard let value else { return spool.append(0) }
        spool.append(1)
        spool.appendVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func text(_ value: BoundText?) {
        switch value {
        case nil:
            spool.append(0)
        case .bytes(let bytes):
            write(UnsafeRawBufferPointer(bytes))
        case .string(var string):
            string.withUTF8 { write(UnsafeRawBufferPointer($0)) }
        }
    }

    private func write(_ bytes: UnsafeRawBufferPointer) {
        spool.append(2)
        spool.appendVarint(UInt64(bytes.count))
        spool.append(bytes)
    }
}

/// Spooled rows, one at a time; the current row's text stays valid until the next call.
final class SpoolReader<Row: WritableRow> {
    private let descriptor: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity = 1 << 20
    private var position = 0
    private var available = 0

    fileprivate init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    private var batch: [Spooled<Row>] = []

    /// The next rows (up to `limit`; empty at the end). They all stay valid until the next
    /// call: only rows already whole in the buffer join a batch after its first.
    func next(upTo limit: Int) throws -> ArraySlice<Spooled<Row>> {
        batch.removeAll(keepingCapacity: true)
        guard try ensure(5) else { return [] }
        guard try ensure(4 + payloadLength()) else { throw RapportError.io("the temporary file of the import is truncated") }
        repeat {
            let payload = payloadLength()
            batch.append(Spooled<Row>(
                isStored: buffer[position + 4] == 1,
                values: UnsafeBufferPointer(start: buffer + position + 5, count: payload - 1)))
            position += 4 + payload
        } while batch.count < limit && available - position >= 5 && available - position >= 4 + payloadLength()
        return batch[...]
    }

    private func payloadLength() -> Int {
        var length: UInt32 = 0
        withUnsafeMutableBytes(of: &length) { $0.copyMemory(from: UnsafeRawBufferPointer(start: buffer + position, count: 4)) }
        return Int(UInt32(littleEndian: length))
    }

    /// Makes `bytes` bytes from `position` available; false at a clean end of file.
    private func ensure(_ bytes: Int) throws -> Bool {
        if available - position >= bytes { return true }
        let kept = available - position
        if bytes > capacity {
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes)
            larger.update(from: buffer + position, count: kept)
            buffer.deallocate()
            buffer = larger
            capacity = bytes
        } else if kept > 0 {
            memmove(buffer, buffer + position, kept)
        }
        position = 0
        available = kept
        while available < bytes {
            let n = read(descriptor, buffer + available, capacity - available)
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw RapportError.io("cannot read the temporary file: \(String(cString: strerror(errno)))") }
            if n == 0 {
                guard available == 0 else { throw RapportError.io("the temporary file of the import is truncated") }
                return false
            }
            available += n
        }
        return true
    }
}

/// A row read back from the spool: the same table, the same values.
struct Spooled<Base: WritableRow>: WritableRow {
    private func varint(_ offset: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = values[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// Whether a keyed row's key was stored when the file was checked.
    let isStored: Bool
    let values: UnsafeBufferPointer<UInt8>

    static var table: String { Base.table }
    static var columns: [(name: String, csv: String?)] { Base.columns }
    static var conflictKey: [String]? { Base.conflictKey }
    static var lookupIndex: String? { Base.lookupIndex }

    func emit<Sink: RowValueSink>(to sink: inout Sink) throws {
        var offset = 0
        while offset < values.count {
            let tag = values[offset]
            offset += 1
            switch tag {
            case 0:
                try sink.integer(nil)
            case 1:
                let zigzag = varint(&offset)
                try sink.integer(Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
            default:
                let length = Int(varint(&offset))
                try sink.text(.bytes(UnsafeBufferPointer(rebasing: values[offset..<(offset + length)])))
                offset += length
            }
        }
    }
}
