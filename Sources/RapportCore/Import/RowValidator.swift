/// Checks one kind's records and turns each valid one into a row to write. The same
/// validator runs in both passes of an import: first to collect every problem, then
/// (on a clean file) to produce the rows inside the write transaction.
protocol RowValidator {
    associatedtype Row
    init(context: ValidationContext)
    /// The row, or nil after reporting what is wrong with the record.
    mutating func validate(_ fields: RecordFields) -> Row?
    /// Checks that need the whole file (a manager defined further down).
    mutating func finish()
    /// Writes a validated row.
    func write(_ row: Row, with writer: ImportWriter) throws -> ImportWriter.Outcome
}

extension RowValidator {
    mutating func finish() {}
}

struct ValidationContext {
    let header: ImportHeader
    let keys: ImportKeys
    let resolver: KeyResolver
    let config: RapportConfig
    let problems: ImportProblems
}

/// The database's keys, loaded once per import (only the maps the kind needs).
final class ImportKeys {
    var reps: [String: Int64] = [:]
    var accounts: [String: Int64] = [:]
    var contacts: [String: ContactRef] = [:]
    var invoices: [String: InvoiceRef] = [:]
    var snoozes: Set<SnoozeKey> = []
    var invoicesWithPaymentsOrPromises: Set<Int64> = []

    init() {}

    static func load(for kind: ImportKind, from db: Database) throws -> ImportKeys {
        let keys = ImportKeys()
        switch kind {
        case .reps:
            keys.reps = try db.importRepIDs()
        case .accounts:
            keys.reps = try db.importRepIDs()
            keys.accounts = try db.importAccountIDs()
        case .contacts:
            keys.accounts = try db.importAccountIDs()
            keys.contacts = try db.importContactRefs()
        case .events:
            keys.accounts = try db.importAccountIDs()
            keys.contacts = try db.importContactRefs()
        case .touches:
            keys.reps = try db.importRepIDs()
            keys.accounts = try db.importAccountIDs()
            keys.contacts = try db.importContactRefs()
        case .invoices:
            keys.accounts = try db.importAccountIDs()
            keys.invoices = try db.importInvoiceRefs()
            keys.invoicesWithPaymentsOrPromises = try db.importInvoicesWithPaymentsOrPromises()
        case .payments:
            keys.invoices = try db.importInvoiceRefs()
        case .promises:
            keys.accounts = try db.importAccountIDs()
            keys.invoices = try db.importInvoiceRefs()
        case .snoozes:
            keys.accounts = try db.importAccountIDs()
            keys.snoozes = try db.importSnoozeKeys()
        }
        return keys
    }

    private var accountKeysByID: [Int64: String]?
    private var currenciesByAccount: [Int64: Set<String>]?

    /// An account's key from its id (for messages).
    func accountKey(_ id: Int64) -> String {
        if accountKeysByID == nil {
            accountKeysByID = Dictionary(accounts.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        }
        return accountKeysByID?[id] ?? "#\(id)"
    }

    /// The currencies of an account's invoices.
    func currencies(ofAccount id: Int64) -> Set<String> {
        if currenciesByAccount == nil {
            var map: [Int64: Set<String>] = [:]
            for invoice in invoices.values { map[invoice.accountID, default: []].insert(invoice.currency) }
            currenciesByAccount = map
        }
        return currenciesByAccount?[id] ?? []
    }
}

/// Resolves keys the records name to row ids, reporting unknown ones with a "did you
/// mean" suggestion. Suggestions are remembered per key, and stop after a budget, so a
/// file full of one wrong key stays fast.
final class KeyResolver {
    let keys: ImportKeys
    private var suggestions: [String: String] = [:]
    private var suggestionBudget = 2_000

    init(keys: ImportKeys) { self.keys = keys }

    func hint(for typed: String, scope: String, among candidates: () -> [String]) -> String {
        let memo = scope + "\u{0}" + typed
        if let known = suggestions[memo] { return known }
        guard suggestionBudget > 0 else { return "" }
        suggestionBudget -= 1
        let hint = Suggestion.hint(for: typed, among: candidates())
        suggestions[memo] = hint
        return hint
    }

    func rep(_ handle: String, _ cell: Cell, _ fields: RecordFields, alsoDefined extra: [String: Int] = [:]) -> Int64? {
        if let id = keys.reps[handle] { return id }
        fields.fail(cell, "unknown rep '\(handle)'" + hint(for: handle, scope: "rep") { Array(keys.reps.keys) + extra.keys })
        return nil
    }

    func account(_ key: String, _ cell: Cell, _ fields: RecordFields) -> Int64? {
        if let id = keys.accounts[key] { return id }
        fields.fail(cell, "unknown account '\(key)'" + hint(for: key, scope: "account") { Array(keys.accounts.keys) })
        return nil
    }

    /// A contact, which must belong to `accountID` when the account is known.
    func contact(_ key: String, account accountID: Int64?, _ cell: Cell, _ fields: RecordFields) -> Int64? {
        guard let contact = keys.contacts[key] else {
            // Prefer a near miss among the account's own people.
            let own = hint(for: key, scope: "contact@\(accountID ?? 0)") {
                keys.contacts.compactMap { $0.value.accountID == accountID ? $0.key : nil }
            }
            let anyone = own.isEmpty ? hint(for: key, scope: "contact") { Array(keys.contacts.keys) } : own
            fields.fail(cell, "unknown contact '\(key)'" + anyone)
            return nil
        }
        if let accountID, contact.accountID != accountID {
            fields.fail(cell, "contact '\(key)' belongs to account \(keys.accountKey(contact.accountID)), not \(keys.accountKey(accountID))")
            return nil
        }
        return contact.id
    }

    func invoice(_ number: String, _ cell: Cell, _ fields: RecordFields) -> InvoiceRef? {
        if let invoice = keys.invoices[number] { return invoice }
        fields.fail(cell, "unknown invoice '\(number)'" + hint(for: number, scope: "invoice") { Array(keys.invoices.keys) })
        return nil
    }
}

/// Remembers the line of each key seen in the file so a repeated key is reported on its
/// second line.
struct FileKeys<Key: Hashable> {
    private(set) var lines: [Key: Int] = [:]

    /// False (after reporting) when `key` was already on an earlier line.
    mutating func claim(_ key: Key, label: String, _ cell: Cell, _ fields: RecordFields) -> Bool {
        if let first = lines[key] {
            fields.fail(cell, "\(label) is already on line \(first) of this file")
            return false
        }
        lines[key] = fields.line
        return true
    }

    func contains(_ key: Key) -> Bool { lines[key] != nil }
}
