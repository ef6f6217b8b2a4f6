/// `rapport touch log`: records one contact with a customer after it happened. The rep
/// defaults to the account's owner; a contact must belong to the account. Logging the same
/// touch twice (every field equal) records it once, as an import of it would.
public struct TouchLog {
    let database: any TouchLogStore

    public init(database: Database) { self.database = database }

    init(store: any TouchLogStore) { self.database = store }

    public struct Entry: Sendable, Equatable {
        public var account: String
        public var contact: String?
        /// nil = the account's owner.
        public var rep: String?
        public var date: CivilDate
        public var channel: Channel
        public var kind: TouchKind
        public var note: String?

        public init(
            account: String, contact: String? = nil, rep: String? = nil, date: CivilDate, channel: Channel,
            kind: TouchKind, note: String? = nil
        ) {
            self.account = account
            self.contact = contact
            self.rep = rep
            self.date = date
            self.channel = channel
            self.kind = kind
            self.note = note
        }
    }

    public struct Result: Sendable, Equatable {
        /// The touch as recorded (the rep resolved).
        public var touch: Touch
        /// False when an identical touch was already recorded.
        public var isNew: Bool
    }

    /// Records the touch; unknown keys are a `RapportError.data` with a suggestion.
    public func record(_ entry: Entry) throws -> Result {
        guard let account = try database.touchLogAccount(key: entry.account) else {
            throw try database.unknownAccount(entry.account)
        }
        var contactID: Int64?
        if let key = entry.contact {
            guard let contact = try database.touchLogContact(key: key) else {
                let own = try database.contactKeys(ofAccount: account.id)
                throw RapportError.data("unknown contact '\(key)'" + Suggestion.hint(for: key, among: own))
            }
            guard contact.accountKey == entry.account else {
                throw RapportError.data("contact '\(key)' belongs to account \(contact.accountKey), not \(entry.account)")
            }
            contactID = contact.id
        }
        var repID = account.ownerID
        var repHandle = account.ownerHandle
        if let handle = entry.rep {
            guard let id = try database.touchLogRepID(handle: handle) else {
                throw try database.unknownRep(handle)
            }
            repID = id
            repHandle = handle
        }
        let note = entry.note.flatMap { $0.trimmingASCIISpaces().isEmpty ? nil : $0 }
        let row = TouchRow(
            accountID: account.id, contactID: contactID, repID: repID, date: .string(entry.date.description),
            channel: .string(entry.channel.rawValue), kind: .string(entry.kind.rawValue), note: note.map { .string($0) })
        let isNew = try database.insertTouchUnlessIdentical(row)
        let touch = Touch(
            account: entry.account, contact: entry.contact, rep: repHandle, date: entry.date, channel: entry.channel,
            kind: entry.kind, note: note)
        return Result(touch: touch, isNew: isNew)
    }
}

/// What `TouchLog` reads and writes: the account, contact and rep of an entry, and the
/// touch row, added unless an identical one is there (atomically: two identical logs at
/// once record one touch).
protocol TouchLogStore: ImportKeySource {
    func touchLogAccount(key: String) throws -> TouchLogAccount?
    /// The contact's id and the key of the account it belongs to.
    func touchLogContact(key: String) throws -> (id: Int64, accountKey: String)?
    func touchLogRepID(handle: String) throws -> Int64?
    func unknownAccount(_ key: String) throws -> RapportError
    func unknownRep(_ handle: String) throws -> RapportError
    /// Whether the row was added (false: an identical touch was already recorded).
    func insertTouchUnlessIdentical(_ row: TouchRow) throws -> Bool
}

/// The account a touch is logged on, with its owner (the default rep).
struct TouchLogAccount {
    let id: Int64
    let ownerID: Int64
    let ownerHandle: String
}
