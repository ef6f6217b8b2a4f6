import Foundation
import Testing
@testable import RapportCore

@Suite struct XLSXExportTests {
    /// The cells each row of `kind` holds, as the export reads them (before any CSV guard).
    func records(_ scratch: ScratchDatabase, _ kind: ImportKind) throws -> [[String]] {
        var rows: [[String]] = []
        _ = try scratch.db.exportRows(kind) { rows.append($0.cells) }
        return rows
    }

    /// A sheet's rows with the empty cells a CSV row has at its end.
    func padded(_ table: [[String]], to width: Int) -> [[String]] {
        table.map { $0 + Array(repeating: "", count: width - $0.count) }
    }

    @Test func aWorkbookHoldsEveryRowAsPlainValues() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        try scratch.load(.accounts, "accounts-formula.csv")
        for kind in ImportKind.allCases {
            let workbook = try XLSXWorkbook(path: try scratch.export(kind, format: .xlsx).path)
            #expect(Set(workbook.parts.keys) == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/worksheets/sheet1.xml",
            ])
            #expect(workbook.partsAreWellFormed, "\(kind)")
            #expect(String(decoding: workbook.parts["xl/workbook.xml"]!, as: UTF8.self).contains("<sheet name=\"\(kind.rawValue)\" sheetId=\"1\""))
            let columns = kind.columns.map(\.name)
            #expect(workbook.table.first == columns, "\(kind): the header")
            #expect(padded(Array(workbook.table.dropFirst()), to: columns.count) == (try records(scratch, kind)), "\(kind)")
            // Nothing can run: no formula element, text only as inline strings.
            #expect(!workbook.elements.contains("f") && !workbook.elements.contains("si"), "\(kind)")
            for (number, row) in workbook.rows.enumerated() {
                for cell in row {
                    #expect(cell.reference.drop { $0.isLetter } == "\(number + 1)", "\(kind): \(cell.reference) in row \(number + 1)")
                    if number == 0 { #expect(cell.style == "4") }
                }
            }
        }
        let accounts = try XLSXWorkbook(path: try scratch.export(.accounts, format: .xlsx).path)
        let formula = try #require(accounts.rows.last)
        #expect(formula[1] == XLSXWorkbook.Cell(reference: "B6", type: "inlineStr", style: nil, value: "=HYPERLINK(\"http://evil.example\",\"click\")"))
    }

    @Test func amountsAreExactNumbersWithTheCurrencysDecimals() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        let invoices = try XLSXWorkbook(path: try scratch.export(.invoices, format: .xlsx).path)
        #expect(invoices.rows.dropFirst().map { $0[4] } == [
            XLSXWorkbook.Cell(reference: "E2", type: nil, style: "2", value: "186000.00"),
            XLSXWorkbook.Cell(reference: "E3", type: nil, style: "2", value: "100000.00"),
            XLSXWorkbook.Cell(reference: "E4", type: nil, style: "2", value: "18450.50"),
            XLSXWorkbook.Cell(reference: "E5", type: nil, style: "1", value: "120000"),
        ])
        // Dates stay text, exactly as the CSV has them.
        #expect(invoices.rows[1][2] == XLSXWorkbook.Cell(reference: "C2", type: "inlineStr", style: nil, value: "2026-09-01"))
        let styles = String(decoding: invoices.parts["xl/styles.xml"]!, as: UTF8.self)
        #expect(styles.contains(#"<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#))
    }

    /// Text an XML parser would change (a carriage return, control characters, an `_x…_`
    /// sequence, spaces at the ends) comes back exactly.
    @Test func textSurvivesTheXML() throws {
        let scratch = try ScratchDatabase()
        try scratch.load(.reps, "reps.csv")
        let tricky = "  a & b < c > d\r\nnext\tline \u{1}\u{1F} _x0041_ _x12_ \u{FFFE}\u{FFFF} 李总 "
        try scratch.importer.importFile(kind: .accounts, path: try scratch.file("accounts.csv", """
            key,name,tier,owner,country,created_on
            T1,"\(tricky)",A,wang.lei,CN,2020-01-01

            """))
        let workbook = try XLSXWorkbook(path: try scratch.export(.accounts, format: .xlsx).path)
        #expect(workbook.rows[1][1].value == tricky)
        let xml = String(decoding: workbook.parts["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
        #expect(xml.contains(#"<t xml:space="preserve">  a &amp; b &lt; c &gt; d&#13;"#))
        #expect(xml.contains("_x0001__x001F_ _x005F_x0041_ _x12_ _xFFFE__xFFFF_"))
    }

    @Test func theSameTableMakesTheSameBytes() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        let first = try scratch.export(.contacts, format: .xlsx, name: "one.xlsx").data
        #expect(first.prefix(2) == Data("PK".utf8))
        #expect(try scratch.export(.contacts, format: .xlsx, name: "two.xlsx").data == first)
    }

    @Test func moreRowsThanASheetHoldsIsAnErrorAndLeavesNoFile() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        let path = scratch.directory.appendingPathComponent("touches.xlsx").path
        let error = #expect(throws: RapportError.self) {
            try PlacedFile.write(path) { file in
                let writer = XLSXTableWriter(archive: file, sheetName: "touches", rowLimit: 3)
                try writer.begin(columns: ImportKind.touches.exportColumns)
                _ = try scratch.db.exportRows(.touches) { try writer.write($0) }
                try writer.finish()
            }
        }
        #expect(error?.code == .dataError)
        #expect(error?.message == "touches: more than 3 rows do not fit one xlsx sheet (a spreadsheet's limit); export them as CSV")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path).filter { $0.hasPrefix(".") } == [])
        #expect(XLSXTableWriter.sheetRowLimit == 1_048_575)
    }
}
