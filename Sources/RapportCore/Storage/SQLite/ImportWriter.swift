/// Writes the rows of one import, inside the import's transaction. Keyed rows are upserted
/// and count as updated only when a value really changed; the others are inserted unless
/// an identical row (NULL equal to NULL) is already there — in the database or earlier in
/// the same file. Statements are prepared once and reused; full batches of rows go through
/// one multi-row statement, which spares SQLite most of its per-statement work.
///
/// A large import into a table that is small beside it runs in bulk: the table's secondary
/// indexes are dropped and built again at the end (a sort, several times cheaper than two
/// million random index insertions), and identical rows are found without them: a row
/// whose fingerprint is new to two Bloom filters (the stored rows, the file's earlier rows)
/// cannot have a twin and is inserted as it comes; any other row waits in a temporary table
/// and gets the exact check once the indexes are back. The table's triggers are set aside
/// too (a per-row trigger searching a table whose index is gone turns quadratic) and the
/// summary columns they keep are recomputed once at the end (`Schema.derivedColumnRefresh`).
final class ImportWriter<Row: WritableRow> {
    enum Outcome { case inserted, updated, unchanged, pending }

    typealias Counts = ImportCounts

    /// Rows per multi-row statement (at most 14 columns: well under SQLite's 999 parameters).
    static var batchSize: Int { 64 }

    private let database: Database
    private let isKeyed: Bool
    /// One row: the upsert, the insert-unless-identical, or (bulk) the plain insert.
    private let single: Statement
    /// `batchSize` rows: the upsert or the plain insert, when the path allows it.
    private let batched: Statement?
    private var counts = Counts()

    // Bulk mode.
    private let isBulk: Bool
    private var droppedIndexes: [(name: String, sql: String)] = []
    private var droppedTriggers: [(name: String, sql: String)] = []
    private var storedRows: BloomFilter?
    private var fileRows = BloomFilter(capacity: 0)
    private var pendingInsert: Statement?
    private var pendingCount = 0
    private var plainRows: [Row] = []
    private var fingerprints: [UInt64] = []
    private var maybeTwins: [Bool] = []

    /// Smallest import worth the bulk path.
    static var bulkThreshold: Int { 10_000 }
    /// Rows waiting for the exact identical-row check (in the temporary database, never in the file).
    private static var pendingTable: String { "temp.rapport_import_pending" }

    /// `presentColumns`: the CSV columns the header names; a stored keyed row keeps its value
    /// for every optional column the file leaves out. `expectedRows`: the rows to write,
    /// which decides the bulk path.
    init(database: Database, presentColumns: Set<String>, expectedRows: Int) throws {
        self.database = database
        isKeyed = Row.conflictKey != nil
        let stored = expectedRows >= Self.bulkThreshold ? try database.scalarInt("SELECT count(*) FROM \(Row.table)") ?? 0 : 0
        isBulk = expectedRows >= Self.bulkThreshold && stored < expectedRows / 2
        if isBulk {
            droppedIndexes = try Self.dropIndexes(in: database) { $0.table == Row.table }
            droppedTriggers = try database.rows(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND sql IS NOT NULL",
                [Row.table]) { ($0.string(0), $0.string(1)) }
            for trigger in droppedTriggers { try database.execute("DROP TRIGGER \(trigger.name)") }
        }
        if isKeyed {
            single = try database.statement(Self.upsertSQL(rows: 1, presentColumns: presentColumns))
            batched = try database.statement(Self.upsertSQL(rows: Self.batchSize, presentColumns: presentColumns))
        } else if isBulk {
            single = try database.statement(Self.plainInsertSQL(rows: 1))
            batched = try database.statement(Self.plainInsertSQL(rows: Self.batchSize))
            fileRows = BloomFilter(capacity: expectedRows)
            if stored > 0 {
                var filter = BloomFilter(capacity: stored)
                try database.forEachRow("SELECT \(Self.columnList) FROM \(Row.table)") { filter.insert(RowFingerprint.of($0)) }
                storedRows = filter
            }
            try database.execute("CREATE TABLE \(Self.pendingTable) (\(Self.columnList))")
            pendingInsert = try database.statement("INSERT INTO \(Self.pendingTable) VALUES (\(Self.placeholders(row: 0)))")
            plainRows.reserveCapacity(Self.batchSize)
        } else {
            single = try database.statement(Self.insertUnlessIdenticalSQL)
            batched = nil
        }
    }

