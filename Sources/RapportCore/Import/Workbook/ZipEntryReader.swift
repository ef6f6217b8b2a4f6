import CInflate

/// One entry of a zip archive, inflated as it is read, in bounded memory: the compressed
/// bytes are read a chunk at a time and never past the entry's own compressed size; at the
/// end the data must be complete, of the size and CRC-32 the directory gives. Anything
/// else is a `.damaged` error, never a hang or a read of bytes that are not the entry's.
final class ZipEntryReader {
    private let archive: ZipArchive
    let entry: ZipArchive.Entry
    private var nextInput: UInt64
    private var inputLeft: UInt64
    private let input: UnsafeMutablePointer<UInt8>
    private static let inputCapacity = 1 << 16
    /// Heap-allocated: zlib keeps a pointer to its stream and checks it on every call.
    private let stream: UnsafeMutablePointer<z_stream>?
    private var produced: UInt64 = 0
    private var crc: UInt = 0
    /// The deflate stream reached its end.
    private var inflated = false
    private var finished = false

    init(archive: ZipArchive, entry: ZipArchive.Entry) throws(WorkbookError) {
        guard !entry.isEncrypted else {
            throw WorkbookError.notWorkbook("\(entry.name) is encrypted; save the workbook without a password")
        }
        guard entry.method == 0 || entry.method == 8 else {
            throw WorkbookError.notWorkbook("\(entry.name) is compressed with method \(entry.method); only stored and deflated entries are read")
        }
        self.archive = archive
        self.entry = entry
        nextInput = try archive.dataOffset(of: entry)
        inputLeft = entry.compressedSize
        input = .allocate(capacity: Self.inputCapacity)
        if entry.method == 8 {
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            guard inflateInit2_(stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                stream.deallocate()
                input.deallocate()
                throw WorkbookError(kind: .unreadable, message: "zlib cannot start inflating")
            }
            self.stream = stream
        } else {
            guard entry.compressedSize == entry.size else { throw ZipArchive.damaged("\(entry.name) is stored, but its sizes differ") }
            stream = nil
        }
    }

    deinit {
        if let stream {
            inflateEnd(stream)
            stream.deallocate()
        }
        input.deallocate()
    }

    /// Fills up to `capacity` bytes of the entry's data; 0 at its end.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(WorkbookError) -> Int {
        if finished { return 0 }
        let count = try stream == nil ? readStored(into: buffer, capacity: capacity) : inflate(into: buffer, capacity: capacity)
        produced += UInt64(count)
        guard produced <= entry.size else { throw ZipArchive.damaged("\(entry.name) is longer than its directory says") }
        crc = CInflate.crc32(crc, buffer, UInt32(count))
        if count == 0 || (stream == nil && inputLeft == 0) { try finish() }
        return count
    }

    private func readStored(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(WorkbookError) -> Int {
        let count = Int(min(UInt64(capacity), inputLeft))
        guard count > 0 else { return 0 }
        try archive.read(at: nextInput, count: count, into: buffer)
        nextInput += UInt64(count)
        inputLeft -= UInt64(count)
        return count
    }

    private func inflate(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(WorkbookError) -> Int {
        guard let stream, !inflated else { return 0 }
        stream.pointee.next_out = buffer
        stream.pointee.avail_out = UInt32(min(capacity, Int(UInt32.max)))
        while stream.pointee.avail_out > 0 {
            if stream.pointee.avail_in == 0, inputLeft > 0 {
                let count = Int(min(UInt64(Self.inputCapacity), inputLeft))
                try archive.read(at: nextInput, count: count, into: input)
                nextInput += UInt64(count)
                inputLeft -= UInt64(count)
                stream.pointee.next_in = input
                stream.pointee.avail_in = UInt32(count)
            }
            let before = stream.pointee.avail_out
            let result = CInflate.inflate(stream, Z_NO_FLUSH)
            if result == Z_STREAM_END {
                inflated = true
                break
            }
            guard result == Z_OK || result == Z_BUF_ERROR else {
                throw ZipArchive.damaged("\(entry.name) does not inflate (its compressed data is broken)")
            }
            if stream.pointee.avail_out == before, stream.pointee.avail_in == 0, inputLeft == 0 {
                throw ZipArchive.damaged("\(entry.name) is cut short")
            }
        }
        return capacity - Int(stream.pointee.avail_out)
    }

    private func finish() throws(WorkbookError) {
        finished = true
        if stream != nil, !inflated { throw ZipArchive.damaged("\(entry.name) is cut short") }
        guard produced == entry.size else { throw ZipArchive.damaged("\(entry.name) is shorter than its directory says") }
        guard UInt32(truncatingIfNeeded: crc) == entry.crc else {
            throw ZipArchive.damaged("\(entry.name) does not match its checksum (CRC-32)")
        }
    }

    /// The whole entry, for the small parts (relationships, the workbook); more than
    /// `limit` bytes is refused.
    func readAll(limit: Int) throws(WorkbookError) -> [UInt8] {
        guard entry.size <= UInt64(limit) else { throw WorkbookError.notWorkbook("\(entry.name) is larger than a workbook part can be (\(limit >> 20) MB)") }
        let capacity = Int(entry.size) + 1
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var count = 0
        while true {
            let got = try read(into: buffer + count, capacity: capacity - count)
            if got == 0 { break }
            count += got
        }
        return Array(UnsafeBufferPointer(start: buffer, count: count))
    }
}
