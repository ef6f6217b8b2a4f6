/// `rapport export` from PostgreSQL: the same queries as on a SQLite file (`ExportSQL`),
/// read through a cursor a batch at a time (a plain query's result would be held whole by
/// libpq), with what the role may read (row-level security decides, as for every read).
extension PostgresDatabase {
    public func exportRows(_ kind: ImportKind, _ body: (ExportRecord) throws -> Void) throws -> Int {
        try mapErrors {
            let query = ExportSQL.query(kind)
            var record = ExportRecord()
            var rows = 0
            try connection.streamRows(query.sql) { row in
                ExportSQL.fill(&record, from: row, query.cells)
                try body(record)
                rows += 1
            }
            return rows
        }
    }
}
