/// `rapport import` into PostgreSQL. The whole import — the check pass and the write —
/// runs in one transaction holding the import lock: the keys the file was checked against
/// are the keys it is written against, a concurrent import waits, and a client killed at
/// any moment leaves the database as it was (the server rolls the transaction back).
///
/// The checked rows go by COPY into a temporary table (`rapport_stage`, with each row's
/// place in the file), then into the table in one statement per step, in file order:
/// keyed rows updated where a present column differs, then inserted where the key is
/// new; the other kinds inserted unless an identical row (NULL equal to NULL) is stored
/// or came earlier in the file. The counts are the statements' row counts, so they match
/// what the SQLite writer counts row by row.
extension PostgresDatabase: ImportTarget {
    func importSession<T>(_ body: () throws -> T) throws -> T {
        guard access == .owner else {
            throw RapportError.noPermission("imports need the owner of the database's tables; \(roleDescription) may not import")
        }
        return try connection.transaction {
            try connection.execute("SELECT pg_advisory_xact_lock(\(Self.importLock))")
            return try body()
        }
    }

    func importStamp() throws -> Int { 0 }

    func writeImport<Row: WritableRow>(
        _ spool: RowSpool, of _: Row.Type, presentColumns: Set<String>, validatedStamp: Int,
        progress: ((ImportProgress) -> Void)?
    ) throws -> ImportCounts {
        let columns = Row.columns.map(\.name)
        let list = columns.joined(separator: ", ")
        try connection.execute("DROP TABLE IF EXISTS pg_temp.rapport_stage")
        try connection.execute(
            "CREATE TEMPORARY TABLE rapport_stage ON COMMIT DROP AS SELECT 0::bigint AS seq, \(list) FROM \(Row.table) WITH NO DATA")
        let rows = try spool.rows(of: Row.self)
        var written = 0
        try connection.copy("COPY rapport_stage (seq, \(list)) FROM STDIN") { send in
            var line = CopyLine()
            while case let batch = try rows.next(upTo: 4096), !batch.isEmpty {
                for row in batch {
                    written += 1
                    line.integer(Int64(written))
                    try row.emit(to: &line)
                    line.endRow()
                }
                if line.bytes.count >= 1 << 20 { try send(line.take()) }
                if written / ImportProgress.interval > (written - batch.count) / ImportProgress.interval {
                    progress?(ImportProgress(phase: .writing, rows: written))
                }
            }
            if !line.bytes.isEmpty { try send(line.take()) }
        }
        if written >= ImportProgress.interval { progress?(ImportProgress(phase: .finishing, rows: written)) }
        try connection.execute("ANALYZE rapport_stage")
        var counts = ImportCounts()
        if let key = Row.conflictKey {
            let join = key.map { "t.\($0) = s.\($0)" }.joined(separator: " AND ")
            let updated = Row.columns.filter { column in
                column.csv.map(presentColumns.contains) ?? false && !key.contains(column.name)
            }.map(\.name)
            if !updated.isEmpty {
                counts.updated = try connection.execute("""
                    UPDATE \(Row.table) t SET \(updated.map { "\($0) = s.\($0)" }.joined(separator: ", "))
                    FROM rapport_stage s
                    WHERE \(join) AND (\(updated.map { "t.\($0) IS DISTINCT FROM s.\($0)" }.joined(separator: " OR ")))
                    """)
            }
            counts.inserted = try connection.execute("""
                INSERT INTO \(Row.table) (\(list))
                SELECT \(columns.map { "s.\($0)" }.joined(separator: ", ")) FROM rapport_stage s
                WHERE NOT EXISTS (SELECT 1 FROM \(Row.table) t WHERE \(join))
                ORDER BY s.seq
                """)
        } else {
            let required = try notNullColumns(of: Row.table)
            let same = columns.map { required.contains($0) ? "t.\($0) = d.\($0)" : "t.\($0) IS NOT DISTINCT FROM d.\($0)" }
            counts.inserted = try connection.execute("""
                INSERT INTO \(Row.table) (\(list))
                SELECT \(columns.map { "d.\($0)" }.joined(separator: ", "))
                FROM (SELECT s.*, row_number() OVER (PARTITION BY \(list) ORDER BY s.seq) AS twin FROM rapport_stage s) d
                WHERE d.twin = 1 AND NOT EXISTS (SELECT 1 FROM \(Row.table) t WHERE \(same.joined(separator: " AND ")))
                ORDER BY d.seq
                """)
        }
        counts.unchanged = written - counts.inserted - counts.updated
        try connection.execute("DROP TABLE pg_temp.rapport_stage")
        return counts
    }

    /// The columns of `table` declared NOT NULL (compared with `=`, which an index serves).
    private func notNullColumns(of table: String) throws -> Set<String> {
        Set(try connection.rows(
            "SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnotnull AND attnum > 0", [table]
        ) { $0.string(0) })
    }

    var roleDescription: String {
        switch access {
        case .owner: return "the owner"
        case .rep(let handle, let role): return "role \(role) (rep \(handle))"
        case .manager(let handle, let role): return "role \(role) (manager \(handle))"
        case .none(let role): return "role \(role)"
        }
    }

    // MARK: the stored keys

    func importRepIDs() throws -> KeyTable<Int64> {
        try keyTable("SELECT handle, id FROM rep", placeholder: 0) { $0.int64(1) }
    }

