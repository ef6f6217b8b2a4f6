/// Writes the rows of one import, inside the import's transaction. Keyed rows are upserted
/// and count as updated only when a value really changed; the others are inserted unless
/// an identical row (NULL equal to NULL) is already there — in the database or earlier in
/// the same file. Statements are prepared once and reused for every row.
///
/// A large import into a table that is small beside it runs in bulk: the table's secondary
/// indexes are dropped and built again at the end (a sort, several times cheaper than two
/// million random index insertions), and identical rows are found without them: a row
/// whose fingerprint is new to two Bloom filters (the stored rows, the file's earlier rows)
/// cannot have a twin and is inserted as it comes; any other row waits in a temporary table
/// and gets the exact check once the indexes are back.
final class ImportWriter<Row: WritableRow> {
    enum Outcome { case inserted, updated, unchanged, pending }

    private let database: Database
    private let statement: Statement
    private let isKeyed: Bool

    // Bulk mode.
    private var droppedIndexes: [(name: String, sql: String)] = []
    private var storedRows: BloomFilter?
    private var fileRows = BloomFilter(capacity: 0)
    private var pendingInsert: Statement?
    private var pendingCount = 0

    /// Smallest import worth the bulk path.
    static var bulkThreshold: Int { 10_000 }
    /// Rows waiting for the exact identical-row check (in the temporary database, never in the file).
    private static var pendingTable: String { "temp.rapport_import_pending" }

    /// `presentColumns`: the CSV columns the header names; a stored keyed row keeps its value
    /// for every optional column the file leaves out. `expectedRows`: the rows the file
    /// holds (from the check pass), which decides the bulk path.
    init(database: Database, presentColumns: Set<String>, expectedRows: Int) throws {
        self.database = database
        isKeyed = Row.conflictKey != nil
        let stored = expectedRows >= Self.bulkThreshold ? try database.scalarInt("SELECT count(*) FROM \(Row.table)") ?? 0 : 0
        let bulk = expectedRows >= Self.bulkThreshold && stored < expectedRows / 2
        if bulk {
            droppedIndexes = try database.rows(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                [Row.table]) { ($0.string(0), $0.string(1)) }
            for index in droppedIndexes { try database.execute("DROP INDEX \(index.name)") }
        }
        if bulk, !isKeyed {
            statement = try database.statement(Self.plainInsertSQL)
            fileRows = BloomFilter(capacity: expectedRows)
            if stored > 0 {
                var filter = BloomFilter(capacity: stored)
                let columns = Row.columns.map(\.name).joined(separator: ", ")
                try database.forEachRow("SELECT \(columns) FROM \(Row.table)") { filter.insert(RowFingerprint.of($0)) }
                storedRows = filter
            }
            let columns = Row.columns.map(\.name).joined(separator: ", ")
            try database.execute("CREATE TABLE \(Self.pendingTable) (\(columns))")
            pendingInsert = try database.statement(
                "INSERT INTO \(Self.pendingTable) VALUES (\(Self.placeholders))")
        } else if isKeyed {
            statement = try database.statement(Self.upsertSQL(presentColumns: presentColumns))
        } else {
            statement = try database.statement(Self.insertUnlessIdenticalSQL)
        }
    }

    /// Writes one row. `exists`: whether a keyed row's key is already stored.
    func write(_ row: Row, exists: Bool = false) throws -> Outcome {
        if isKeyed {
            var binder = StatementBinder(statement)
            try row.emit(to: &binder)
            let changed = try statement.execute()
            if !exists { return .inserted }
            return changed > 0 ? .updated : .unchanged
        }
        if let pendingInsert {
            var fingerprint = RowFingerprint()
            try row.emit(to: &fingerprint)
            let print = fingerprint.finished
            let maybeStored = storedRows?.mayContain(print) ?? false
            if fileRows.insert(print) || maybeStored {
                var binder = StatementBinder(pendingInsert)
                try row.emit(to: &binder)
                try pendingInsert.execute()
                pendingCount += 1
                return .pending
            }
            var binder = StatementBinder(statement)
            try row.emit(to: &binder)
            try statement.execute()
            return .inserted
        }
        var binder = StatementBinder(statement)
        try row.emit(to: &binder)
        return try statement.execute() > 0 ? .inserted : .unchanged
    }

    /// Ends a bulk write: builds the dropped indexes again, then settles the rows that
    /// waited, in file order. Returns how many of those were inserted and skipped.
    func finish() throws -> (inserted: Int, skipped: Int) {
        if !droppedIndexes.isEmpty {
            try database.withSmallCache {
                for index in droppedIndexes { try database.execute(index.sql) }
            }
        }
        droppedIndexes = []
        guard pendingInsert != nil else { return (0, 0) }
        var settled = (inserted: 0, skipped: 0)
        if pendingCount > 0 {
            let check = try database.statement(Self.insertUnlessIdenticalSQL)
            try database.forEachRow("SELECT * FROM \(Self.pendingTable) ORDER BY rowid") { row in
                check.rebind()
                for index in 0..<row.columnCount { try check.bind(columnOf: row, index) }
                if try check.execute() > 0 { settled.inserted += 1 } else { settled.skipped += 1 }
            }
        }
        pendingInsert = nil
        try database.execute("DROP TABLE \(Self.pendingTable)")
        return settled
    }

    // MARK: SQL

    private static var placeholders: String { (1...Row.columns.count).map { "?\($0)" }.joined(separator: ", ") }
    private static var columnList: String { Row.columns.map(\.name).joined(separator: ", ") }

    static var plainInsertSQL: String { "INSERT INTO \(Row.table) (\(columnList)) VALUES (\(placeholders))" }

    /// `INSERT … ON CONFLICT DO UPDATE` that sets only the columns the file has, and only
    /// when one of them differs, so `changes()` tells updated from unchanged.
    static func upsertSQL(presentColumns: Set<String>) -> String {
        let key = Row.conflictKey ?? []
        let updated = Row.columns.filter { column in
            column.csv.map(presentColumns.contains) ?? false && !key.contains(column.name)
        }.map(\.name)
        var sql = plainInsertSQL + " ON CONFLICT (\(key.joined(separator: ", "))) DO "
        if updated.isEmpty { return sql + "NOTHING" }
        sql += "UPDATE SET " + updated.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        sql += " WHERE " + updated.map { "\(Row.table).\($0) IS NOT excluded.\($0)" }.joined(separator: " OR ")
        return sql
    }

    /// Inserts the row unless one with the same values (NULL equal to NULL) exists, looked
    /// up through the row's chosen index.
    static var insertUnlessIdenticalSQL: String {
        let matches = Row.columns.enumerated().map { "\($0.element.name) IS ?\($0.offset + 1)" }
        let index = Row.lookupIndex.map { " INDEXED BY \($0)" } ?? ""
        return "INSERT INTO \(Row.table) (\(columnList)) SELECT \(placeholders)"
            + " WHERE NOT EXISTS (SELECT 1 FROM \(Row.table)\(index) WHERE \(matches.joined(separator: " AND ")))"
    }
}
