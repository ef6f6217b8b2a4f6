import Foundation
import Testing
@testable import RapportCore

extension Fixtures {
    /// `Fixtures/xlsx/NAME` (made by make_fixtures.py there).
    static func workbook(_ name: String) -> String {
        URL(fileURLWithPath: path("x")).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("xlsx/\(name)").path
    }
}

extension ScratchDatabase {
    @discardableResult
    func loadSheet(_ kind: ImportKind, _ workbook: String, sheet: String? = nil, encoding: ImportEncoding? = nil) throws -> ImportSummary {
        try importer.importFile(kind: kind, path: Fixtures.workbook(workbook), encoding: encoding, sheet: sheet)
    }

    /// Every row of every table, as text: what two databases must agree on.
    func contents() throws -> [String] {
        var rows: [String] = []
        for table in ["rep", "account", "contact", "event", "touch", "invoice", "payment", "promise", "snooze"] {
            let columns = try strings("SELECT name FROM pragma_table_info('\(table)') ORDER BY cid")
            let text = columns.map { "quote(\($0))" }.joined(separator: " || '|' || ")
            rows += try strings("SELECT '\(table): ' || \(text) FROM \(table) ORDER BY id")
        }
        return rows
    }
}

/// The failure of an import as (exit code, message).
private func failure(_ body: () throws -> Void) -> (RapportError.Code, String)? {
    do {
        try body()
        return nil
    } catch let error as RapportError {
        return (error.code, error.message)
    } catch {
        return (.software, "\(error)")
    }
}

@Suite struct WorkbookImportTests {
    // MARK: What spreadsheets write

    @Test(arguments: [false, true]) func aLibreOfficeWorkbookGivesTheSameDatabaseAsTheCSVFiles(preloadKeys: Bool) throws {
        let fromCSV = try ScratchDatabase(preloadKeys: preloadKeys)
        try fromCSV.loadWorld()
        let fromWorkbook = try ScratchDatabase(preloadKeys: preloadKeys)
        for kind in Fixtures.worldOrder {
            // One sheet per kind, named for it: dates as serial numbers and as text, amounts
            // as numbers and as text, `sensitive` as booleans, Chinese text.
            let summary = try fromWorkbook.loadSheet(kind, "world-libreoffice.xlsx", sheet: kind.rawValue)
            #expect(summary.sheet == kind.rawValue)
            #expect(summary.updated == 0 && summary.skipped == 0, "\(kind)")
        }
        #expect(try fromWorkbook.contents() == fromCSV.contents())
        #expect(try fromWorkbook.contents().count == 29)
    }

    @Test func theFirstSheetIsReadUnlessOneIsNamed() throws {
        let scratch = try ScratchDatabase()
        let summary = try scratch.loadSheet(.reps, "world-libreoffice.xlsx")
        #expect(summary.sheet == "reps")
        #expect(summary.description == "imported \(Fixtures.workbook("world-libreoffice.xlsx")) (sheet reps): 3 inserted, 0 updated, 0 skipped")
        // A hidden first sheet is passed over: the first sheet one sees is "touches".
        try scratch.loadWorld()
        #expect(try scratch.loadSheet(.touches, "inline-strings.xlsx").sheet == "touches")
        // Sheet names are matched as Excel matches them, without regard to case.
        #expect(try scratch.loadSheet(.invoices, "inline-strings.xlsx", sheet: "INVOICES").sheet == "invoices")
    }

