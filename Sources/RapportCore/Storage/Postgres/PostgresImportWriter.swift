import Foundation

/// The write pass of an import on PostgreSQL, inside the import's transaction: the
/// checked rows of the spool by COPY — straight into the table when nothing is there to
/// compare them with (an initial load), else through a temporary stage that the table
/// is then brought up to in file order with one statement a step.
///
/// Identical rows of the kinds without a key are found as SQLite's bulk writer finds them:
/// a row whose 64-bit fingerprint is new to the file cannot have an earlier twin in it;
/// the rows whose fingerprint was seen before (true twins, or rare look-alikes) are the
/// only ones that need the exact comparison, NULL equal to NULL.
final class PostgresImportWriter<Row: WritableRow> {
    let connection: PostgresConnection
    let rows: Int
    let progress: ((ImportProgress) -> Void)?
    private var written = 0

    /// The import's large tables: below this many rows, indexes are kept and filled row by row.
    static var bulkThreshold: Int { 10_000 }

    init(connection: PostgresConnection, rows: Int, progress: ((ImportProgress) -> Void)?) {
        self.connection = connection
        self.rows = rows
        self.progress = progress
    }

    private var columns: [String] { Row.columns.map(\.name) }
    private var list: String { columns.joined(separator: ", ") }

    // MARK: COPY

    /// The spool's rows copied into the table itself. With `keepingFirstOfTwins`, a row
    /// whose fingerprint came earlier in the file goes to the stage instead. Returns the
    /// rows copied into the table.
    func copyIntoTable(_ spool: RowSpool, keepingFirstOfTwins: Bool = false) throws -> Int {
        var twins = TwinLines()
        var fingerprints = Set<UInt64>(minimumCapacity: keepingFirstOfTwins ? spool.count : 0)
        let reader = try spool.rows(of: Row.self)
        let copied = try connection.copy("COPY \(Row.table) (\(list)) FROM STDIN") { send in
            var line = CopyLine()
            while case let batch = try reader.next(upTo: 4096), !batch.isEmpty {
                for row in batch {
                    written += 1
                    if keepingFirstOfTwins {
                        var fingerprint = RowFingerprint()
                        try row.emit(to: &fingerprint)
                        if !fingerprints.insert(fingerprint.finished).inserted {
                            try twins.add(row, seq: written)
                            continue
                        }
                    }
                    try row.emit(to: &line)
                    line.endRow()
                }
                if line.bytes.count >= 1 << 20 { try send(line.take()) }
                report(batch.count)
            }
            if !line.bytes.isEmpty { try send(line.take()) }
        }
        if keepingFirstOfTwins { try stage(twins) }
        return copied
    }

    /// The spool's rows copied into the stage, each with its place in the file and, with
    /// `flagTwins`, whether its fingerprint came earlier in the file.
    func stage(_ spool: RowSpool, flagTwins: Bool) throws {
        try createStage()
        var fingerprints = Set<UInt64>(minimumCapacity: flagTwins ? spool.count : 0)
        let reader = try spool.rows(of: Row.self)
        try connection.copy("COPY rapport_stage (seq, twin, \(list)) FROM STDIN") { send in
            var line = CopyLine()
            while case let batch = try reader.next(upTo: 4096), !batch.isEmpty {
                for row in batch {
                    written += 1
                    var twin = false
                    if flagTwins {
                        var fingerprint = RowFingerprint()
                        try row.emit(to: &fingerprint)
                        twin = !fingerprints.insert(fingerprint.finished).inserted
                    }
                    line.integer(Int64(written))
                    line.integer(twin ? 1 : 0)
                    try row.emit(to: &line)
                    line.endRow()
                }
                if line.bytes.count >= 1 << 20 { try send(line.take()) }
                report(batch.count)
            }
            if !line.bytes.isEmpty { try send(line.take()) }
        }
        try connection.execute("ANALYZE rapport_stage")
    }

    /// Rows set aside by `copyIntoTable`, into the stage.
    private func stage(_ twins: TwinLines) throws {
        try createStage()
        guard !twins.lines.isEmpty else { return }
        try connection.copy("COPY rapport_stage (seq, twin, \(list)) FROM STDIN") { send in try send(twins.lines) }
    }

    private func createStage() throws {
        try connection.execute("DROP TABLE IF EXISTS pg_temp.rapport_stage")
        try connection.execute("""
            CREATE TEMPORARY TABLE rapport_stage ON COMMIT DROP AS
            SELECT 0::bigint AS seq, 0 AS twin, \(list) FROM \(Row.table) WITH NO DATA
            """)
    }

    private func report(_ batch: Int) {
        if written / ImportProgress.interval > (written - batch) / ImportProgress.interval {
            progress?(ImportProgress(phase: .writing, rows: written))
        }
    }

    // MARK: from the stage to the table

    /// Keyed rows: updated where a column the file has differs, then the new keys inserted,
    /// in file order. Returns (updated, inserted).
    func upsertStaged(key: [String], presentColumns: Set<String>) throws -> (Int, Int) {
        let join = key.map { "t.\($0) = s.\($0)" }.joined(separator: " AND ")
        let updated = Row.columns.filter { column in
            column.csv.map(presentColumns.contains) ?? false && !key.contains(column.name)
        }.map(\.name)
        var changed = 0
        if !updated.isEmpty {
            changed = try connection.execute("""
                UPDATE \(Row.table) t SET \(updated.map { "\($0) = s.\($0)" }.joined(separator: ", "))
                FROM rapport_stage s
                WHERE \(join) AND (\(updated.map { "t.\($0) IS DISTINCT FROM s.\($0)" }.joined(separator: " OR ")))
                """)
        }
        let added = try connection.execute("""
            INSERT INTO \(Row.table) (\(list))
            SELECT \(columns.map { "s.\($0)" }.joined(separator: ", ")) FROM rapport_stage s
            WHERE NOT EXISTS (SELECT 1 FROM \(Row.table) t WHERE \(join))
            ORDER BY s.seq
            """)
        return (changed, added)
    }

