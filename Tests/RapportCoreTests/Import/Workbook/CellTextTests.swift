import Testing
@testable import RapportCore

@Suite struct CellTextTests {
    private func decimal(_ text: String) -> String? {
        let output = ByteStorage()
        var text = text
        let ok = text.withUTF8 { CellText.decimal($0, into: output) }
        return ok ? output.bytes.text : nil
    }

    @Test func numbersAreTheirDigitsNeverADouble() {
        #expect(decimal("1250.5") == "1250.5")
        #expect(decimal("1250.50") == "1250.5")
        #expect(decimal("1001") == "1001")
        #expect(decimal("1001.0") == "1001", "no .0 on a whole number")
        #expect(decimal("13800138000") == "13800138000", "a phone number stored as a number")
        #expect(decimal("0.1") == "0.1")
        #expect(decimal("-3") == "-3")
        #expect(decimal("-0.0") == "0")
        #expect(decimal("007") == "7")
        #expect(decimal(".5") == "0.5")
        // A Double would make 0.30000000000000004 of a sum; the text is kept exactly.
        #expect(decimal("123456789012345678.25") == "123456789012345678.25")
    }

    @Test func exponentsMoveThePointExactly() {
        #expect(decimal("1.2345E3") == "1234.5")
        #expect(decimal("1.2345e+03") == "1234.5")
        #expect(decimal("1.3800138001E10") == "13800138001")
        #expect(decimal("12E2") == "1200")
        #expect(decimal("1E-3") == "0.001")
        #expect(decimal("0.05E1") == "0.5")
        #expect(decimal("0E5") == "0")
        #expect(decimal("1E30") == "1" + String(repeating: "0", count: 30))
        #expect(decimal("1E31") == nil, "an exponent past 30 is refused, not written out")
    }

    @Test func textThatIsNoNumberIsRefused() {
        for text in ["", "-", ".", "1.2.3", "12abc", "1E", "1E+", "NaN", "INF", "1,250.50", " 5"] {
            #expect(decimal(text) == nil, "\(text)")
        }
    }

    private func date(_ serial: String, _ system: DateSystem = .from1900) -> String {
        var serial = serial
        return serial.withUTF8 { bytes in
            switch CellText.date(serial: bytes, system: system) {
            case .success(let date): return date.description
            case .failure(let problem): return "\(problem)"
            }
        }
    }

    @Test func serialDatesOfThe1900System() {
        #expect(date("1") == "1900-01-01")
        #expect(date("59") == "1900-02-28")
        #expect(date("60") == "february29of1900", "Excel's day that never was is refused")
        #expect(date("61") == "1900-03-01")
        #expect(date("44927") == "2023-01-01")
        #expect(date("46287") == "2026-09-22")
        #expect(date("2958465") == "9999-12-31")
        #expect(date("2958466") == "pastYear9999")
        #expect(date("0") == "dayZero")
        #expect(date("-1") == "negative")
        #expect(date("abc") == "notANumber")
        // The time of day is dropped; an exponent is read exactly.
        #expect(date("46287.999988") == "2026-09-22")
        #expect(date("4.6287E4") == "2026-09-22")
    }

    @Test func serialDatesOfThe1904System() {
        #expect(date("0", .from1904) == "1904-01-01")
        #expect(date("1462", .from1904) == "1908-01-02")
        // The same date is 1462 days smaller than in the 1900 system.
        #expect(date(String(46287 - 1462), .from1904) == "2026-09-22")
    }

    @Test func problemsSayWhatIsWrong() {
        #expect(DateProblem.february29of1900.reason("60")
            == "the date serial number 60 is 1900-02-29, a day that never was (Excel counts 1900 as a leap year); write the date as text")
        #expect(DateProblem.pastYear9999.reason("3000000") == "the date serial number 3000000 is past 9999-12-31")
    }

    private func unescaped(_ text: String) -> String {
        var bytes = Array(text.utf8)
        let count = bytes.withUnsafeMutableBufferPointer { CellText.unescape($0.baseAddress!, count: $0.count) }
        return String(decoding: bytes[..<count], as: UTF8.self)
    }

    @Test func officeEscapesAreDecoded() {
        #expect(unescaped("a_x000D_b") == "a\rb")
        #expect(unescaped("tab_x0009_here") == "tab\there")
        #expect(unescaped("_x005F_x000D_") == "_x000D_", "an escaped underscore keeps the text after it")
        #expect(unescaped("_xD83D__xDE00_") == "😀", "two escaped surrogates are one character")
        #expect(unescaped("_xD83D_") == "_xD83D_", "a lone surrogate stays as written")
        #expect(unescaped("_x12_ and _xZZZZ_") == "_x12_ and _xZZZZ_")
        #expect(unescaped("中文_x4E2D_") == "中文中")
    }

    @Test func isoDateCellsGiveTheirDay() {
        func iso(_ text: String) -> String? {
            var text = text
            return text.withUTF8 { CellText.isoDate($0)?.text }
        }
        #expect(iso("2026-11-10") == "2026-11-10")
        #expect(iso("2026-11-10T09:30:00Z") == "2026-11-10")
        #expect(iso("2026-11-10 09:30") == nil)
        #expect(iso("2026-11") == nil)
    }

    @Test func columnReferencesAndLetters() throws {
        func column(_ reference: String) throws -> Int {
            var reference = reference
            return try reference.withUTF8 { try SheetReader.column(of: $0, part: "sheet") }
        }
        #expect(try column("A1") == 0)
        #expect(try column("Z9") == 25)
        #expect(try column("AA10") == 26)
        #expect(try column("XFD1048576") == 16_383)
        #expect(throws: WorkbookError.damaged("sheet: 'XFE1' is not a cell reference")) { try column("XFE1") }
        #expect(throws: WorkbookError.damaged("sheet: '12' is not a cell reference")) { try column("12") }
        #expect(SheetReader.letters(0) == "A")
        #expect(SheetReader.letters(26) == "AA")
        #expect(SheetReader.letters(16_383) == "XFD")
    }
}
