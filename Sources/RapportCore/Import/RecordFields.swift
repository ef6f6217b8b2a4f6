typealias Bytes = UnsafeBufferPointer<UInt8>

/// Typed reading of the current record's cells, straight from its bytes: a valid cell
/// costs no allocation, and a `String` is made only for a message. Every method reports
/// what is wrong as `FILE:LINE: field: reason` and returns nil, so all of a row's checks
/// run and every problem of the line is listed.
struct RecordFields {
    let record: CSVRecord
    let problems: ImportProblems

    var line: Int { record.line }

    func fail(_ cell: Cell, _ reason: String) {
        // A cell the reader reported (a workbook's error value) is not reported again.
        if let index = cell.index, index < 64, record.reportedCells & (1 << UInt64(index)) != 0 { return }
        problems.add(line: record.line, field: cell.name, reason)
    }

    private func bytes(_ cell: Cell) -> Bytes? {
        guard let index = cell.index, index < record.cellCount else { return nil }
        return record.bytes(index)
    }

    /// Reports an empty required cell (a column missing from the header is reported once,
    /// with the header).
    private func missing(_ cell: Cell) -> Bytes? {
        if cell.isRequired, cell.isPresent { fail(cell, "required, but the cell is empty") }
        return nil
    }

    /// Free text exactly as written (names, titles, notes): nil when blank.
    func text(_ cell: Cell) -> BoundText? {
        guard let bytes = bytes(cell), !Self.trimmed(bytes).isEmpty else {
            _ = missing(cell)
            return nil
        }
        return .bytes(bytes)
    }

    /// A key, code, date or choice: surrounding spaces and tabs dropped; nil when empty.
    func token(_ cell: Cell) -> Bytes? {
        guard let bytes = bytes(cell) else { return missing(cell) }
        let token = Self.trimmed(bytes)
        return token.isEmpty ? missing(cell) : token
    }

