import Foundation
import Testing
@testable import RapportCore

extension ScratchDatabase {
    /// The file `TableExport` writes for `kind` in the scratch folder, and its path.
    @discardableResult
    func export(_ kind: ImportKind, format: TableExport.Format = .csv, name: String? = nil) throws -> (path: String, data: Data) {
        let path = directory.appendingPathComponent(name ?? "\(kind.rawValue).\(format.rawValue)").path
        _ = try TableExport.write(kind, from: db, format: format, to: path)
        return (path, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The CSV export of `kind` as text, without its byte-order mark.
    func exportedCSV(_ kind: ImportKind) throws -> String {
        let data = try export(kind).data
        expectBOM(data)
        return String(decoding: data.dropFirst(3), as: UTF8.self)
    }

    /// Every kind exported as CSV and imported, in dependency order, into a new database.
    func roundTrip() throws -> ScratchDatabase {
        let copy = try ScratchDatabase()
        for kind in Fixtures.worldOrder {
            try copy.importer.importFile(kind: kind, path: try export(kind).path)
        }
        return copy
    }

    /// The stored values of every row of `kind`, as the export reads them (keys in place of
    /// row ids, NULL kept apart from text), in the export's order.
    func stored(_ kind: ImportKind) throws -> [[SQLValue]] {
        try db.rows(ExportSQL.query(kind).sql) { row in (0..<row.columnCount).map(row.value) }
    }
}

/// A CSV file written with `--out` starts with the UTF-8 byte-order mark.
func expectBOM(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "a byte-order mark", sourceLocation: sourceLocation)
}
