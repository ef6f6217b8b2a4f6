/// The fixed parts of a one-sheet workbook (Office Open XML, SpreadsheetML): what Excel,
/// LibreOffice and Rapport's own xlsx import need beside the sheet itself.
enum XLSXParts {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    static let sheetPath = "xl/worksheets/sheet1.xml"

    /// Every part but the sheet, in the order they go into the archive.
    static func fixed(sheetName: String) -> [(path: String, xml: String)] {
        [
            ("[Content_Types].xml", declaration + """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/\(sheetPath)" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                </Types>
                """),
            ("_rels/.rels", declaration + """
                <Relationships xmlns="\(packageRelationships)">\
                <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """),
            ("xl/workbook.xml", declaration + """
                <workbook xmlns="\(main)" xmlns:r="\(relationships)">\
                <sheets><sheet name="\(sheetName)" sheetId="1" r:id="rId1"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", declaration + """
                <Relationships xmlns="\(packageRelationships)">\
                <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="\(relationships)/styles" Target="styles.xml"/>\
                </Relationships>
                """),
            ("xl/styles.xml", declaration + styles),
        ]
    }

    /// Cell styles by index: 0 general, 1–3 amounts with 0, 2 and 3 decimals (the digits a
    /// currency has), 4 the bold header.
    private static let styles = """
        <styleSheet xmlns="\(main)">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    static let headerStyle = 4

    /// The style of an amount written with `decimals` digits after the point.
    static func amountStyle(decimals: Int) -> Int {
        switch decimals {
        case 0: return 1
        case 2: return 2
        case 3: return 3
        default: return 0
        }
    }

    /// The sheet up to its first row: the header row frozen, columns wide enough for what
    /// they hold.
    static func sheetStart(columns: [ExportColumn]) -> String {
        let widths = columns.enumerated().map { index, column in
            #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width(of: column.name))" customWidth="1"/>"#
        }
        return declaration + """
            <worksheet xmlns="\(main)">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/><cols>\(widths.joined())</cols><sheetData>
            """
    }

    static let sheetEnd = "</sheetData></worksheet>"

    private static func width(of column: String) -> Int {
        switch column {
        case "name", "title", "note", "salutation", "email", "region": return 28
        default: return max(12, column.count + 3)
        }
    }

    /// `A`…`Z`, `AA`…: the letters of a column (0-based) in a cell reference.
    static func columnLetters(_ index: Int) -> [UInt8] {
        var letters: [UInt8] = []
        var number = index + 1
        while number > 0 {
            let digit = (number - 1) % 26
            letters.insert(UInt8(65 + digit), at: 0)
            number = (number - 1) / 26
        }
        return letters
    }
}
