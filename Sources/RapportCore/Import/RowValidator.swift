/// Checks one kind's records and turns each valid one into a row to write. The same
/// validator runs in both passes of an import: first to collect every problem, then
/// (on a clean file) to produce the rows inside the write transaction.
protocol RowValidator {
    associatedtype Row: WritableRow
    init(context: ValidationContext)
    /// The row, or nil after reporting what is wrong with the record.
    mutating func validate(_ fields: RecordFields) -> Row?
    /// Checks that need the whole file (a manager defined further down).
    mutating func finish()
    /// Whether a keyed row's key is already stored (false for the other kinds).
    func isStored(_ row: Row) -> Bool
    /// The CSV columns whose values the file sets on a stored keyed row.
    var updatedColumns: Set<String> { get }
}

extension RowValidator {
    mutating func finish() {}
    func isStored(_ row: Row) -> Bool { false }
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
    let reps: KeyTable<Int64>
    let accounts: KeyTable<Int64>
    let contacts: KeyTable<ContactRef>
    let invoices: KeyTable<InvoiceRef>
    let snoozes: Set<SnoozeKey>
    let invoicesWithPaymentsOrPromises: Set<Int64>

    init(
        reps: KeyTable<Int64> = KeyTable(placeholder: 0), accounts: KeyTable<Int64> = KeyTable(placeholder: 0),
        contacts: KeyTable<ContactRef> = KeyTable(placeholder: ContactRef(id: 0, accountID: 0)),
        invoices: KeyTable<InvoiceRef> = KeyTable(placeholder: InvoiceRef(id: 0, accountID: 0, currency: "")),
        snoozes: Set<SnoozeKey> = [], invoicesWithPaymentsOrPromises: Set<Int64> = []
    ) {
        self.reps = reps
        self.accounts = accounts
        self.contacts = contacts
        self.invoices = invoices
        self.snoozes = snoozes
        self.invoicesWithPaymentsOrPromises = invoicesWithPaymentsOrPromises
    }

    static func load(for kind: ImportKind, from db: Database) throws -> ImportKeys {
        switch kind {
        case .reps:
            return ImportKeys(reps: try db.importRepIDs())
        case .accounts:
            return ImportKeys(reps: try db.importRepIDs(), accounts: try db.importAccountIDs())
        case .contacts, .events:
            return ImportKeys(accounts: try db.importAccountIDs(), contacts: try db.importContactRefs())
        case .touches:
            return ImportKeys(reps: try db.importRepIDs(), accounts: try db.importAccountIDs(), contacts: try db.importContactRefs())
        case .invoices:
            return ImportKeys(accounts: try db.importAccountIDs(), invoices: try db.importInvoiceRefs(),
                              invoicesWithPaymentsOrPromises: try db.importInvoicesWithPaymentsOrPromises())
        case .payments:
            return ImportKeys(invoices: try db.importInvoiceRefs())
        case .promises:
            return ImportKeys(accounts: try db.importAccountIDs(), invoices: try db.importInvoiceRefs())
        case .snoozes:
            return ImportKeys(accounts: try db.importAccountIDs(), snoozes: try db.importSnoozeKeys())
        }
    }

    private var accountKeysByID: [Int64: String]?
    private var currenciesByAccount: [Int64: Set<String>]?

    /// An account's key from its id (for messages).
    func accountKey(_ id: Int64) -> String {
        if accountKeysByID == nil {
            accountKeysByID = Dictionary(accounts.entries.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
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

/// Resolves the keys records name to row ids, reporting unknown ones with a "did you
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

    func rep(_ handle: Bytes, _ cell: Cell, _ fields: RecordFields) -> Int64? {
        if let id = keys.reps.find(handle) { return id }
        let typed = handle.text
        fields.fail(cell, "unknown rep '\(typed)'" + hint(for: typed, scope: "rep") { keys.reps.keys })
        return nil
    }

    func account(_ key: Bytes, _ cell: Cell, _ fields: RecordFields) -> Int64? {
        if let id = keys.accounts.find(key) { return id }
        let typed = key.text
        fields.fail(cell, "unknown account '\(typed)'" + hint(for: typed, scope: "account") { keys.accounts.keys })
        return nil
    }

    /// A contact, which must belong to `accountID` when the account is known.
    func contact(_ key: Bytes, account accountID: Int64?, _ cell: Cell, _ fields: RecordFields) -> Int64? {
        guard let contact = keys.contacts.find(key) else {
            let typed = key.text
            // Prefer a near miss among the account's own people.
            let own = hint(for: typed, scope: "contact@\(accountID ?? 0)") {
                keys.contacts.entries.compactMap { $0.value.accountID == accountID ? $0.key : nil }
            }
            let anyone = own.isEmpty ? hint(for: typed, scope: "contact") { keys.contacts.keys } : own
            fields.fail(cell, "unknown contact '\(typed)'" + anyone)
            return nil
        }
        if let accountID, contact.accountID != accountID {
            fields.fail(cell, "contact '\(key.text)' belongs to account \(keys.accountKey(contact.accountID)), not \(keys.accountKey(accountID))")
            return nil
        }
        return contact.id
    }

    func invoice(_ number: Bytes, _ cell: Cell, _ fields: RecordFields) -> InvoiceRef? {
        if let invoice = keys.invoices.find(number) { return invoice }
        let typed = number.text
        fields.fail(cell, "unknown invoice '\(typed)'" + hint(for: typed, scope: "invoice") { keys.invoices.keys })
        return nil
    }
}

/// The line of each key seen in the file, so a repeated key is reported on its second line.
struct FileKeys {
    private(set) var lines = KeyTable<Int>(minimumCapacity: 1 << 15, placeholder: 0)

    /// False (after reporting) when `key` was on an earlier line.
    mutating func claim(_ key: Bytes, label: String, _ cell: Cell, _ fields: RecordFields) -> Bool {
        if let first = lines.insert(key, fields.line) {
            fields.fail(cell, "\(label) '\(key.text)' is already on line \(first) of this file")
            return false
        }
        return true
    }

    func contains(_ key: Bytes) -> Bool { lines.find(key) != nil }
    func contains(_ key: String) -> Bool { lines.find(key) != nil }
}
