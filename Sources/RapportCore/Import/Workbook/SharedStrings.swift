/// The workbook's shared strings (`xl/sharedStrings.xml`): each distinct text of the
/// workbook once, which cells of type `s` name by index. Held whole — they are the unique
/// strings, not the rows — in one run of bytes with an end offset per string.
final class SharedStrings {
    private let storage = ByteStorage(capacity: 1 << 16)
    @exclusivity(unchecked) private var ends: [Int] = []

    /// More than this is refused (the whole table is held in memory).
    static let byteLimit = 1 << 30

    var count: Int { ends.count }

    init() {}

    init(scanner: XMLScanner) throws(WorkbookError) {
        while true {
            switch try scanner.next() {
            case .done:
                return
            case .start where scanner.isNamed("si"):
                let start = storage.count
                try Self.appendText(of: scanner, to: storage)
                guard storage.count <= Self.byteLimit else {
                    throw WorkbookError.notWorkbook("\(scanner.part) holds more than \(Self.byteLimit >> 30) GB of text")
                }
                guard UTF8Check.isValid(storage.base + start, count: storage.count - start) else {
                    throw WorkbookError.damaged("\(scanner.part): string \(ends.count) is not valid UTF-8 text")
                }
                ends.append(storage.count)
            default:
                continue
            }
        }
    }

    /// The string at `index`, or nil when there is none.
    func string(_ index: Int) -> Bytes? {
        guard index >= 0, index < ends.count else { return nil }
        let start = index == 0 ? 0 : ends[index - 1]
        return Bytes(start: storage.base + start, count: ends[index] - start)
    }

    /// Reads the rest of a string element whose start was just read (`si` here, `is` in a
    /// cell): its `t` text, or its runs' `t` texts joined, with `_xHHHH_` escapes decoded.
    /// Phonetic guides (`rPh`, Japanese readings) and run formatting are not the cell's
    /// text and are passed over.
    static func appendText(of scanner: XMLScanner, to storage: ByteStorage) throws(WorkbookError) {
        let start = storage.count
        if scanner.isSelfClosing {
            _ = try scanner.next()
            return
        }
        let level = scanner.depth
        var inText = false
        while true {
            switch try scanner.next() {
            case .start:
                if scanner.isNamed("t") {
                    inText = true
                } else if !scanner.isNamed("r") {
                    try scanner.skipElement()
                }
            case .end:
                if scanner.depth < level {
                    storage.setCount(start + CellText.unescape(storage.base + start, count: storage.count - start))
                    return
                }
                inText = false
            case .text:
                if inText { storage.append(scanner.text) }
            case .done:
                return  // the scanner reports the unclosed element
            }
        }
    }
}
