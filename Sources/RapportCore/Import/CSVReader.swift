#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A problem with one record of a CSV file. The reader can go on after `.malformed` and
/// `.invalidText` (it resumes at the next record); the others end the file.
struct CSVError: Error, Equatable {
    enum Kind: Equatable {
        /// Broken quoting on this record.
        case malformed
        /// Bytes that are not text in the encoding being read.
        case invalidText
        /// A quoted cell still open at the end of the file.
        case unterminated
        /// UTF-16 or another encoding the reader does not take.
        case unsupportedEncoding
        case unreadable
    }

    var kind: Kind
    /// The physical line where the record starts (1-based).
    var line: Int
    var reason: String
    /// The column, for a problem with one cell (a workbook's); nil for the whole record.
    var field: String? = nil

    var endsFile: Bool { kind == .unterminated || kind == .unsupportedEncoding || kind == .unreadable }
}

/// Reads RFC 4180 CSV from a byte source, one record at a time, in bounded memory: quoted
/// cells with doubled quotes and line breaks, CRLF, LF or CR line ends, an optional UTF-8
/// byte-order mark. Blank lines are skipped. The current record's cells stay valid until
/// the next call to `next()`; a cell becomes a `String` only when asked for.
final class CSVReader: RecordReader {
    /// What `rapport export` and the other CSV outputs add before a formula-looking value.
    static var takesOffFormulaGuards: Bool { true }

    private let source: any ByteSource
    /// Source bytes are checked per record; a decoding source already guarantees UTF-8.
    private let validatesUTF8: Bool

    // The reader's state is only ever touched by its own methods, one call at a time;
    // dynamic exclusivity checks on it cost more than the parsing (per byte and per cell).
    private let chunk: UnsafeMutablePointer<UInt8>
    private let chunkCapacity = 1 << 18
    @exclusivity(unchecked) private var position = 0
    @exclusivity(unchecked) private var available = 0
    private var sourceAtEnd = false
    private var primed = false
    private var finished = false

    private let cells = ByteStorage(capacity: 4096)
    /// Where the current record's bytes are: in the chunk itself (a plain record, not
    /// copied) or in `cells` (a record the state machine assembled).
    @exclusivity(unchecked) private var base: UnsafePointer<UInt8>
    /// Each cell's bytes from `base`: [start, end).
    @exclusivity(unchecked) private var cellStarts: [Int] = []
    @exclusivity(unchecked) private var cellEnds: [Int] = []

    /// Whether a record read so far held valid multi-byte UTF-8: then the file is UTF-8, and
    /// bad bytes further on are a broken spot, not a sign of another encoding.
    @exclusivity(unchecked) private(set) var sawMultibyteUTF8 = false

    /// The physical line where the current record starts.
    @exclusivity(unchecked) private(set) var line = 0
    /// The physical line of the next unread byte.
    @exclusivity(unchecked) private var nextLine = 1
    /// A record ended with CR: a LF right after it belongs to the same line end.
    @exclusivity(unchecked) private var skipLineFeed = false
    /// Inside a quoted cell, the last byte was CR (so a LF after it is not a new line).
    @exclusivity(unchecked) private var lastWasCarriageReturn = false

    init(source: any ByteSource, validatesUTF8: Bool) {
        self.source = source
        self.validatesUTF8 = validatesUTF8
        chunk = .allocate(capacity: chunkCapacity)
        base = UnsafePointer(cells.base)
        cellStarts.reserveCapacity(32)
        cellEnds.reserveCapacity(32)
    }

    deinit { chunk.deallocate() }

    // MARK: - The current record

    var cellCount: Int { cellEnds.count }

    private func range(_ index: Int) -> (start: Int, count: Int) {
        (cellStarts[index], cellEnds[index] - cellStarts[index])
    }

    func isEmpty(_ index: Int) -> Bool { range(index).count == 0 }

