/// Typed reading of the current record's cells. Every method reports what is wrong as
/// `FILE:LINE: field: reason` and returns nil, so a row's checks all run and every
/// problem of the line is listed.
struct RecordFields {
    let reader: CSVReader
    let problems: ImportProblems

    var line: Int { reader.line }

    func fail(_ cell: Cell, _ reason: String) {
        problems.add(line: reader.line, field: cell.name, reason)
    }

    private func bytes(_ cell: Cell) -> UnsafeBufferPointer<UInt8>? {
        guard let index = cell.index, index < reader.cellCount else { return nil }
        return reader.bytes(index)
    }

    /// Reports an empty required cell (a column missing from the header is reported once,
    /// with the header).
    private func missing(_ cell: Cell) -> String? {
        if cell.isRequired, cell.isPresent { fail(cell, "required, but the cell is empty") }
        return nil
    }

    /// Free text exactly as written (names, titles, notes): nil when empty.
    func text(_ cell: Cell) -> String? {
        guard let bytes = bytes(cell), !bytes.isEmpty else { return missing(cell) }
        if isBlank(bytes) { return missing(cell) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A key, code, date or choice: surrounding spaces dropped; nil when empty.
    func token(_ cell: Cell) -> String? {
        guard let bytes = bytes(cell) else { return missing(cell) }
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard end > start else { return missing(cell) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// A key or handle: a token without control characters (keys end up in file names,
    /// calendar UIDs and mail headers).
    func key(_ cell: Cell) -> String? {
        guard let value = token(cell) else { return nil }
        if value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            fail(cell, "must not contain line breaks or control characters")
            return nil
        }
        return value
    }

    /// A `YYYY-MM-DD` date that exists.
    func date(_ cell: Cell) -> DateCell? {
        guard let value = token(cell) else { return nil }
        guard let date = CivilDate(value) else {
            fail(cell, "'\(value)' is not a real date as YYYY-MM-DD")
            return nil
        }
        return DateCell(text: value, date: date)
    }

    /// One of an enumeration's raw values.
    func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ cell: Cell) -> E? where E.RawValue == String {
        guard let value = token(cell) else { return nil }
        if let choice = E(rawValue: value) { return choice }
        let allowed = E.allCases.map(\.rawValue)
        fail(cell, "'\(value)' is not one of \(allowed.joined(separator: ", "))\(Suggestion.hint(for: value, among: allowed))")
        return nil
    }

    /// An optional choice: `fallback` when the cell is empty or absent, nil (reported) when
    /// it is not one of the values.
    func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ cell: Cell, default fallback: E) -> E?
    where E.RawValue == String {
        guard let bytes = bytes(cell), !isBlank(bytes) else { return fallback }
        return choice(type, cell)
    }

    /// One of a list of names (the configured tiers).
    func choice(among allowed: [String], _ cell: Cell) -> String? {
        guard let value = token(cell) else { return nil }
        if allowed.contains(value) { return value }
        fail(cell, "'\(value)' is not one of \(allowed.joined(separator: ", "))\(Suggestion.hint(for: value, among: allowed))")
        return nil
    }

    /// `yes` or `no`; nil (and no problem) when empty.
    func yesNo(_ cell: Cell) -> Bool? {
        guard let value = token(cell) else { return nil }
        switch value.lowercased() {
        case "yes": return true
        case "no": return false
        default:
            fail(cell, "'\(value)' is not yes or no")
            return nil
        }
    }

    /// An ISO 3166 alpha-2 country code, upper-case.
    func country(_ cell: Cell) -> String? {
        guard let value = token(cell) else { return nil }
        if CountryCode.isAssigned(value) { return value }
        let upper = value.uppercased()
        let hint = CountryCode.isAssigned(upper) ? " (did you mean \(upper)?)" : ""
        fail(cell, "'\(value)' is not an ISO 3166 alpha-2 country code such as CN or US\(hint)")
        return nil
    }

    /// An ISO 4217 code: three upper-case letters.
    func currency(_ cell: Cell) -> String? {
        guard let value = token(cell) else { return nil }
        if Currency.isValidCode(value) { return value }
        let upper = value.uppercased()
        let hint = Currency.isValidCode(upper) ? " (did you mean \(upper)?)" : ""
        fail(cell, "'\(value)' is not an ISO 4217 currency code such as CNY or USD\(hint)")
        return nil
    }

    /// A locale tag such as `zh-CN` or `en`: it picks a template folder, so nothing else.
    func locale(_ cell: Cell) -> String? {
        guard let value = token(cell) else { return nil }
        if LocaleTag.isValid(value) { return value }
        let dashed = String(value.map { $0 == "_" ? "-" : $0 })
        let hint = LocaleTag.isValid(dashed) ? " (did you mean \(dashed)?)" : ""
        fail(cell, "'\(value)' is not a locale tag such as zh-CN or en\(hint)")
        return nil
    }

    /// An e-mail address: one `@` with text on both sides, no spaces or line breaks (it
    /// goes into the `To` header of a draft).
    func email(_ cell: Cell) -> String? {
        guard let value = token(cell) else { return nil }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = value.unicodeScalars.contains { $0.value < 0x21 || $0.value == 0x7F || "<>,;\"".unicodeScalars.contains($0) }
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !forbidden else {
            fail(cell, "'\(value)' is not an e-mail address")
            return nil
        }
        return value
    }

    /// A positive amount in `currency`'s major unit, as minor units.
    func amount(_ cell: Cell, currency: String) -> Int64? {
        guard let value = token(cell) else { return nil }
        do {
            let minor = try Currency.parseMinor(value, currency: currency)
            guard minor > 0 else {
                fail(cell, "'\(value)' must be more than zero")
                return nil
            }
            return minor
        } catch {
            fail(cell, error.description)
            return nil
        }
    }

    private func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}

/// A valid date and its canonical text (what is stored).
struct DateCell {
    let text: String
    let date: CivilDate
}

/// BCP 47-shaped locale tags: a 2–3 letter language, then `-` and 2–8 letters or digits.
enum LocaleTag {
    static func isValid(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
              language.utf8.allSatisfy(isLetter) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.utf8.allSatisfy { isLetter($0) || ($0 >= 48 && $0 <= 57) }
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) }
}