    func importAccountIDs() throws -> KeyTable<Int64> {
        try keyTable("SELECT key, id FROM account", placeholder: 0) { $0.int64(1) }
    }

    func importContactRefs() throws -> KeyTable<ContactRef> {
        try keyTable("SELECT key, id, account_id FROM contact", placeholder: ContactRef(id: 0, accountID: 0)) {
            ContactRef(id: $0.int64(1), accountID: $0.int64(2))
        }
    }

    func importInvoiceRefs() throws -> KeyTable<InvoiceRef> {
        try keyTable("SELECT number, id, account_id, currency FROM invoice", placeholder: InvoiceRef(id: 0, accountID: 0, currency: "")) {
            InvoiceRef(id: $0.int64(1), accountID: $0.int64(2), currency: $0.string(3))
        }
    }

    /// Keys (column 0) read as bytes, straight into the table.
    private func keyTable<Value>(_ sql: String, placeholder: Value, _ value: (PostgresRow) -> Value) throws -> KeyTable<Value> {
        let result = try connection.query(sql)
        var table = KeyTable<Value>(minimumCapacity: result.rowCount, placeholder: placeholder)
        for index in 0..<result.rowCount {
            let row = PostgresRow(result: result, index: index)
            table.insert(row.bytes(0), value(row))
        }
        return table
    }

    func importRepID(_ handle: Bytes) throws -> Int64? {
        try lookUp("SELECT id FROM rep WHERE handle = $1", handle) { $0.int64(0) }
    }

    func importAccountID(_ key: Bytes) throws -> Int64? {
        try lookUp("SELECT id FROM account WHERE key = $1", key) { $0.int64(0) }
    }

    func importContactRef(_ key: Bytes) throws -> ContactRef? {
        try lookUp("SELECT id, account_id FROM contact WHERE key = $1", key) { ContactRef(id: $0.int64(0), accountID: $0.int64(1)) }
    }

    func importInvoiceRef(_ number: Bytes) throws -> InvoiceRef? {
        try lookUp("SELECT id, account_id, currency FROM invoice WHERE number = $1", number) {
            InvoiceRef(id: $0.int64(0), accountID: $0.int64(1), currency: $0.string(2))
        }
    }

    private func lookUp<T>(_ sql: String, _ key: Bytes, _ read: (PostgresRow) -> T) throws -> T? {
        try connection.rows(sql, [String(decoding: key, as: UTF8.self)], read).first
    }

    func importAccountKey(_ id: Int64) throws -> String? {
        try connection.scalarText("SELECT key FROM account WHERE id = $1", [id])
    }

    func importAccountCurrencies(_ accountID: Int64) throws -> Set<String> {
        Set(try connection.rows("SELECT DISTINCT currency FROM invoice WHERE account_id = $1", [accountID]) { $0.string(0) })
    }

    func importInvoiceHasPaymentsOrPromises(_ invoiceID: Int64) throws -> Bool {
        try connection.scalarText(
            "SELECT EXISTS (SELECT 1 FROM payment WHERE invoice_id = $1) OR EXISTS (SELECT 1 FROM promise WHERE invoice_id = $1)",
            [invoiceID]) == "t"
    }

    func importSnoozeKeys() throws -> Set<SnoozeKey> {
        Set(try connection.rows("SELECT account_id, kind FROM snooze") { SnoozeKey(accountID: $0.int64(0), kind: $0.string(1)) })
    }

    func importInvoicesWithPaymentsOrPromises() throws -> Set<Int64> {
        Set(try connection.rows("SELECT invoice_id FROM payment UNION SELECT invoice_id FROM promise WHERE invoice_id IS NOT NULL") {
            $0.int64(0)
        })
    }

    func repHandles() throws -> [String] { try connection.rows("SELECT handle FROM rep ORDER BY id") { $0.string(0) } }
    func accountKeys() throws -> [String] { try connection.rows("SELECT key FROM account ORDER BY id") { $0.string(0) } }
    func invoiceNumbers() throws -> [String] { try connection.rows("SELECT number FROM invoice ORDER BY id") { $0.string(0) } }

    func contactKeys(ofAccount accountID: Int64?) throws -> [String] {
        guard let accountID else { return try connection.rows("SELECT key FROM contact ORDER BY id") { $0.string(0) } }
        return try connection.rows("SELECT key FROM contact WHERE account_id = $1 ORDER BY id", [accountID]) { $0.string(0) }
    }
}

/// Rows in COPY's text format: tab-separated, `\N` for NULL, backslash escapes for the
/// characters that would end a field or a row.
struct CopyLine: RowValueSink {
    private(set) var bytes: [UInt8] = []
    private var atRowStart = true

    init() { bytes.reserveCapacity(1 << 20 + 4096) }

    private mutating func separate() {
        if !atRowStart { bytes.append(UInt8(ascii: "\t")) }
        atRowStart = false
    }

    mutating func integer(_ value: Int64?) {
        separate()
        guard let value else { return bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")]) }
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func text(_ value: BoundText?) {
        separate()
        guard let value else { return bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")]) }
        value.withBytes { text in
            for byte in text {
                switch byte {
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                default: bytes.append(byte)
                }
            }
        }
    }

    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        atRowStart = true
    }

    /// The bytes so far, leaving the buffer empty.
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }
}