    /// A key or handle: a token without control characters (keys end up in file names,
    /// calendar UIDs and mail headers).
    func key(_ cell: Cell) -> Bytes? {
        guard let value = token(cell) else { return nil }
        if value.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            fail(cell, "must not contain line breaks or control characters")
            return nil
        }
        return value
    }

    /// A `YYYY-MM-DD` date that exists.
    func date(_ cell: Cell) -> DateCell? {
        guard let value = token(cell) else { return nil }
        guard let date = Self.civilDate(value) else {
            fail(cell, "'\(value.text)' is not a real date as YYYY-MM-DD")
            return nil
        }
        return DateCell(bytes: value, date: date)
    }

    /// One of a closed set of values.
    func choice<Value>(_ choices: Choices<Value>, _ cell: Cell) -> Chosen<Value>? {
        guard let value = token(cell) else { return nil }
        if let match = choices.match(value) { return Chosen(value: match, bound: .bytes(value)) }
        let typed = value.text
        fail(cell, "'\(typed)' is not one of \(choices.names.joined(separator: ", "))\(Suggestion.hint(for: typed, among: choices.names))")
        return nil
    }

    /// An optional choice: the one named `fallback` when the cell is empty or absent, nil
    /// (reported) when it is not one of the values.
    func choice<Value>(_ choices: Choices<Value>, _ cell: Cell, default fallback: String) -> Chosen<Value>? {
        guard let bytes = bytes(cell), !Self.trimmed(bytes).isEmpty else { return choices.named(fallback) }
        return choice(choices, cell)
    }

    /// `yes` or `no` (any case); nil (and no problem) when empty.
    func yesNo(_ cell: Cell) -> Bool? {
        guard let value = token(cell) else { return nil }
        switch value.text.lowercased() {
        case "yes": return true
        case "no": return false
        default:
            fail(cell, "'\(value.text)' is not yes or no")
            return nil
        }
    }

    /// An ISO 3166 alpha-2 country code, upper-case.
    func country(_ cell: Cell) -> Bytes? {
        guard let value = token(cell) else { return nil }
        let typed = value.text
        if CountryCode.isAssigned(typed) { return value }
        let upper = typed.uppercased()
        let hint = CountryCode.isAssigned(upper) ? " (did you mean \(upper)?)" : ""
        fail(cell, "'\(typed)' is not an ISO 3166 alpha-2 country code such as CN or US\(hint)")
        return nil
    }

    /// An ISO 4217 code: three upper-case letters.
    func currency(_ cell: Cell) -> String? {
        guard let value = token(cell) else { return nil }
        let typed = value.text
        if Currency.isValidCode(typed) { return typed }
        let upper = typed.uppercased()
        let hint = Currency.isValidCode(upper) ? " (did you mean \(upper)?)" : ""
        fail(cell, "'\(typed)' is not an ISO 4217 currency code such as CNY or USD\(hint)")
        return nil
    }

    /// A locale tag such as `zh-CN` or `en`: it picks a template folder, so nothing else.
    func locale(_ cell: Cell) -> Bytes? {
        guard let value = token(cell) else { return nil }
        if LocaleTag.isValid(value) { return value }
        let typed = value.text
        var dashed = String(typed.map { $0 == "_" ? "-" : $0 })
        let hint = dashed.withUTF8 { LocaleTag.isValid($0) } ? " (did you mean \(dashed)?)" : ""
        fail(cell, "'\(typed)' is not a locale tag such as zh-CN or en\(hint)")
        return nil
    }

    /// An e-mail address: one `@` with text on both sides and a dot in the domain, no
    /// spaces, line breaks or `<>,;"` (it goes into the `To` header of a draft).
    func email(_ cell: Cell) -> Bytes? {
        guard let value = token(cell) else { return nil }
        let at = value.firstIndex(of: UInt8(ascii: "@"))
        let valid = at.map { at in
            at > 0 && value[(at + 1)...].contains(UInt8(ascii: ".")) && value[(at + 1)...].last != UInt8(ascii: ".")
                && !value[(at + 1)...].contains(UInt8(ascii: "@"))
        } ?? false
        let forbidden = value.contains { byte in
            switch byte {
            case 0..<0x21, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\""):
                return true
            default:
                return false
            }
        }
        guard valid, !forbidden else {
            fail(cell, "'\(value.text)' is not an e-mail address")
            return nil
        }
        return value
    }

    /// A positive amount in `currency`'s major unit, as minor units.
    func amount(_ cell: Cell, currency: String) -> Int64? {
        guard let value = token(cell) else { return nil }
        do {
            let minor = try Currency.parseMinor(value.text, currency: currency)
            guard minor > 0 else {
                fail(cell, "'\(value.text)' must be more than zero")
                return nil
            }
            return minor
        } catch {
            fail(cell, error.description)
            return nil
        }
    }

    private static func trimmed(_ bytes: Bytes) -> Bytes {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start == 0, end == bytes.count { return bytes }
        return Bytes(rebasing: bytes[start..<end])
    }

    /// `YYYY-MM-DD` read from bytes, strictly: four-digit year, two-digit month and day.
    static func civilDate(_ bytes: Bytes) -> CivilDate? { CivilDate(utf8: bytes) }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes as text, for a message or a value that must outlive the record.
    var text: String { String(decoding: self, as: UTF8.self) }
}

/// A valid date and its text, `YYYY-MM-DD` exactly as stored.
struct DateCell {
    let bytes: Bytes
    let date: CivilDate

    var bound: BoundText { .bytes(bytes) }
}

/// A closed set of values matched against a cell's bytes: an enumeration's raw values, or
/// the configured tiers.
struct Choices<Value> {
    private let options: [(bytes: [UInt8], value: Value)]
    let names: [String]

    init(_ pairs: [(String, Value)]) {
        options = pairs.map { (Array($0.0.utf8), $0.1) }
        names = pairs.map(\.0)
    }

    func match(_ bytes: Bytes) -> Value? {
        options.first { $0.bytes.elementsEqual(bytes) }?.value
    }

    func named(_ name: String) -> Chosen<Value>? {
        options.first { $0.bytes.elementsEqual(name.utf8) }.map { Chosen(value: $0.value, bound: .string(name)) }
    }
}

/// A matched choice, and the text to store for it (the cell's own bytes).
struct Chosen<Value> {
    let value: Value
    let bound: BoundText
}

extension Choices where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    init(_ type: Value.Type) {
        self.init(Value.allCases.map { ($0.rawValue, $0) })
    }
}

extension Choices where Value == String {
    init(names: [String]) {
        self.init(names.map { ($0, $0) })
    }
}

/// BCP 47-shaped locale tags: a 2–3 letter language, then `-` and 2–8 letters or digits.
extension LocaleTag {
    static func isValid(_ tag: Bytes) -> Bool {
        let parts = tag.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy(isLetter) else {
            return false
        }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { isLetter($0) || ($0 >= 48 && $0 <= 57) }
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) }
}
