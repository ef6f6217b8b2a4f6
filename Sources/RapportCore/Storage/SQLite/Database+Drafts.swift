import Foundation

/// The reads and writes of `rapport drafts`: everything about the agenda's accounts in
/// one batch (a key list bound once as a JSON array, so there is no query per account),
/// and the touches `--mark-sent` logs.
extension Database {
    /// Accounts, contacts (in the order they were added), owner reps and events of the
    /// accounts `keys`, plus the reps `reps` (the senders).
    public func draftData(accounts keys: [String], reps handles: [String] = []) throws -> DraftData {
        var data = DraftData()
        guard !keys.isEmpty else { return data }
        let keyList = Self.jsonArray(keys)
        try forEachRow(
            """
            SELECT \(StoredValues.accountColumns)
            FROM account a JOIN rep r ON r.id = a.owner_id
            WHERE a.key IN (SELECT value FROM json_each(?))
            """, [keyList]
        ) { row in
            let account = StoredValues.account(row, createdOn: row.date(7) ?? CivilDate(dayNumber: 0))
            data.accounts[account.key] = account
        }
        try forEachRow(
            """
            SELECT \(StoredValues.draftContactColumns)
            FROM contact c JOIN account a ON a.id = c.account_id
            WHERE a.key IN (SELECT value FROM json_each(?))
            ORDER BY c.id
            """, [keyList]
        ) { row in
            let contact = StoredValues.draftContact(row)
            data.contacts[contact.account, default: []].append(contact)
        }
        try forEachRow(
            """
            SELECT handle, name, email, phone, manager FROM rep
            WHERE id IN (SELECT owner_id FROM account WHERE key IN (SELECT value FROM json_each(?1)))
               OR handle IN (SELECT value FROM json_each(?2))
            """, [keyList, Self.jsonArray(handles)]
        ) { row in
            let rep = StoredValues.rep(row)
            data.reps[rep.handle] = rep
        }
        try forEachRow(
            """
            SELECT a.key, c.key, e.kind, e.title, e.date, e.calendar, e.repeat, e.sensitive
            FROM event e JOIN account a ON a.id = e.account_id LEFT JOIN contact c ON c.id = e.contact_id
            WHERE a.key IN (SELECT value FROM json_each(?))
            ORDER BY e.id
            """, [keyList]
        ) { row in
            guard let event = StoredValues.draftEvent(row) else { return }
            data.events[event.account, default: []].append(event)
        }
        return data
    }

    /// Logs a touch for each draft the rep sent (`--mark-sent`): the account, the contact
    /// (none for a draft to the account), the account owner, the agenda date, the
    /// draft's channel and the touch kind of its reason. A touch identical in all of these
    /// to one already recorded is not logged again, so marking twice changes nothing.
    /// All or nothing, in one transaction. Returns the number of touches added.
    @discardableResult
    public func logTouches(for drafts: [Draft]) throws -> Int {
        try transaction {
            var added = 0
            for draft in drafts {
                let note = "draft: " + [draft.reason.rawValue, draft.variant].compactMap { $0 }.joined(separator: " ")
                try execute(
                    """
                    INSERT INTO touch (account_id, contact_id, rep_id, date, channel, kind, note)
                    SELECT a.id, (SELECT id FROM contact WHERE key = ?2 AND account_id = a.id), r.id, ?4, ?5, ?6, ?7
                    FROM account a, rep r
                    WHERE a.key = ?1 AND r.handle = ?3
                      AND NOT EXISTS (
                        SELECT 1 FROM touch t
                        WHERE t.account_id = a.id AND t.rep_id = r.id AND t.date = ?4 AND t.channel = ?5 AND t.kind = ?6
                          AND t.contact_id IS (SELECT id FROM contact WHERE key = ?2 AND account_id = a.id))
                    """,
                    [draft.account, draft.contact, draft.rep, draft.date, draft.channel.rawValue, draft.touchKind.rawValue, note])
                added += changes
            }
            return added
        }
    }

    /// The account keys and rep handles of the lists that are not in the database.
    public func missingKeys(accounts: [String], reps: [String]) throws -> (accounts: [String], reps: [String]) {
        let accounts = try accounts.filter { try scalarInt("SELECT count(*) FROM account WHERE key = ?", [$0]) == 0 }
        let reps = try reps.filter { try scalarInt("SELECT count(*) FROM rep WHERE handle = ?", [$0]) == 0 }
        return (accounts, reps)
    }
}
