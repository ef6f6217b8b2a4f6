/// Writing CSV that a spreadsheet opens as data, never as a formula.
public enum CSVCell {
    /// Quotes a cell when needed (RFC 4180) and neutralises a leading `=`, `+`, `-`, `@`,
    /// tab or carriage return with a `'`, the OWASP-recommended guard against CSV injection.
    /// Plain negative numbers (`-12.50`) are left alone so amounts stay numeric.
    public static func escape(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
           !(first == "-" && Double(text) != nil) {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    public static func row(_ cells: [String]) -> String {
        cells.map(escape).joined(separator: ",")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
