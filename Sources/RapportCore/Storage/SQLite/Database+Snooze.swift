extension Database {
    /// Hides the account's reasons of `kind` through `until` (one snooze per account and
    /// kind: a new one replaces the old).
    public func snooze(account key: String, kind: ReasonKind, until: CivilDate) throws {
        guard let id = try scalarInt("SELECT id FROM account WHERE key = ?", [key]) else {
            throw try unknownAccount(key)
        }
        try execute("""
            INSERT INTO snooze (account_id, kind, until) VALUES (?, ?, ?)
            ON CONFLICT (account_id, kind) DO UPDATE SET until = excluded.until
            """, [id, kind.rawValue, until])
    }
}
