/// Checks one kind's records and turns each valid one into a row to write. The same
/// validator runs in both passes of an import: first to collect every problem, then
/// (on a clean file) to produce the rows inside the write transaction.
protocol RowValidator {
    associatedtype Row: WritableRow
    init(context: ValidationContext)
    /// The row, or nil after reporting what is wrong with the record. Throws only when the
    /// database cannot be read.
    mutating func validate(_ fields: RecordFields) throws -> Row?
    /// Checks that need the whole file (a manager defined further down).
    mutating func finish() throws
    /// Whether a keyed row's key is already stored (false for the other kinds).
    func isStored(_ row: Row) throws -> Bool
    /// The CSV columns whose values the file sets on a stored keyed row.
    var updatedColumns: Set<String> { get }
}

extension RowValidator {
    mutating func finish() throws {}
    func isStored(_ row: Row) throws -> Bool { false }
}

struct ValidationContext {
    let header: ImportHeader
    let keys: ImportKeys
    let resolver: KeyResolver
    let config: RapportConfig
    let problems: ImportProblems
    /// A guess at the rows to come (from the file's size), to size tables once.
    let estimatedRows: Int
}

/// Resolves the keys records name to row ids, reporting unknown ones with a "did you
/// mean" suggestion. Suggestions are remembered per key, and stop after a budget, so a
/// file full of one wrong key stays fast.
final class KeyResolver {
    let keys: ImportKeys
    private var suggestions: [String: String] = [:]
    private var suggestionBudget = 2_000

    init(keys: ImportKeys) { self.keys = keys }

    func hint(for typed: String, scope: String, among candidates: () throws -> [String]) rethrows -> String {
        let memo = scope + "\u{0}" + typed
        if let known = suggestions[memo] { return known }
        guard suggestionBudget > 0 else { return "" }
        suggestionBudget -= 1
        let hint = Suggestion.hint(for: typed, among: try candidates())
        suggestions[memo] = hint
        return hint
    }

    func rep(_ handle: Bytes, _ cell: Cell, _ fields: RecordFields) throws -> Int64? {
        if let id = try keys.rep(handle) { return id }
        let typed = handle.text
        fields.fail(cell, "unknown rep '\(typed)'" + (try hint(for: typed, scope: "rep") { try keys.repHandles() }))
        return nil
    }

    func account(_ key: Bytes, _ cell: Cell, _ fields: RecordFields) throws -> Int64? {
        if let id = try keys.account(key) { return id }
        let typed = key.text
        fields.fail(cell, "unknown account '\(typed)'" + (try hint(for: typed, scope: "account") { try keys.accountKeys() }))
        return nil
    }

    /// A contact, which must belong to `accountID` when the account is known.
    func contact(_ key: Bytes, account accountID: Int64?, _ cell: Cell, _ fields: RecordFields) throws -> Int64? {
        guard let contact = try keys.contact(key) else {
            let typed = key.text
            // Prefer a near miss among the account's own people.
            var suggestion = ""
            if let accountID {
                suggestion = try hint(for: typed, scope: "contact@\(accountID)") { try keys.contactKeys(ofAccount: accountID) }
            }
            if suggestion.isEmpty {
                suggestion = try hint(for: typed, scope: "contact") { try keys.contactKeys(ofAccount: nil) }
            }
            fields.fail(cell, "unknown contact '\(typed)'" + suggestion)
            return nil
        }
        if let accountID, contact.accountID != accountID {
            fields.fail(cell, "contact '\(key.text)' belongs to account \(try keys.accountKey(contact.accountID)), not \(try keys.accountKey(accountID))")
            return nil
        }
        return contact.id
    }

    /// A record's account and (optional) contact, the contact checked against the account.
    /// Both look-ups start together (`ImportKeys.warm`), so their cache misses overlap.
    func accountAndContact(_ account: Cell, _ contact: Cell, _ fields: RecordFields) throws -> (account: Int64?, contact: Int64?) {
        let (accountKey, contactKey) = (fields.key(account), fields.key(contact))
        keys.warm(account: accountKey, contact: contactKey)
        let accountID = try accountKey.flatMap { try self.account($0, account, fields) }
        let contactID = try contactKey.flatMap { try self.contact($0, account: accountID, contact, fields) }
        return (accountID, contactID)
    }

    func invoice(_ number: Bytes, _ cell: Cell, _ fields: RecordFields) throws -> InvoiceRef? {
        if let invoice = try keys.invoice(number) { return invoice }
        let typed = number.text
        fields.fail(cell, "unknown invoice '\(typed)'" + (try hint(for: typed, scope: "invoice") { try keys.invoiceNumbers() }))
        return nil
    }
}

/// The line of each key seen in the file, so a repeated key is reported on its second line.
struct FileKeys {
    private(set) var lines: KeyTable<Int>

    init(expecting rows: Int) {
        lines = KeyTable(minimumCapacity: rows, placeholder: 0)
    }

    /// False (after reporting) when `key` was on an earlier line.
    mutating func claim(_ key: Bytes, label: String, _ cell: Cell, _ fields: RecordFields) -> Bool {
        if let first = lines.insert(key, fields.line) {
            fields.fail(cell, "\(label) '\(key.text)' is already on \(fields.problems.place(of: first))")
            return false
        }
        return true
    }

    func contains(_ key: Bytes) -> Bool { lines.find(key) != nil }
    func contains(_ key: String) -> Bool { lines.find(key) != nil }
}
