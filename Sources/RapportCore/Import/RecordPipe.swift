import Foundation

/// One record of a `RecordBatch`: its line and its cells' bytes, valid while the batch is
/// the current one.
struct CSVRecord {
    /// The physical line where the record starts.
    let line: Int
    private let bytes: UnsafeBufferPointer<UInt8>
    private let cellEnds: UnsafeBufferPointer<Int>
    private let firstCell: Int
    let cellCount: Int
    /// Cells whose problem the reader reported (`RecordReader.reportedCells`).
    let reportedCells: UInt64

    fileprivate init(
        line: Int, bytes: UnsafeBufferPointer<UInt8>, cellEnds: UnsafeBufferPointer<Int>, cells: Range<Int>, reported: UInt64
    ) {
        self.line = line
        self.bytes = bytes
        self.cellEnds = cellEnds
        firstCell = cells.lowerBound
        cellCount = cells.count
        reportedCells = reported
    }

    /// The cell's bytes (UTF-8).
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let cell = firstCell + index
        let start = cell == 0 ? 0 : cellEnds[cell - 1]
        return UnsafeBufferPointer(rebasing: bytes[start..<cellEnds[cell]])
    }
}

/// Records copied out of the reader, with the reading errors where they occurred.
final class RecordBatch {
    enum Entry {
        case record(line: Int, cells: Range<Int>, reported: UInt64)
        /// `sawMultibyteUTF8`: whether the reader had met multi-byte UTF-8 by then.
        case error(CSVError, sawMultibyteUTF8: Bool)
    }

    /// The cells' bytes, one after another; a cell ends at its `cellEnds` entry.
    private var bytes: [UInt8] = []
    private var cellEnds: [Int] = []
    private(set) var entries: [Entry] = []

    private static var recordLimit: Int { 4_096 }
    private static var byteLimit: Int { 1 << 18 }

    init() {
        bytes.reserveCapacity(Self.byteLimit + 4_096)
        entries.reserveCapacity(Self.recordLimit)
    }

    var isFull: Bool { entries.count >= Self.recordLimit || bytes.count >= Self.byteLimit }

    func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        cellEnds.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }

    /// Copies the reader's current record, taking off the formula guards its format has
    /// (`RecordReader.takesOffFormulaGuards`).
    func append<Reader: RecordReader>(_ reader: Reader) {
        let unguards = Reader.takesOffFormulaGuards
        let first = cellEnds.count
        for index in 0..<reader.cellCount {
            bytes.append(contentsOf: unguards ? CSVCell.unguarded(reader.bytes(index)) : reader.bytes(index))
            cellEnds.append(bytes.count)
        }
        entries.append(.record(line: reader.line, cells: first..<cellEnds.count, reported: reader.reportedCells))
    }

    func append(_ error: CSVError, sawMultibyteUTF8: Bool) {
        entries.append(.error(error, sawMultibyteUTF8: sawMultibyteUTF8))
    }

    /// Runs `body` with the batch's entries, records made readable.
    func forEach(_ body: (Result<CSVRecord, BatchError>) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { bytes in
            try cellEnds.withUnsafeBufferPointer { cellEnds in
                for entry in entries {
                    switch entry {
                    case .record(let line, let cells, let reported):
                        try body(.success(CSVRecord(line: line, bytes: bytes, cellEnds: cellEnds, cells: cells, reported: reported)))
                    case .error(let error, let sawMultibyteUTF8):
                        try body(.failure(BatchError(error: error, sawMultibyteUTF8: sawMultibyteUTF8)))
                    }
                }
            }
        }
    }
}

/// A reading error as the batch recorded it.
struct BatchError: Error {
    let error: CSVError
    let sawMultibyteUTF8: Bool
}

/// Reads the rest of a CSV file (or a sheet) on a second thread and hands its records over in batches,
/// so parsing and the UTF-8 check (a fifth of an import's check pass) run beside the
/// validation instead of before it. A few batches circulate between the two threads; the
/// reader belongs to the reading thread from `init` until `close`.
final class RecordPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var spare: [RecordBatch]
    private var ready: [RecordBatch] = []
    private var readerDone = false
    private var closed = false
    /// The batch the consumer holds, recycled by the next `next()`.
    private var current: RecordBatch?
    private var work: BackgroundWork<Void>?

    init<Reader: RecordReader>(reading reader: Reader, batches: Int = 4) {
        spare = (0..<batches).map { _ in RecordBatch() }
        let reading = UncheckedReader(reader)
        work = BackgroundWork { [self] in produce(reading.reader) }
    }

    deinit { close() }

    /// The next batch (the previous one is given back); nil after the last.
    func next() -> RecordBatch? {
        condition.lock()
        defer { condition.unlock() }
        if let current {
            current.removeAll()
            spare.append(current)
            self.current = nil
            condition.broadcast()
        }
        while ready.isEmpty && !readerDone { condition.wait() }
        guard !ready.isEmpty else { return nil }
        current = ready.removeFirst()
        return current
    }

    /// Stops the reading thread (if it is still reading) and waits for it.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        try? work?.wait()
        work = nil
    }

    private func produce<Reader: RecordReader>(_ reader: Reader) {
        var atEnd = false
        while !atEnd {
            condition.lock()
            while spare.isEmpty && !closed { condition.wait() }
            if closed {
                condition.unlock()
                return
            }
            let batch = spare.removeLast()
            condition.unlock()

            while !batch.isFull {
                do {
                    guard try reader.next() else {
                        atEnd = true
                        break
                    }
                    batch.append(reader)
                } catch {
                    batch.append(error, sawMultibyteUTF8: reader.sawMultibyteUTF8)
                    if error.endsFile {
                        atEnd = true
                        break
                    }
                }
            }

            condition.lock()
            ready.append(batch)
            if atEnd { readerDone = true }
            condition.broadcast()
            condition.unlock()
        }
    }
}

/// The reader, handed to the reading thread (which alone uses it from then on).
private final class UncheckedReader<Reader: RecordReader>: @unchecked Sendable {
    let reader: Reader
    init(_ reader: Reader) { self.reader = reader }
}