    /// Writes one row.
    @discardableResult
    func write(_ row: Row) throws -> Outcome {
        if isKeyed {
            var binder = StatementBinder(single)
            try row.emit(to: &binder)
            let changed = try single.execute()
            if !row.isStored {
                counts.inserted += 1
                return .inserted
            }
            if changed > 0 {
                counts.updated += 1
                return .updated
            }
            counts.unchanged += 1
            return .unchanged
        }
        if isBulk {
            if try deferIfMaybeTwin(row) { return .pending }
            var binder = StatementBinder(single)
            try row.emit(to: &binder)
            try single.execute()
            counts.inserted += 1
            return .inserted
        }
        var binder = StatementBinder(single)
        try row.emit(to: &binder)
        if try single.execute() > 0 {
            counts.inserted += 1
            return .inserted
        }
        counts.unchanged += 1
        return .unchanged
    }

    /// Writes rows in file order; a full batch goes through one statement.
    func write(_ rows: ArraySlice<Row>) throws {
        guard let batched else {
            for row in rows { try write(row) }
            return
        }
        if isKeyed {
            guard rows.count == Self.batchSize else {
                for row in rows { try write(row) }
                return
            }
            var binder = StatementBinder(batched)
            for row in rows { try row.emit(to: &binder) }
            let changed = try batched.execute()
            // Dropping a row is never an outcome of an upsert: each row was inserted, or
            // updated, or matched its stored twin (the WHERE of DO UPDATE).
            let fresh = rows.count { !$0.isStored }
            counts.inserted += fresh
            counts.updated += changed - fresh
            counts.unchanged += rows.count - changed
            return
        }
        plainRows.removeAll(keepingCapacity: true)
        // Fingerprints first, then the filters in one tight loop: their look-ups are cache
        // misses (megabytes of filter), and back to back they overlap instead of queueing.
        fingerprints.removeAll(keepingCapacity: true)
        for row in rows { fingerprints.append(try Self.fingerprint(row)) }
        maybeTwins.removeAll(keepingCapacity: true)
        fileRows.insert(fingerprints, present: &maybeTwins)
        storedRows?.mayContain(fingerprints, orInto: &maybeTwins)
        for (row, maybeTwin) in zip(rows, maybeTwins) {
            if maybeTwin { try park(row) } else { plainRows.append(row) }
        }
        if plainRows.count == Self.batchSize {
            var binder = StatementBinder(batched)
            for row in plainRows { try row.emit(to: &binder) }
            try batched.execute()
            counts.inserted += plainRows.count
        } else {
            for row in plainRows {
                var binder = StatementBinder(single)
                try row.emit(to: &binder)
                try single.execute()
                counts.inserted += 1
            }
        }
    }

    /// Bulk path: parks a row that may have a twin (stored, or earlier in the file).
    private func deferIfMaybeTwin(_ row: Row) throws -> Bool {
        guard isMaybeTwin(try Self.fingerprint(row)) else { return false }
        try park(row)
        return true
    }

    private static func fingerprint(_ row: Row) throws -> UInt64 {
        var fingerprint = RowFingerprint()
        try row.emit(to: &fingerprint)
        return fingerprint.finished
    }

    /// Whether a row with this fingerprint may already be stored or earlier in the file
    /// (and notes it as seen).
    private func isMaybeTwin(_ print: UInt64) -> Bool {
        let maybeStored = storedRows?.mayContain(print) ?? false
        return fileRows.insert(print) || maybeStored
    }

