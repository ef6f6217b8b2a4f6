import CSQLite
import Foundation

/// The SQL of `rapport import` besides the row writer (ImportWriter.swift): the key → id
/// maps, loaded whole or one key at a time, and the settings of the write transaction.
/// Values are only ever bound as parameters.
extension Database {
    func importRepIDs() throws -> KeyTable<Int64> {
        try keyTable("SELECT handle, id FROM rep", count: "SELECT count(*) FROM rep", placeholder: 0) { $0.int64(1) }
    }

    func importAccountIDs() throws -> KeyTable<Int64> {
        try keyTable("SELECT key, id FROM account", count: "SELECT count(*) FROM account", placeholder: 0) { $0.int64(1) }
    }

    func importContactRefs() throws -> KeyTable<ContactRef> {
        try keyTable("SELECT key, id, account_id FROM contact", count: "SELECT count(*) FROM contact",
                     placeholder: ContactRef(id: 0, accountID: 0)) {
            ContactRef(id: $0.int64(1), accountID: $0.int64(2))
        }
    }

    func importInvoiceRefs() throws -> KeyTable<InvoiceRef> {
        try keyTable("SELECT number, id, account_id, currency FROM invoice", count: "SELECT count(*) FROM invoice",
                     placeholder: InvoiceRef(id: 0, accountID: 0, currency: "")) {
            InvoiceRef(id: $0.int64(1), accountID: $0.int64(2), currency: $0.string(3))
        }
    }

    /// Keys (column 0) read as bytes, straight into the table.
    private func keyTable<Value>(
        _ sql: String, count: String, placeholder: Value, _ value: (Row) -> Value
    ) throws -> KeyTable<Value> {
        var table = KeyTable<Value>(minimumCapacity: try scalarInt(count) ?? 0, placeholder: placeholder)
        try forEachRow(sql) { row in
            let text = sqlite3_column_text(row.handle, 0)
            let length = Int(sqlite3_column_bytes(row.handle, 0))
            table.insert(UnsafeBufferPointer(start: text, count: length), value(row))
        }
        return table
    }

    // One key at a time, for small files.

    func importRepID(_ handle: Bytes) throws -> Int64? {
        try importLookUp("SELECT id FROM rep WHERE handle = ?", handle) { $0.int64(0) }
    }

    func importAccountID(_ key: Bytes) throws -> Int64? {
        try importLookUp("SELECT id FROM account WHERE key = ?", key) { $0.int64(0) }
    }

    func importContactRef(_ key: Bytes) throws -> ContactRef? {
        try importLookUp("SELECT id, account_id FROM contact WHERE key = ?", key) {
            ContactRef(id: $0.int64(0), accountID: $0.int64(1))
        }
    }

    func importInvoiceRef(_ number: Bytes) throws -> InvoiceRef? {
        try importLookUp("SELECT id, account_id, currency FROM invoice WHERE number = ?", number) {
            InvoiceRef(id: $0.int64(0), accountID: $0.int64(1), currency: $0.string(2))
        }
    }

    func importAccountKey(_ id: Int64) throws -> String? {
        try rows("SELECT key FROM account WHERE id = ?", [id]) { $0.string(0) }.first
    }

    func importAccountCurrencies(_ accountID: Int64) throws -> Set<String> {
        Set(try rows("SELECT DISTINCT currency FROM invoice WHERE account_id = ?", [accountID]) { $0.string(0) })
    }

    func importInvoiceHasPaymentsOrPromises(_ invoiceID: Int64) throws -> Bool {
        try scalarInt(
            "SELECT EXISTS (SELECT 1 FROM payment WHERE invoice_id = ?1) OR EXISTS (SELECT 1 FROM promise WHERE invoice_id = ?1)",
            [invoiceID]) == 1
    }

    // Every key, to suggest from after a miss.

    func repHandles() throws -> [String] { try rows("SELECT handle FROM rep") { $0.string(0) } }
    func accountKeys() throws -> [String] { try rows("SELECT key FROM account") { $0.string(0) } }
    func invoiceNumbers() throws -> [String] { try rows("SELECT number FROM invoice") { $0.string(0) } }

    /// Contact keys, of one account or of all.
    func contactKeys(ofAccount accountID: Int64?) throws -> [String] {
        guard let accountID else { return try rows("SELECT key FROM contact") { $0.string(0) } }
        return try rows("SELECT key FROM contact WHERE account_id = ?", [accountID]) { $0.string(0) }
    }

    private func importLookUp<T>(_ sql: String, _ key: Bytes, _ read: (Row) -> T) throws -> T? {
        let statement = try statement(sql)
        statement.rebind()
        try statement.bind(text: .bytes(key), at: 1)
        defer { statement.rebind() }
        return try statement.step() ? read(Row(statement: statement)) : nil
    }

