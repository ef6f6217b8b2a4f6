import Testing
@testable import RapportCore

/// The `'` a CSV writer puts before a formula-looking cell, and the import taking exactly
/// that `'` off again.
@Suite struct FormulaGuardTests {
    /// Values a round trip must give back unchanged, guarded or not.
    static let values = [
        "=HYPERLINK(\"x\")", "-5 Corp", "+86 138 0000 1234", "@mention", "\tindented", "\rcarriage", "=1+2",
        "'quoted", "'", "''", "'=already guarded", "''=twice", "'-5", "-12.50", "-5", "-", "-.5", "-5.", "-1e5",
        "plain", "", "a=b", " =spaced", "李总", "-inf",
    ]

    func guarded(_ value: String) -> String {
        CSVCell.needsGuard(value.utf8) ? "'" + value : value
    }

    func unguarded(_ value: String) -> String {
        var text = value
        return text.withUTF8 { String(decoding: CSVCell.unguarded($0), as: UTF8.self) }
    }

    @Test func whatIsGuarded() {
        for value in ["=HYPERLINK(\"x\")", "-5 Corp", "+86 138", "@mention", "\tindented", "\rcarriage", "'=x", "''=x", "'-5", "-1e5", "-inf", "-", "-.5", "-5."] {
            #expect(CSVCell.needsGuard(value.utf8), "\(value.debugDescription)")
        }
        for value in ["-12.50", "-5", "plain", "", "'", "'quoted", "a=b", " =spaced", "李总"] {
            #expect(!CSVCell.needsGuard(value.utf8), "\(value.debugDescription)")
        }
    }

    @Test func theImportTakesOffOneGuardBeforeAFormulaCharacter() {
        #expect(unguarded("'=HYPERLINK(\"x\")") == "=HYPERLINK(\"x\")")
        #expect(unguarded("'-5 Corp") == "-5 Corp")
        #expect(unguarded("''=x") == "'=x")
        #expect(unguarded("'\tx") == "\tx")
        // A `'` before anything else is the value's own.
        #expect(unguarded("'quoted") == "'quoted")
        #expect(unguarded("'") == "'")
        #expect(unguarded("''") == "''")
        #expect(unguarded("-5") == "-5")
        #expect(unguarded("") == "")
    }

    @Test func everyValueReadsBackAsItself() {
        for value in Self.values {
            #expect(unguarded(guarded(value)) == value, "\(value.debugDescription)")
        }
    }

    @Test func escapeGuardsThenQuotes() {
        #expect(CSVCell.escape("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVCell.escape("-5 Corp") == "'-5 Corp")
        #expect(CSVCell.escape("-12.50") == "-12.50")
        #expect(CSVCell.escape("'=x") == "''=x")
        #expect(CSVCell.escape("a,b") == "\"a,b\"")
        // CR LF is one Character in Swift; the cell is still quoted.
        #expect(CSVCell.escape("line 1\r\nline 2") == "\"line 1\r\nline 2\"")
        #expect(CSVCell.row(["a", "=1", "b\"c"]) == "a,'=1,\"b\"\"c\"")
    }
}
