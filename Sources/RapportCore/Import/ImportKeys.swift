/// The stored keys an import resolves the file's references against. A large file gets the
/// maps it needs loaded whole, once (one pass over each table beats a million look-ups); a
/// small one looks each key up when first met and remembers the answer (loading 300 000
/// contacts for a file of forty touches would cost more than the file).
final class ImportKeys {
    private let database: any ImportKeySource
    private let preloaded: Bool
    private var reps = KeyTable<Int64>(placeholder: 0)
    private var accounts = KeyTable<Int64>(placeholder: 0)
    private var contacts = KeyTable<ContactRef>(placeholder: ContactRef(id: 0, accountID: 0))
    private var invoices = KeyTable<InvoiceRef>(placeholder: InvoiceRef(id: 0, accountID: 0, currency: ""))
    private var snoozes: Set<SnoozeKey> = []
    private var invoicesWithPaymentsOrPromises: Set<Int64> = []
    private var accountKeysByID: [Int64: String] = [:]
    private var currenciesByAccount: [Int64: Set<String>] = [:]

    /// Remembered answer for a key that is not stored (row ids are positive).
    private static var absent: Int64 { -1 }

    init(for kind: ImportKind, database: any ImportKeySource, preload: Bool) throws {
        self.database = database
        preloaded = preload
        if kind == .snoozes { snoozes = try database.importSnoozeKeys() }
        guard preload else { return }
        switch kind {
        case .reps:
            reps = try database.importRepIDs()
        case .accounts:
            reps = try database.importRepIDs()
            accounts = try database.importAccountIDs()
        case .contacts, .events:
            accounts = try database.importAccountIDs()
            contacts = try database.importContactRefs()
        case .touches:
            reps = try database.importRepIDs()
            accounts = try database.importAccountIDs()
            contacts = try database.importContactRefs()
        case .invoices:
            accounts = try database.importAccountIDs()
            invoices = try database.importInvoiceRefs()
            invoicesWithPaymentsOrPromises = try database.importInvoicesWithPaymentsOrPromises()
        case .payments:
            invoices = try database.importInvoiceRefs()
        case .promises:
            accounts = try database.importAccountIDs()
            invoices = try database.importInvoiceRefs()
        case .snoozes:
            accounts = try database.importAccountIDs()
        }
    }

    func rep(_ handle: Bytes) throws -> Int64? {
        try id(handle, in: &reps) { try database.importRepID($0) }
    }

    func account(_ key: Bytes) throws -> Int64? {
        try id(key, in: &accounts) { try database.importAccountID($0) }
    }

    /// Starts the look-ups of a record's account and contact together (`KeyTable.touch`).
    func warm(account: Bytes?, contact: Bytes?) {
        if let account { touched &+= accounts.touch(account) }
        if let contact { touched &+= contacts.touch(contact) }
    }

    /// Where `warm` leaves what it read, so the reads are kept.
    private var touched: UInt32 = 0

    func contact(_ key: Bytes) throws -> ContactRef? {
        if let known = contacts.find(key) { return known.id == Self.absent ? nil : known }
        guard !preloaded else { return nil }
        let found = try database.importContactRef(key)
        contacts.insert(key, found ?? ContactRef(id: Self.absent, accountID: 0))
        return found
    }

    func invoice(_ number: Bytes) throws -> InvoiceRef? {
        if let known = invoices.find(number) { return known.id == Self.absent ? nil : known }
        guard !preloaded else { return nil }
        let found = try database.importInvoiceRef(number)
        invoices.insert(number, found ?? InvoiceRef(id: Self.absent, accountID: 0, currency: ""))
        return found
    }

    func hasSnooze(_ key: SnoozeKey) -> Bool { snoozes.contains(key) }

    /// Whether other rows are written in the invoice's currency.
    func invoiceHasPaymentsOrPromises(_ id: Int64) throws -> Bool {
        preloaded ? invoicesWithPaymentsOrPromises.contains(id) : try database.importInvoiceHasPaymentsOrPromises(id)
    }

    /// An account's key from its id (for messages).
    func accountKey(_ id: Int64) throws -> String {
        if let key = accountKeysByID[id] { return key }
        if preloaded, accountKeysByID.isEmpty {
            for (key, accountID) in accounts.entries { accountKeysByID[accountID] = key }
        } else if !preloaded {
            accountKeysByID[id] = try database.importAccountKey(id)
        }
        return accountKeysByID[id] ?? "#\(id)"
    }

    /// The currencies of an account's invoices.
    func currencies(ofAccount id: Int64) throws -> Set<String> {
        if let known = currenciesByAccount[id] { return known }
        if preloaded {
            if currenciesByAccount.isEmpty {
                for invoice in invoices.values { currenciesByAccount[invoice.accountID, default: []].insert(invoice.currency) }
            }
            return currenciesByAccount[id] ?? []
        }
        let currencies = try database.importAccountCurrencies(id)
        currenciesByAccount[id] = currencies
        return currencies
    }

    // Candidates for "did you mean" (only ever after a miss).

    func repHandles() throws -> [String] { preloaded ? reps.keys : try database.repHandles() }
    func accountKeys() throws -> [String] { preloaded ? accounts.keys : try database.accountKeys() }
    func invoiceNumbers() throws -> [String] { preloaded ? invoices.keys : try database.invoiceNumbers() }

    /// Contact keys, of one account or of all.
    func contactKeys(ofAccount accountID: Int64?) throws -> [String] {
        guard preloaded else { return try database.contactKeys(ofAccount: accountID) }
        return contacts.entries.compactMap { accountID == nil || $0.value.accountID == accountID ? $0.key : nil }
    }

    private func id(_ key: Bytes, in table: inout KeyTable<Int64>, lookUp: (Bytes) throws -> Int64?) throws -> Int64? {
        if let known = table.find(key) { return known == Self.absent ? nil : known }
        guard !preloaded else { return nil }
        let found = try lookUp(key)
        table.insert(key, found ?? Self.absent)
        return found
    }
}
