/// `rapport export` from a SQLite file: one statement per kind, stepped row by row (one
/// read snapshot, nothing held beyond the current row).
extension Database {
    public func exportRows(_ kind: ImportKind, _ body: (ExportRecord) throws -> Void) throws -> Int {
        let query = ExportSQL.query(kind)
        var record = ExportRecord()
        var rows = 0
        try forEachRow(query.sql) { row in
            ExportSQL.fill(&record, from: row, query.cells)
            try body(record)
            rows += 1
        }
        return rows
    }
}
