/// What an import needs of a database, whichever backend holds it: the stored keys the
/// file's references resolve against (`ImportKeySource`), a session around the whole
/// import, and the write of the checked rows in one transaction.
protocol ImportTarget: ImportKeySource {
    /// Runs a whole import, check and write. SQLite runs it as it is (the write has its
    /// own transaction and re-checks when the file changed meanwhile); PostgreSQL runs it
    /// in one transaction that holds the import lock, so the keys checked are the keys
    /// written against and a killed client leaves nothing behind.
    func importSession<T>(_ body: () throws -> T) throws -> T

    /// A stamp that changes when another connection commits (SQLite's `data_version`);
    /// handed back to `writeImport`, which may trust the check pass while it is unchanged.
    func importStamp() throws -> Int

    /// Writes the checked rows of `spool`, in file order, in one transaction: keyed rows
    /// upserted (only `presentColumns` updated), the others added unless an identical row
    /// exists. (The spool, not a reader: a write that must start again reads it again.)
    func writeImport<Row: WritableRow>(
        _ spool: RowSpool, of _: Row.Type, presentColumns: Set<String>, validatedStamp: Int,
        progress: ((ImportProgress) -> Void)?
    ) throws -> ImportCounts
}

/// What a write did: rows inserted, keyed rows updated, rows already there.
struct ImportCounts: Equatable {
    var inserted = 0
    var updated = 0
    var unchanged = 0
}

/// The stored keys of an import: maps loaded whole for a large file, single look-ups for
/// a small one, and the key lists "did you mean" suggests from.
protocol ImportKeySource: AnyObject {
    func importRepIDs() throws -> KeyTable<Int64>
    func importAccountIDs() throws -> KeyTable<Int64>
    func importContactRefs() throws -> KeyTable<ContactRef>
    func importInvoiceRefs() throws -> KeyTable<InvoiceRef>
    func importRepID(_ handle: Bytes) throws -> Int64?
    func importAccountID(_ key: Bytes) throws -> Int64?
    func importContactRef(_ key: Bytes) throws -> ContactRef?
    func importInvoiceRef(_ number: Bytes) throws -> InvoiceRef?
    func importAccountKey(_ id: Int64) throws -> String?
    func importAccountCurrencies(_ accountID: Int64) throws -> Set<String>
    func importInvoiceHasPaymentsOrPromises(_ invoiceID: Int64) throws -> Bool
    func importSnoozeKeys() throws -> Set<SnoozeKey>
    /// Invoices whose amounts other rows are written in: their currency must not change.
    func importInvoicesWithPaymentsOrPromises() throws -> Set<Int64>
    func repHandles() throws -> [String]
    func accountKeys() throws -> [String]
    func invoiceNumbers() throws -> [String]
    /// Contact keys, of one account or of all.
    func contactKeys(ofAccount accountID: Int64?) throws -> [String]
}
