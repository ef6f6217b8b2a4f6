/// `rapport export` from a SQLite file: one statement per kind, stepped row by row (one
/// read snapshot, nothing held beyond the current row).
extension Database {
    public func exportRows(_ kind: ImportKind, _ body: (ExportRecord) throws -> Void) throws -> Int {
        let query = ExportSQL.query(kind)
        var record = ExportRecord()
        var rows = 0
        // Each touch looks up its account and contact by row id: with the default 2 MB page
        // cache nearly every look-up is a read from the file (2 M touches: 4 s of system
        // time); 64 MB holds the account and contact tables of 300 000 contacts.
        try with(pragma: "cache_size", -Self.exportCacheKiB) {
            try forEachRow(query.sql) { row in
                ExportSQL.fill(&record, from: row, query.cells)
                try body(record)
                rows += 1
            }
        }
        return rows
    }

    /// The page cache of an export, in KiB (a bound: it fills only as far as the tables go).
    static let exportCacheKiB = 65_536
}