    /// The cell's bytes (UTF-8), valid until the next record.
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let (start, count) = range(index)
        return UnsafeBufferPointer(start: base + start, count: count)
    }

    // MARK: - Reading

    private enum State { case cellStart, unquoted, quoted, quoteInQuoted, afterClosingQuote }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Advances to the next record; false at the end of the file.
    func next() throws(CSVError) -> Bool {
        if finished { return false }
        if !primed { try prime() }
        while true {
            cells.removeAll()
            cellStarts.removeAll(keepingCapacity: true)
            cellEnds.removeAll(keepingCapacity: true)
            if skipLineFeed, position < available {
                skipLineFeed = false
                if chunk[position] == Self.lineFeed { position += 1 }
            }
            line = nextLine
            if !skipLineFeed, let found = try fastRecord() {
                if !found { continue }
                return true
            }
            var state = State.cellStart
            var consumedAny = false
            var quotedAny = false

            record: while true {
                if position == available {
                    if try !refill() {
                        switch state {
                        case .cellStart:
                            if !consumedAny {
                                finished = true
                                return false
                            }
                        case .quoted:
                            finished = true
                            throw CSVError(kind: .unterminated, line: line,
                                           reason: "a quoted cell opened on this line is never closed")
                        case .unquoted, .quoteInQuoted, .afterClosingQuote:
                            break
                        }
                        endCell()
                        break record
                    }
                }
                let byte = chunk[position]
                switch state {
                case .cellStart:
                    if skipLineFeed {
                        skipLineFeed = false
                        if byte == Self.lineFeed {
                            position += 1
                            continue
                        }
                    }
                    if byte == Self.quote {
                        position += 1
                        consumedAny = true
                        quotedAny = true
                        state = .quoted
                    } else {
                        state = .unquoted
                    }

                case .unquoted:
                    var end = position
                    while end < available {
                        let b = chunk[end]
                        if b == Self.comma || b == Self.lineFeed || b == Self.carriageReturn { break }
                        end += 1
                    }
                    if end > position {
                        append(chunk + position, count: end - position)
                        consumedAny = true
                    }
                    position = end
                    guard end < available else { continue }
                    let b = chunk[end]
                    position += 1
                    consumedAny = true
                    if b == Self.comma {
                        endCell()
                        state = .cellStart
                    } else {
                        endLine(with: b)
                        endCell()
                        break record
                    }

                case .quoted:
                    var end = position
                    while end < available {
                        let b = chunk[end]
                        if b == Self.quote { break }
                        if b == Self.lineFeed {
                            if !lastWasCarriageReturn { nextLine += 1 }
                            lastWasCarriageReturn = false
                        } else if b == Self.carriageReturn {
                            nextLine += 1
                            lastWasCarriageReturn = true
                        } else {
                            lastWasCarriageReturn = false
                        }
                        end += 1
                    }
                    append(chunk + position, count: end - position)
                    position = end
                    guard end < available else { continue }
                    position += 1
                    lastWasCarriageReturn = false
                    state = .quoteInQuoted

                case .quoteInQuoted:
                    if byte == Self.quote {
                        // A doubled quote is one literal quote.
                        var literal = Self.quote
                        append(&literal, count: 1)
                        position += 1
                        state = .quoted
                    } else {
                        state = .afterClosingQuote
                    }

                case .afterClosingQuote:
                    position += 1
                    if byte == Self.comma {
                        endCell()
                        state = .cellStart
                    } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                        endLine(with: byte)
                        endCell()
                        break record
                    } else {
                        let recordLine = line
                        try skipRestOfLine()
                        throw CSVError(kind: .malformed, line: recordLine,
                                       reason: "unexpected text after a closing quote (a quote inside a quoted cell is written twice: \"\")")
                    }
                }
            }

            // A line with nothing on it is not a record.
            if cellEnds.count == 1, cells.count == 0, !quotedAny { continue }
            base = UnsafePointer(cells.base)
            try checkUTF8(base, count: cells.count)
            return true
        }
    }

    /// Reads the first bytes: skips a UTF-8 byte-order mark (also what iconv makes of a
    /// GB18030 one) and refuses UTF-16, which spreadsheets write as "Unicode text".
    private func prime() throws(CSVError) {
        primed = true
        while available - position < 3, try refillKeeping() {}
        let count = available - position
        if count >= 2, (chunk[position] == 0xFF && chunk[position + 1] == 0xFE) || (chunk[position] == 0xFE && chunk[position + 1] == 0xFF) {
            finished = true
            throw CSVError(kind: .unsupportedEncoding, line: 1,
                           reason: "the file is UTF-16 text; save it as CSV (UTF-8) or CSV (GB18030)")
        }
        if count >= 3, chunk[position] == 0xEF, chunk[position + 1] == 0xBB, chunk[position + 2] == 0xBF {
            position += 3
        }
    }

    /// Reads the next chunk once the current one is used up; false at the end.
    private func refill() throws(CSVError) -> Bool {
        position = 0
        available = 0
        return try refillKeeping()
    }

    /// Appends source bytes after what is still unread in the chunk.
    private func refillKeeping() throws(CSVError) -> Bool {
        if sourceAtEnd { return false }
        if position > 0 {
            let unread = available - position
            if unread > 0 { memmove(chunk, chunk + position, unread) }
            position = 0
            available = unread
        }
        let count: Int
        do {
            count = try source.read(into: chunk + available, capacity: chunkCapacity - available)
        } catch .invalidText {
            finished = true
            throw CSVError(kind: .invalidText, line: nextLine, reason: "bytes that are not GB18030 text")
        } catch {
            finished = true
            throw CSVError(kind: .unreadable, line: nextLine, reason: "cannot read the file: \(error)")
        }
        if count == 0 {
            sourceAtEnd = true
            return false
        }
        available += count
        return true
    }

    private func endLine(with terminator: UInt8) {
        nextLine += 1
        skipLineFeed = terminator == Self.carriageReturn
    }

    private func endCell() {
        cellStarts.append(cellEnds.last ?? 0)
        cellEnds.append(cells.count)
    }

    /// The common record — no quotes, its line end inside the current chunk — read in place
    /// with one scan. nil: not such a record (the state machine reads it); false: a
    /// blank line (skipped); true: the record is ready.
    private func fastRecord() throws(CSVError) -> Bool? {
        let start = position
        var end = start
        while end < available {
            let byte = chunk[end]
            if byte == Self.lineFeed || byte == Self.carriageReturn { break }
            if byte == Self.quote { return nil }
            end += 1
        }
        guard end < available else { return nil }
        let terminator = chunk[end]
        position = end + 1
        nextLine += 1
        skipLineFeed = terminator == Self.carriageReturn
        if end == start { return false }
        let record = UnsafePointer(chunk + start)
        let count = end - start
        var cellStart = 0
        for offset in 0..<count where record[offset] == Self.comma {
            cellStarts.append(cellStart)
            cellEnds.append(offset)
            cellStart = offset + 1
        }
        cellStarts.append(cellStart)
        cellEnds.append(count)
        base = record
        try checkUTF8(record, count: count)
        return true
    }

    private func checkUTF8(_ bytes: UnsafePointer<UInt8>, count: Int) throws(CSVError) {
        guard validatesUTF8 else { return }
        guard UTF8Check.isValid(bytes, count: count) else {
            throw CSVError(kind: .invalidText, line: line, reason: "this line is not valid UTF-8 text")
        }
        if !sawMultibyteUTF8 {
            sawMultibyteUTF8 = UnsafeBufferPointer(start: bytes, count: count).contains { $0 >= 0x80 }
        }
    }

    private func append(_ bytes: UnsafePointer<UInt8>, count: Int) {
        cells.append(Bytes(start: bytes, count: count))
    }

    /// After a malformed record: drop the rest of its physical line so reading resumes at
    /// the next one.
    private func skipRestOfLine() throws(CSVError) {
        while true {
            if position == available, try !refill() { return }
            let byte = chunk[position]
            position += 1
            if byte == Self.lineFeed || byte == Self.carriageReturn {
                endLine(with: byte)
                return
            }
        }
    }
}

/// UTF-8 validation with an ASCII fast path (eight bytes at a time).
enum UTF8Check {
    static func isValid(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        var i = 0
        while i < count {
            if i + 8 <= count {
                let word = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            guard i + length <= count else { return false }
            let second = bytes[i + 1]
            guard second >= lower, second <= upper else { return false }
            for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }
}
