/// What drafts need to know beyond the agenda items: the accounts, their people in the
/// order they were added, the reps who send, and the events (for event kinds). Loaded
/// in one batch for the items' accounts (`Database.draftData(accounts:)`).
public struct DraftData: Sendable {
    public var accounts: [String: Account]
    /// By account key, in the order the contacts were added ("the first current contact").
    public var contacts: [String: [Contact]]
    public var reps: [String: Rep]
    /// By account key.
    public var events: [String: [Event]]

    public init(
        accounts: [String: Account] = [:], contacts: [String: [Contact]] = [:], reps: [String: Rep] = [:],
        events: [String: [Event]] = [:]
    ) {
        self.accounts = accounts
        self.contacts = contacts
        self.reps = reps
        self.events = events
    }
}
