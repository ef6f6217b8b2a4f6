/// Reads a worksheet's rows as records for the import, one `<row>` at a time from the
/// inflating zip entry, so a sheet of millions of rows is never held. Each cell becomes the
/// text a CSV file would hold (`CellText`): shared and inline strings as written, numbers
/// as their exact decimal, serial numbers in date columns as `YYYY-MM-DD`, booleans as
/// `TRUE`/`FALSE` (`yes`/`no` in `sensitive`, where 1 and 0 are too). Cells are placed by their reference, so a
/// missing cell is an empty one; wholly empty rows are skipped; a record's line is the
/// sheet's own row number. A cell that holds no value to import (an error such as `#N/A`,
/// a formula never calculated, a date serial that is no date) is reported as a problem of
/// its row and column, before the row itself; the row is still checked.
final class SheetReader: RecordReader {
    /// Sheet text is never a formula: no writer guards it, and a `'` is the cell's own.
    static var takesOffFormulaGuards: Bool { false }

    let sheet: String
    private let scanner: XMLScanner
    private let strings: SharedStrings
    private let dateSystem: DateSystem

    /// What each column holds, from the header (before it: all text).
    enum Role { case text, date, yesNo }
    @exclusivity(unchecked) private var roles: [Role] = []
    @exclusivity(unchecked) private var names: [String?] = []
    /// The header's width once it is read.
    @exclusivity(unchecked) private var width: Int?

    /// A problem that ends the reading (broken zip or XML): the import reports it alone.
    private(set) var failure: WorkbookError?

    // The current row.
    private let cellBytes = ByteStorage(capacity: 1 << 12)
    @exclusivity(unchecked) private var cellStarts: [Int] = []
    @exclusivity(unchecked) private var cellEnds: [Int] = []
    /// Cells placed in the current row lie below this (the rest of the arrays is stale).
    @exclusivity(unchecked) private var placed = 0
    @exclusivity(unchecked) private(set) var line = 0
    @exclusivity(unchecked) private(set) var cellCount = 0
    @exclusivity(unchecked) private(set) var reportedCells: UInt64 = 0
    /// The current row's problems, thrown one by one before it is returned.
    @exclusivity(unchecked) private var pending: [CSVError] = []
    @exclusivity(unchecked) private var rowReady = false

    private let value = ByteStorage(capacity: 256)
    @exclusivity(unchecked) private var inSheetData = false
    @exclusivity(unchecked) private var sawSheetData = false
    @exclusivity(unchecked) private var finished = false

    /// Date columns of every kind, whose numbers are serial dates.
    static let dateColumns: Set<String> = ["created_on", "date", "issued_on", "due_on", "paid_on", "promised_on", "until", "birthday"]

    init(scanner: XMLScanner, sheet: String, strings: SharedStrings, dateSystem: DateSystem) {
        self.scanner = scanner
        self.sheet = sheet
        self.strings = strings
        self.dateSystem = dateSystem
    }