    func importSnoozeKeys() throws -> Set<SnoozeKey> {
        var keys: Set<SnoozeKey> = []
        try forEachRow("SELECT account_id, kind FROM snooze") { keys.insert(SnoozeKey(accountID: $0.int64(0), kind: $0.string(1))) }
        return keys
    }

    /// Invoices whose amounts other rows are written in: their currency must not change.
    func importInvoicesWithPaymentsOrPromises() throws -> Set<Int64> {
        var ids: Set<Int64> = []
        try forEachRow("SELECT invoice_id FROM payment UNION SELECT invoice_id FROM promise WHERE invoice_id IS NOT NULL") {
            ids.insert($0.int64(0))
        }
        return ids
    }

    /// Page cache (and sort memory) for an import's write transaction.
    static let bulkCacheKiB = 64 * 1024

    /// Runs `body` (index builds) with a small page cache and SQLite's sorter threads.
    /// SQLite sorts an index's entries in runs of about the cache's size: a 2 MB run sorts
    /// within the CPU caches, and merging them beats one huge in-memory merge sort —
    /// building touch(account_id, date) over two million rows takes 1.1 s this way against
    /// 2.5 s with a 64 MB cache. Worker threads (off by default) sort those runs on the
    /// other cores: touch(date, kind, account_id) 2.2 s → 1.2 s on two cores.
    func forIndexBuilds<T>(_ body: () throws -> T) throws -> T {
        try with(pragma: "cache_size", -2048) {
            try with(pragma: "threads", min(ProcessInfo.processInfo.activeProcessorCount, 8), body)
        }
    }

    /// Runs `body` (a large write) with a rollback journal instead of the WAL when no other
    /// connection has the file open. Through the WAL every page is written twice (to the
    /// log, then by the checkpoint into the file); pages a rollback journal adds past the
    /// end of the file are written once and never journaled — two million touches commit in
    /// 0.25 s instead of 1.1–1.4 s. The file is back in WAL mode afterwards; after a crash
    /// the hot journal rolls the write back and the next open sets WAL again. With another
    /// connection open the switch is refused at once (no waiting) and the WAL stays.
    func withRollbackJournal<T>(_ body: () throws -> T) throws -> T {
        guard try scalarText("PRAGMA journal_mode") == "wal" else { return try body() }
        sqlite3_busy_timeout(handle, 0)
        let switched = (try? scalarText("PRAGMA journal_mode = DELETE")) == "delete"
        sqlite3_busy_timeout(handle, Self.busyTimeoutMilliseconds)
        defer { if switched { _ = try? scalarText("PRAGMA journal_mode = WAL") } }
        return try body()
    }

    /// A number that changes whenever another connection commits to the file.
    func dataVersion() throws -> Int {
        try scalarInt("PRAGMA data_version") ?? 0
    }

    /// Runs `body` in one transaction for a bulk write of rows whose references were all
    /// resolved against the file as it was at `validatedVersion` (a `dataVersion()`).
    /// When nothing has been committed since, SQLite's per-row foreign-key look-ups would
    /// only repeat that work (they double the cost of a large import), so they are off for
    /// the transaction; if anything was committed meanwhile, `body` runs again with them
    /// enforced. The page cache is enlarged for the unique indexes filled row by row.
    /// `rollbackJournal`: a large write, worth `withRollbackJournal`.
    func bulkWrite<T>(validatedVersion: Int, rollbackJournal: Bool = false, _ body: () throws -> T) throws -> T {
        guard !rollbackJournal else { return try withRollbackJournal { try bulkWrite(validatedVersion: validatedVersion, body) } }
        return try with(pragma: "cache_size", -Self.bulkCacheKiB) { try uncheckedWhenUnchanged(since: validatedVersion, body) }
    }

    /// `bulkWrite`'s transaction: foreign keys off when nothing changed since `validatedVersion`.
    private func uncheckedWhenUnchanged<T>(since validatedVersion: Int, _ body: () throws -> T) throws -> T {
        defer { try? execute("PRAGMA foreign_keys = ON") }
        if try dataVersion() == validatedVersion {
            // Takes effect only outside a transaction, hence before BEGIN.
            try execute("PRAGMA foreign_keys = OFF")
            do {
                return try transaction {
                    // The write lock is held now: the file cannot change any more.
                    guard try dataVersion() == validatedVersion else { throw ChangedSinceValidation() }
                    return try body()
                }
            } catch is ChangedSinceValidation {
                try execute("PRAGMA foreign_keys = ON")
            }
        }
        return try transaction { try body() }
    }
}

/// Another connection committed between validation and the write lock.
private struct ChangedSinceValidation: Error {}