    /// Keeps a row for the exact identical-row check of `finish`.
    private func park(_ row: Row) throws {
        guard let pendingInsert else { preconditionFailure("rows are parked on the bulk path only") }
        var binder = StatementBinder(pendingInsert)
        try row.emit(to: &binder)
        try pendingInsert.execute()
        pendingCount += 1
    }

    /// Ends the write: builds the dropped indexes again, settles the rows that waited (in
    /// file order), and returns what the import did.
    func finish() throws -> Counts {
        try rebuild(droppedIndexes)
        droppedIndexes = []
        if pendingInsert != nil {
            if pendingCount > 0 {
                let check = try database.statement(Self.insertUnlessIdenticalSQL)
                try database.forEachRow("SELECT * FROM \(Self.pendingTable) ORDER BY rowid") { row in
                    check.rebind()
                    for index in 0..<row.columnCount { try check.bind(columnOf: row, index) }
                    if try check.execute() > 0 { counts.inserted += 1 } else { counts.unchanged += 1 }
                }
            }
            pendingInsert = nil
            try database.execute("DROP TABLE \(Self.pendingTable)")
        }
        if isBulk {
            for trigger in droppedTriggers { try database.execute(trigger.sql) }
            droppedTriggers = []
            if let refresh = Schema.derivedColumnRefresh[Row.table] {
                // The rows it rewrites would move through these indexes one by one.
                let rewritten = Set(Schema.derivedColumnIndexes[Row.table] ?? [])
                let indexes = try Self.dropIndexes(in: database) { rewritten.contains($0.name) }
                try database.execute(refresh)
                try rebuild(indexes)
            }
        }
        return counts
    }

    /// Drops the indexes (with an SQL definition: not the UNIQUE constraints') that
    /// `matching` picks; returns their definitions for `rebuild`.
    private static func dropIndexes(
        in database: Database, matching: ((name: String, table: String)) -> Bool
    ) throws -> [(name: String, sql: String)] {
        let all = try database.rows("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL") {
            (name: $0.string(0), table: $0.string(1), sql: $0.string(2))
        }
        let picked = all.filter { matching(($0.name, $0.table)) }
        for index in picked { try database.execute("DROP INDEX \(index.name)") }
        return picked.map { ($0.name, $0.sql) }
    }

    private func rebuild(_ indexes: [(name: String, sql: String)]) throws {
        guard !indexes.isEmpty else { return }
        try database.forIndexBuilds {
            for index in indexes { try database.execute(index.sql) }
        }
    }

    // MARK: SQL

    private static var columnList: String { Row.columns.map(\.name).joined(separator: ", ") }

    /// `?1, ?2, …` for the `row`-th row of a multi-row statement.
    private static func placeholders(row: Int) -> String {
        let width = Row.columns.count
        return (1...width).map { "?\(row * width + $0)" }.joined(separator: ", ")
    }

    private static func values(rows: Int) -> String {
        (0..<rows).map { "(\(placeholders(row: $0)))" }.joined(separator: ", ")
    }

    static func plainInsertSQL(rows: Int) -> String {
        "INSERT INTO \(Row.table) (\(columnList)) VALUES \(values(rows: rows))"
    }

    /// `INSERT … ON CONFLICT DO UPDATE` that sets only the columns the file has, and only
    /// when one of them differs, so `changes()` counts inserted and really updated rows.
    static func upsertSQL(rows: Int, presentColumns: Set<String>) -> String {
        let key = Row.conflictKey ?? []
        let updated = Row.columns.filter { column in
            column.csv.map(presentColumns.contains) ?? false && !key.contains(column.name)
        }.map(\.name)
        var sql = plainInsertSQL(rows: rows) + " ON CONFLICT (\(key.joined(separator: ", "))) DO "
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
        return "INSERT INTO \(Row.table) (\(columnList)) SELECT \(placeholders(row: 0))"
            + " WHERE NOT EXISTS (SELECT 1 FROM \(Row.table)\(index) WHERE \(matches.joined(separator: " AND ")))"
    }
}