    var sawMultibyteUTF8: Bool { true }

    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index < placed else { return Bytes(start: cellBytes.base, count: 0) }
        return Bytes(start: cellBytes.base + cellStarts[index], count: cellEnds[index] - cellStarts[index])
    }

    func use(_ header: ImportHeader) {
        names = header.columnNames
        roles = names.map { name in
            guard let name else { return .text }
            if Self.dateColumns.contains(name) { return .date }
            return name == "sensitive" ? .yesNo : .text
        }
        width = header.width
    }

    func next() throws(CSVError) -> Bool {
        if !pending.isEmpty { throw pending.removeFirst() }
        if rowReady {
            rowReady = false
            return true
        }
        do {
            while try readRow() {
                if !pending.isEmpty {
                    // A row whose only value lies right of the header is that problem alone.
                    rowReady = cellCount > 0
                    throw pending.removeFirst()
                }
                if cellCount > 0 { return true }
            }
            return false
        } catch let error as WorkbookError {
            failure = error
            finished = true
            throw CSVError(kind: .unreadable, line: line, reason: error.message)
        } catch let error as CSVError {
            throw error
        } catch {
            preconditionFailure("unexpected \(error)")
        }
    }

    // MARK: - Rows

    /// Reads the next `<row>`; false after the last. `cellCount` is 0 for a row without a
    /// value (it is skipped).
    private func readRow() throws(WorkbookError) -> Bool {
        guard !finished else { return false }
        while true {
            switch try scanner.next() {
            case .start:
                if inSheetData {
                    if scanner.isNamed("row") {
                        try readCells()
                        return true
                    }
                    try scanner.skipElement()
                } else if scanner.isNamed("sheetData") {
                    inSheetData = !scanner.isSelfClosing
                    sawSheetData = true
                }
            case .end:
                if inSheetData, scanner.isNamed("sheetData") {
                    // The rest is layout; it is read through all the same, so the part's
                    // checksum is checked.
                    inSheetData = false
                }
            case .text:
                continue
            case .done:
                finished = true
                guard sawSheetData else { throw WorkbookError.damaged("\(scanner.part) is not a worksheet (it has no sheetData)") }
                return false
            }
        }
    }

    private func readCells() throws(WorkbookError) {
        if let reference = scanner.rawAttribute("r") {
            guard let number = Self.wholeNumber(reference), number > 0 else {
                throw WorkbookError.damaged("\(scanner.part): '\(reference.text)' is not a row number")
            }
            line = number
        } else {
            line += 1
        }
        cellBytes.removeAll()
        // Only what the last row used: one wide row must not make every row cost its width.
        for index in 0..<placed {
            cellStarts[index] = 0
            cellEnds[index] = 0
        }
        placed = 0
        reportedCells = 0
        cellCount = 0
        if scanner.isSelfClosing {
            _ = try scanner.next()
            return
        }
        var column = -1
        while true {
            switch try scanner.next() {
            case .start:
                guard scanner.isNamed("c") else {
                    try scanner.skipElement()
                    continue
                }
                if let reference = scanner.rawAttribute("r") {
                    column = try Self.column(of: reference, part: scanner.part)
                } else {
                    column += 1
                }
                try readCell(column)
            case .end, .done:
                return
            case .text:
                continue
            }
        }
    }

    /// One `<c>`: its value (`<v>`, or `<is>` for an inline string), converted.
    private func readCell(_ column: Int) throws(WorkbookError) {
        // Read now: the attribute's bytes are the scanner's, gone once it reads on.
        let type = CellType(scanner.rawAttribute("t"))
        var hasValue = false
        var hasFormula = false
        value.removeAll()
        if scanner.isSelfClosing {
            _ = try scanner.next()
            return  // a styled empty cell
        }
        let level = scanner.depth
        while true {
            switch try scanner.next() {
            case .start:
                if scanner.isNamed("v") {
                    hasValue = true
                    try readValue()
                } else if scanner.isNamed("is") {
                    hasValue = true
                    try SharedStrings.appendText(of: scanner, to: value)
                } else {
                    hasFormula = hasFormula || scanner.isNamed("f")
                    try scanner.skipElement()
                }
            case .end:
                if scanner.depth < level {
                    try store(column, type: type, hasValue: hasValue, hasFormula: hasFormula)
                    return
                }
            case .text, .done:
                continue
            }
        }
    }

    /// The text of a `<v>` whose start was just read, into `value`.
    private func readValue() throws(WorkbookError) {
        if scanner.isSelfClosing {
            _ = try scanner.next()
            return
        }
        while true {
            switch try scanner.next() {
            case .text: value.append(scanner.text)
            case .end, .done: return
            case .start: try scanner.skipElement()
            }
        }
    }

    // MARK: - Cells

    private func store(_ column: Int, type: CellType, hasValue: Bool, hasFormula: Bool) throws(WorkbookError) {
        if let width, column >= width {
            guard hasValue, value.count > 0 else { return }
            problem(nil, column, "a value in column \(Self.letters(column)), right of the header's last column (\(Self.letters(width - 1)))")
            return
        }
        let role = column < roles.count ? roles[column] : .text
        let start = cellBytes.count
        if !hasValue {
            if hasFormula { problem(column, "a formula without a saved result (open the file in a spreadsheet and save it again)") }
            return
        }
        switch type {
        case .shared:
            guard let index = Self.wholeNumber(value.bytes), let string = strings.string(index) else {
                throw WorkbookError.damaged("\(scanner.part): row \(line) names shared string '\(value.bytes.text)', which the workbook does not have")
            }
            cellBytes.append(string)
        case .inline, .formulaText:
            guard UTF8Check.isValid(value.base, count: value.count) else {
                throw WorkbookError.damaged("\(scanner.part): row \(line) holds text that is not valid UTF-8")
            }
            // A formula's text result is escaped like any string (an inline one already is decoded).
            if case .formulaText = type { value.setCount(CellText.unescape(value.base, count: value.count)) }
            cellBytes.append(value.bytes)
        case .boolean:
            switch Self.wholeNumber(value.bytes) {
            case 1: append(role == .yesNo ? "yes" : "TRUE")
            case 0: append(role == .yesNo ? "no" : "FALSE")
            default: problem(column, "'\(value.bytes.text)' is stored as a true/false value but is neither")
            }
        case .error:
            problem(column, "the cell shows the error \(value.bytes.text), not a value")
        case .date:
            if role == .date, let date = CellText.isoDate(value.bytes) { cellBytes.append(date) } else { cellBytes.append(value.bytes) }
        case .number:
            if role == .date {
                switch CellText.date(serial: value.bytes, system: dateSystem) {
                case .success(let date): CellText.append(date, to: cellBytes)
                case .failure(let reason): problem(column, reason.reason(value.bytes.text))
                }
            } else if !CellText.decimal(value.bytes, into: cellBytes) {
                cellBytes.setCount(start)
                problem(column, "'\(value.bytes.text)' is stored as a number but is not one a file can hold exactly")
            } else if role == .yesNo, cellBytes.count == start + 1, cellBytes.base[start] == 48 || cellBytes.base[start] == 49 {
                // LibreOffice saves a TRUE/FALSE cell as the number 1/0 in a boolean format.
                let isTrue = cellBytes.base[start] == 49
                cellBytes.setCount(start)
                append(isTrue ? "yes" : "no")
            }
        case .unknown(let name):
            problem(column, "the cell has a type '\(name)' that no workbook uses")
        }
        guard cellBytes.count > start || reported(column) else { return }
        place(column, start)
    }

    /// The cell `column` spans `start` to the end of `cellBytes`.
    private func place(_ column: Int, _ start: Int) {
        while cellStarts.count <= column {
            cellStarts.append(cellBytes.count)
            cellEnds.append(cellBytes.count)
        }
        cellStarts[column] = start
        cellEnds[column] = cellBytes.count
        placed = max(placed, column + 1)
        if column >= cellCount { cellCount = width ?? (column + 1) }
    }

    private func reported(_ column: Int) -> Bool { column < 64 && reportedCells & (1 << UInt64(column)) != 0 }

    private func problem(_ column: Int, _ reason: String) {
        if column < 64 { reportedCells |= 1 << UInt64(column) }
        problem(column < names.count ? names[column] ?? Self.letters(column) : Self.letters(column), column, reason)
    }

    private func problem(_ field: String?, _ column: Int, _ reason: String) {
        pending.append(CSVError(kind: .malformed, line: line, reason: reason, field: field))
        if column < (width ?? .max), column >= cellCount { cellCount = width ?? (column + 1) }
    }

    private func append(_ text: StaticString) {
        cellBytes.append(Bytes(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Digits only, as an `Int` (a row number, a shared string's index); nil otherwise.
    static func wholeNumber(_ bytes: Bytes) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// The `t` attribute of a cell, which says how to read its value.
    private enum CellType {
        case number, shared, inline, formulaText, boolean, error, date
        case unknown(String)

        init(_ attribute: Bytes?) {
            guard let attribute, let first = attribute.first else {
                self = .number
                return
            }
            switch (first, attribute.count) {
            case (UInt8(ascii: "s"), 1): self = .shared
            case (UInt8(ascii: "n"), 1): self = .number
            case (UInt8(ascii: "b"), 1): self = .boolean
            case (UInt8(ascii: "e"), 1): self = .error
            case (UInt8(ascii: "d"), 1): self = .date
            case (UInt8(ascii: "s"), 3) where attribute.elementsEqual("str".utf8): self = .formulaText
            case (UInt8(ascii: "i"), 9) where attribute.elementsEqual("inlineStr".utf8): self = .inline
            default: self = .unknown(attribute.text)
            }
        }
    }

    /// The column of a cell reference: `A1` is 0, `AB7` is 27 (at most XFD, 16 384 columns).
    static func column(of reference: Bytes, part: String) throws(WorkbookError) -> Int {
        var column = 0
        var letters = 0
        for byte in reference {
            guard byte >= 65, byte <= 90 else { break }
            column = column * 26 + Int(byte - 64)
            letters += 1
        }
        guard letters > 0, letters <= 3, column <= 16_384 else {
            throw WorkbookError.damaged("\(part): '\(reference.text)' is not a cell reference")
        }
        return column - 1
    }

    /// The letters of a column: 0 is A, 27 is AB.
    static func letters(_ column: Int) -> String {
        var name = ""
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }
}