    /// Staged rows of a kind without a key, inserted in file order unless an identical row
    /// is stored: the rows whose fingerprint is new to the file (`onlyTwins` false), or the
    /// others, compared among themselves too (only the first of identical ones can go in).
    func insertStagedUnlessIdentical(onlyTwins: Bool) throws -> Int {
        let required = try notNullColumns()
        let same = columns.map { required.contains($0) ? "t.\($0) = d.\($0)" : "t.\($0) IS NOT DISTINCT FROM d.\($0)" }
        let source = onlyTwins
            ? "(SELECT s.*, row_number() OVER (PARTITION BY \(list) ORDER BY s.seq) AS first FROM rapport_stage s WHERE s.twin = 1) d WHERE d.first = 1 AND"
            : "rapport_stage d WHERE d.twin = 0 AND"
        return try connection.execute("""
            INSERT INTO \(Row.table) (\(list))
            SELECT \(columns.map { "d.\($0)" }.joined(separator: ", "))
            FROM \(source) NOT EXISTS (SELECT 1 FROM \(Row.table) t WHERE \(same.joined(separator: " AND ")))
            ORDER BY d.seq
            """)
    }

    // MARK: indexes

    /// Runs `body` (a load into an empty table) with the table's secondary indexes and
    /// foreign keys set aside and made again afterwards: one sort an index instead of
    /// millions of insertions, one join a key instead of millions of look-ups.
    /// Only into an empty table, where no reader is kept waiting for an index it uses.
    func bulk<T>(isEmpty: Bool, _ body: () throws -> T) throws -> T {
        guard isEmpty, rows >= Self.bulkThreshold else { return try body() }
        let indexes = try connection.rows("""
            SELECT i.relname::text, pg_get_indexdef(i.oid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid = to_regclass($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            """, [Row.table]) { (name: $0.string(0), definition: $0.string(1)) }
        // Foreign keys too: checked row by row they cost more than the whole COPY (a key
        // share lock on the parent row for each of two million rows); added back, they are
        // checked once, by one join over the table, before the transaction can commit.
        let foreignKeys = try connection.rows(
            "SELECT conname::text, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = to_regclass($1) AND contype = 'f'",
            [Row.table]) { (name: $0.string(0), definition: $0.string(1)) }
        // And the indexes over the summary columns the table's trigger rewrites in another
        // table (a first load of payments rewrites every paid invoice): without them the
        // rewrite stays on the page (HOT, the fill factor leaves room) and adds no index
        // entries; 285 000 invoices 4.5 → 0.75 s, and 0.5 s to build the three again. That
        // table is locked until the import commits, which a first load can afford.
        let rewritten = try connection.rows(
            "SELECT c.relname::text, pg_get_indexdef(c.oid) FROM unnest($1::text[]) n JOIN pg_class c ON c.oid = to_regclass(n)",
            [PostgresArray.text(Schema.derivedColumnIndexes[Row.table] ?? [])]) { (name: $0.string(0), definition: $0.string(1)) }
        for index in indexes + rewritten { try connection.execute("DROP INDEX \(PostgresDatabase.quoted(index.name))") }
        for key in foreignKeys {
            try connection.execute("ALTER TABLE \(Row.table) DROP CONSTRAINT \(PostgresDatabase.quoted(key.name))")
        }
        // The summary trigger too: its transition table of two million touches cost more
        // than the COPY; the rows are summed once, from the table, when they are in.
        let trigger = PostgresSchema.summaryTrigger[Row.table].map { PostgresDatabase.quoted($0 + "_insert") }
        if let trigger { try connection.execute("ALTER TABLE \(Row.table) DISABLE TRIGGER \(trigger)") }
        let result = try body()
        progress?(ImportProgress(phase: .finishing, rows: written))
        if let trigger {
            try connection.execute("ALTER TABLE \(Row.table) ENABLE TRIGGER \(trigger)")
            if let summary = PostgresSchema.summaryAdded(to: Row.table, rows: Row.table) { try connection.execute(summary) }
        }
        try connection.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for index in indexes + rewritten { try connection.execute(index.definition) }
        for key in foreignKeys {
            try connection.execute("ALTER TABLE \(Row.table) ADD CONSTRAINT \(PostgresDatabase.quoted(key.name)) \(key.definition)")
        }
        try connection.execute("ANALYZE \(Row.table)")
        return result
    }

    /// The columns of the table declared NOT NULL (compared with `=`, which an index serves).
    private func notNullColumns() throws -> Set<String> {
        Set(try connection.rows(
            "SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnotnull AND attnum > 0", [Row.table]
        ) { $0.string(0) })
    }
}

/// Rows set aside for the exact identical-row check, as stage lines (seq, twin, values).
private struct TwinLines {
    private(set) var lines: [UInt8] = []

    mutating func add<Row: WritableRow>(_ row: Row, seq: Int) throws {
        var line = CopyLine()
        line.integer(Int64(seq))
        line.integer(1)
        try row.emit(to: &line)
        line.endRow()
        lines += line.take()
    }
}
