/// Writing CSV that a spreadsheet opens as data, never as a formula — and reading back
/// exactly what was written.
public enum CSVCell {
    /// Quotes a cell when needed (RFC 4180) and neutralises a cell a spreadsheet could read
    /// as a formula with a leading `'` (`needsGuard`), the OWASP-recommended guard against
    /// CSV injection.
    public static func escape(_ value: String) -> String {
        var text = value
        if needsGuard(value.utf8) { text = "'" + text }
        if text.utf8.contains(where: needsQuotes) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    public static func row(_ cells: [String]) -> String {
        cells.map(escape).joined(separator: ",")
    }

    /// The mark put before a cell that could run as a formula.
    static let guardMark = UInt8(ascii: "'")

    /// `=`, `+`, `-`, `@`, tab and carriage return: what a spreadsheet may take as the start
    /// of a formula.
    static func isFormulaStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }

    /// Whether a cell is written with a `'` before it: when its first character after any
    /// leading `'`s could start a formula (`=1+2`, `-5 Corp`, and also `'=1+2`, so that
    /// `unguarded` can tell the mark from a `'` the value itself begins with). A plain
    /// negative number (`-12.50`) is left alone, so amounts stay numbers.
    static func needsGuard<Cell: Collection<UInt8>>(_ cell: Cell) -> Bool {
        guard let first = cell.first(where: { $0 != guardMark }), isFormulaStart(first) else { return false }
        return !(cell.first == UInt8(ascii: "-") && isPlainNegativeNumber(cell))
    }

    /// A cell as it was before `needsGuard`'s mark: one leading `'` dropped when a formula
    /// character follows the `'`s (`'=1+2` → `=1+2`, `''=1+2` → `'=1+2`), any other cell as it
    /// is. Every value written with the mark reads back as itself, and so does every value
    /// written without it: the import reads CSV through this.
    static func unguarded(_ cell: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard cell.first == guardMark, let first = cell.first(where: { $0 != guardMark }), isFormulaStart(first) else {
            return cell
        }
        return UnsafeBufferPointer(rebasing: cell.dropFirst())
    }

    /// `-` then digits, with at most one `.` between digits: `-5`, `-12.50`.
    private static func isPlainNegativeNumber<Cell: Collection<UInt8>>(_ cell: Cell) -> Bool {
        var digitsBefore = 0, digitsAfter = 0, seenDot = false
        for byte in cell.dropFirst() {
            if byte == UInt8(ascii: "."), !seenDot {
                seenDot = true
            } else if byte >= 48, byte <= 57 {
                if seenDot { digitsAfter += 1 } else { digitsBefore += 1 }
            } else {
                return false
            }
        }
        return digitsBefore > 0 && (!seenDot || digitsAfter > 0)
    }

    /// Comma, quote, line feed and carriage return: a cell holding one is quoted.
    static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