    @Test func anotherProgramsWorkbookWithInlineStringsAndNoSharedStrings() throws {
        let scratch = try ScratchDatabase()
        for kind in [ImportKind.reps, .accounts, .contacts] { try scratch.load(kind, "\(kind.rawValue).csv") }
        let summary = try scratch.loadSheet(.touches, "inline-strings.xlsx")
        #expect((summary.rows, summary.inserted) == (4, 4), "the empty row 6 is skipped")
        // A serial date, an ISO date cell, a date as text, a serial with a time of day; rich
        // text runs joined; a formula's cached result; entities, _x000D_ and kept spaces.
        #expect(try scratch.strings("""
            SELECT a.key || '|' || ifnull(c.key, '-') || '|' || r.handle || '|' || t.date || '|' || t.channel || '|' || t.kind
            FROM touch t JOIN account a ON a.id = t.account_id JOIN rep r ON r.id = t.rep_id
            LEFT JOIN contact c ON c.id = t.contact_id ORDER BY t.id
            """) == [
            "HD-MACH|hd-li|wang.lei|2026-09-22|gift|gift",
            "HD-MACH|-|wang.lei|2026-11-10|visit|visit",
            "SZ-ELEC|sz-chen|wang.lei|2026-11-05|chat|checkin",
            "BUCKEYE|bk-mike|sarah.chen|2026-11-02|call|checkin",
        ])
        #expect(try scratch.strings("SELECT ifnull(note, 'NULL') FROM touch ORDER BY id") == [
            "中秋月饼礼盒", "NULL", "Asked about Q1,\r\nsaid \"maybe\" & _x0041_", " Q1 forecast ",
        ])
    }

    @Test func numbersInTextColumnsAreTheirDigitsAndMoneyIsExact() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        try scratch.loadSheet(.reps, "inline-strings.xlsx", sheet: "reps")
        #expect(try scratch.strings("SELECT handle || ' ' || name || ' ' || ifnull(phone, '-') FROM rep ORDER BY id") == [
            "wang.lei 王磊 13800138000", "sarah.chen Sarah Chen 13800138001", "zhao.min 赵敏 -", "1001 Numbered Rep 1001",
        ])
        try scratch.loadSheet(.invoices, "inline-strings.xlsx", sheet: "invoices")
        #expect(try scratch.strings("SELECT number || ' ' || issued_on || ' ' || due_on || ' ' || amount || ' ' || currency FROM invoice WHERE id > 4 ORDER BY id") == [
            "1001 2026-09-01 2026-10-15 125050 CNY", "INV-2 2026-09-01 2026-10-15 123450 CNY",
            "JP-9 2026-10-01 2026-10-31 7 JPY", "US-1 2026-10-28 2026-11-27 1845050 USD",
        ])
    }

    @Test func the1904DateSystem() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        try scratch.loadSheet(.snoozes, "dates-1904.xlsx")
        #expect(try scratch.strings("SELECT a.key || ' ' || s.kind || ' ' || s.until FROM snooze s JOIN account a ON a.id = s.account_id ORDER BY a.key, s.kind") == [
            "BUCKEYE gift 1904-01-01", "HD-MACH collection 2026-11-28", "OLD-MILL checkin 2026-12-31",
        ])
    }

    @Test func aZIP64ArchiveReadsLikeAnyOther() throws {
        let plain = try ScratchDatabase()
        try plain.loadWorld()
        try plain.loadSheet(.snoozes, "dates-1904.xlsx")
        let wide = try ScratchDatabase()
        try wide.loadWorld()
        #expect(try wide.loadSheet(.snoozes, "zip64.xlsx").rows == 3)
        #expect(try wide.contents() == plain.contents())
    }

    @Test(arguments: [false, true]) func aSheetLargerThanTheReadersBufferGivesTheSameRowsAsItsCSV(preloadKeys: Bool) throws {
        let fromCSV = try ScratchDatabase(preloadKeys: preloadKeys)
        try fromCSV.loadWorld()
        let csv = try fromCSV.importer.importFile(kind: .touches, path: Fixtures.workbook("touches-3000.csv"))
        let fromWorkbook = try ScratchDatabase(preloadKeys: preloadKeys)
        try fromWorkbook.loadWorld()
        let sheet = try fromWorkbook.loadSheet(.touches, "touches-3000.xlsx")
        #expect((sheet.rows, sheet.inserted, sheet.skipped) == (csv.rows, csv.inserted, csv.skipped))
        #expect(sheet.rows == 3000)
        #expect(try fromWorkbook.contents() == fromCSV.contents())
    }

    @Test func reimportingASheetAddsNothing() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        try scratch.loadSheet(.touches, "inline-strings.xlsx")
        let before = try scratch.contents()
        let again = try scratch.loadSheet(.touches, "inline-strings.xlsx")
        #expect((again.inserted, again.updated, again.skipped) == (0, 0, 4))
        // The world's own touches, imported from the CSV, are the same rows.
        let world = try scratch.loadSheet(.touches, "world-libreoffice.xlsx", sheet: "touches")
        #expect((world.inserted, world.skipped) == (0, 4))
        #expect(try scratch.contents() == before)
    }

    // MARK: Problems in rows

    @Test(arguments: [false, true]) func everyProblemOfTheSheetIsListedByRow(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        try scratch.loadWorld()
        try scratch.settle()
        let before = scratch.fileBytes()
        let file = Fixtures.workbook("problems.xlsx")
        let place = "\(file):touches!"
        #expect(importFailure { try scratch.loadSheet(.touches, "problems.xlsx") } == [
            "\(file): 12 problems; nothing was imported",
            "\(place)2: note: the cell shows the error #N/A, not a value",
            "\(place)3: date: the date serial number 60 is 1900-02-29, a day that never was (Excel counts 1900 as a leap year); write the date as text",
            "\(place)4: date: the date serial number -3 is negative, so no date",
            "\(place)5: channel: a formula without a saved result (open the file in a spreadsheet and save it again)",
            "\(place)6: record: a value in column J, right of the header's last column (G)",
            // Row 7 is not in the sheet: rows keep the sheet's own numbers.
            "\(place)8: account: unknown account 'HD-MAHC' (did you mean HD-MACH?)",
            "\(place)9: date: the date serial number 0 is no date (Excel shows it as 1900-01-00)",
            "\(place)9: kind: 'hug' is not one of checkin, greeting, gift, care, collection, visit, other",
            // An error in a required cell is that problem, not also "required, but the cell is empty".
            "\(place)10: rep: the cell shows the error #REF!, not a value",
            "\(place)11: record: a value in column K, right of the header's last column (G)",
            "\(place)12: date: the date serial number 2958466 is past 9999-12-31",
            "\(place)13: date: 'TRUE' is not a real date as YYYY-MM-DD",
        ])
        #expect(importFailure { try scratch.loadSheet(.accounts, "problems.xlsx", sheet: "accounts") } == [
            "\(file): 1 problem; nothing was imported",
            "\(file):accounts!3: key: account 'NEW-1' is already on row 2 of this sheet",
        ])
        #expect(importFailure { try scratch.loadSheet(.snoozes, "inline-strings.xlsx", sheet: "empty") } == [
            "\(Fixtures.workbook("inline-strings.xlsx")): 1 problem; nothing was imported",
            "\(Fixtures.workbook("inline-strings.xlsx")):empty!1: header: the sheet is empty; its first row should name the columns: account,kind,until",
        ])
        #expect(importFailure { try scratch.loadSheet(.snoozes, "inline-strings.xlsx", sheet: "notes") } == [
            "\(Fixtures.workbook("inline-strings.xlsx")): 4 problems; nothing was imported",
            "\(Fixtures.workbook("inline-strings.xlsx")):notes!1: this sheet is hidden: unknown column for snoozes; the columns are account, kind, until",
            "\(Fixtures.workbook("inline-strings.xlsx")):notes!1: account: required column missing from the header",
            "\(Fixtures.workbook("inline-strings.xlsx")):notes!1: kind: required column missing from the header",
            "\(Fixtures.workbook("inline-strings.xlsx")):notes!1: until: required column missing from the header",
        ])
        #expect(scratch.fileBytes() == before)
    }

    // MARK: Files that cannot be read

    @Test func aBrokenOrForeignFileIsOneClearErrorAndChangesNothing() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        try scratch.settle()
        let before = scratch.fileBytes()
        let cases: [(String, RapportError.Code, String)] = [
            ("broken-crc.xlsx", .dataError, "the zip archive is damaged: xl/worksheets/sheet1.xml does not match its checksum (CRC-32)"),
            ("broken-deflate.xlsx", .dataError, "the zip archive is damaged: xl/worksheets/sheet1.xml does not inflate (its compressed data is broken)"),
            ("truncated.xlsx", .dataError, "the zip archive is damaged: its directory, at the end of the file, is missing (was the file cut short?)"),
            ("endless-deflate.xlsx", .dataError, "the zip archive is damaged: _rels/.rels is cut short"),
            ("not-a-workbook.xlsx", .dataError, "a zip archive, but not an .xlsx workbook (it has no xl/workbook.xml)"),
            ("spreadsheet.ods", .dataError, "an OpenDocument file (.ods), not an .xlsx workbook; save it as Excel 2007-365 .xlsx or as CSV"),
            ("text.xlsx", .dataError, "not a zip archive, so not an .xlsx workbook (save it from the spreadsheet as Excel 2007-365 .xlsx, or as CSV)"),
            ("legacy.xls", .dataError, "an Excel 97-2003 workbook (.xls) or a password-protected one; save it as Excel 2007-365 .xlsx without a password, or as CSV"),
            ("missing-sheet.xlsx", .dataError, "the workbook names a part xl/worksheets/sheet1.xml that is not in the file"),
            ("malformed-xml.xlsx", .dataError, "xl/worksheets/sheet1.xml is not well-formed XML (byte 471): </rows> closes <row>"),
        ]
        for (name, code, message) in cases {
            let outcome = failure { try scratch.loadSheet(.reps, name) }
            #expect(outcome?.0 == code, "\(name)")
            #expect(outcome?.1 == "\(Fixtures.workbook(name)): \(message)")
        }
        #expect(scratch.fileBytes() == before)
    }

    @Test func sheetsThatCannotBeReadAndOptionsThatDoNotApply() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        let file = Fixtures.workbook("inline-strings.xlsx")
        #expect(failure { try scratch.loadSheet(.touches, "inline-strings.xlsx", sheet: "touchs") }! == (.noInput,
            "\(file): no sheet named 'touchs' (did you mean touches?); the sheets are notes, touches, reps, invoices, chart, empty"))
        #expect(failure { try scratch.loadSheet(.touches, "inline-strings.xlsx", sheet: "chart") }! == (.dataError,
            "\(file): sheet 'chart' is a chart or dialog sheet, not a worksheet with cells"))
        #expect(failure { try scratch.loadSheet(.touches, "inline-strings.xlsx", encoding: .gb18030) }! == (.usage,
            "\(file): --encoding is for CSV files; a workbook's text is always Unicode"))
        #expect(failure { try scratch.importer.importFile(kind: .reps, path: Fixtures.path("reps.csv"), sheet: "reps") }! == (.usage,
            "\(Fixtures.path("reps.csv")): --sheet is for .xlsx workbooks; this is not one (no zip archive)"))
        #expect(failure { try scratch.loadSheet(.reps, "none.xlsx") }?.0 == .noInput)
    }

    @Test func aWorkbookIsToldByItsContentNotItsName() throws {
        let scratch = try ScratchDatabase()
        let renamed = scratch.directory.appendingPathComponent("reps.csv").path
        try FileManager.default.copyItem(atPath: Fixtures.workbook("world-libreoffice.xlsx"), toPath: renamed)
        let summary = try scratch.importer.importFile(kind: .reps, path: renamed)
        #expect((summary.sheet, summary.inserted) == ("reps", 3))
        #expect(Workbook.isWorkbook(Fixtures.workbook("text.xlsx")), "a workbook's name: read as one, and refused")
        #expect(!Workbook.isWorkbook(Fixtures.path("reps.csv")))
    }
}
