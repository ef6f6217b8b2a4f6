import Foundation
import FoundationXML
import ZIPFoundation

/// A workbook written by `XLSXTableWriter`, unpacked for tests: its parts by path, and
/// its one sheet's cells read back as a spreadsheet reads them.
struct XLSXWorkbook {
    struct Cell: Equatable {
        var reference: String
        var type: String?
        var style: String?
        /// The text of `<t>` (ECMA-376 `_xHHHH_` escapes decoded) or of `<v>`.
        var value: String
    }

    let parts: [String: Data]
    /// The sheet's rows, each its cells in order.
    let rows: [[Cell]]
    /// Element names met in the sheet.
    let elements: Set<String>

    init(path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        self.parts = parts
        let sheet = SheetParser()
        let parser = XMLParser(data: parts["xl/worksheets/sheet1.xml"] ?? Data())
        parser.delegate = sheet
        guard parser.parse() else { throw CocoaError(.fileReadCorruptFile) }
        rows = sheet.rows
        elements = sheet.elements
    }

    /// The sheet as rows of cell texts, an omitted cell as "" (by its reference).
    var table: [[String]] {
        rows.map { cells in
            var row: [String] = []
            for cell in cells {
                let column = cell.reference.prefix { $0.isLetter }.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
                while row.count < column { row.append("") }
                row.append(cell.value)
            }
            return row
        }
    }

    /// Whether every part parses as XML.
    var partsAreWellFormed: Bool {
        parts.values.allSatisfy { XMLParser(data: $0).parse() }
    }
}

private final class SheetParser: NSObject, XMLParserDelegate {
    var rows: [[XLSXWorkbook.Cell]] = []
    var elements: Set<String> = []
    private var cell: XLSXWorkbook.Cell?
    private var text: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.insert(name)
        switch name {
        case "row": rows.append([])
        case "c": cell = XLSXWorkbook.Cell(reference: attributes["r"] ?? "", type: attributes["t"], style: attributes["s"], value: "")
        case "t", "v": text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "t": cell?.value = Self.decoded(text ?? ""); text = nil
        case "v": cell?.value = text ?? ""; text = nil
        case "c": if let cell { rows[rows.count - 1].append(cell) }; cell = nil
        default: break
        }
    }

    /// `_xHHHH_` as the character it stands for, left to right (`_x005F_` is `_`).
    static func decoded(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
               let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                out.append(scalar)
                index += 7
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }
}
