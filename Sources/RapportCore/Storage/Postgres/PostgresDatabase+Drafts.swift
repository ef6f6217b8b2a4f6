/// Everything `rapport drafts` reads about the agenda's accounts, from PostgreSQL: the
/// same `DraftData` as Database+Drafts.swift (contacts and events in the order they were
/// added), each key list bound once as an array.
extension PostgresDatabase {
    public func draftData(accounts keys: [String], reps handles: [String]) throws -> DraftData {
        var data = DraftData()
        guard !keys.isEmpty else { return data }
        let keyList = PostgresArray.text(keys)
        return try mapErrors {
            try connection.forEachRow("""
                SELECT \(StoredValues.accountColumns)
                FROM account a JOIN rep r ON r.id = a.owner_id WHERE a.key = ANY($1::text[])
                """, [keyList]
            ) { row in
                let account = StoredValues.account(row, createdOn: row.date(7) ?? CivilDate(dayNumber: 0))
                data.accounts[account.key] = account
            }
            try connection.forEachRow("""
                SELECT \(StoredValues.draftContactColumns)
                FROM contact c JOIN account a ON a.id = c.account_id
                WHERE a.key = ANY($1::text[]) ORDER BY c.id
                """, [keyList]
            ) { row in
                let contact = StoredValues.draftContact(row)
                data.contacts[contact.account, default: []].append(contact)
            }
            try connection.forEachRow("""
                SELECT handle, name, email, phone, manager FROM rep
                WHERE id IN (SELECT owner_id FROM account WHERE key = ANY($1::text[])) OR handle = ANY($2::text[])
                """, [keyList, PostgresArray.text(handles)]
            ) { row in
                let rep = StoredValues.rep(row)
                data.reps[rep.handle] = rep
            }
            try connection.forEachRow("""
                SELECT a.key, c.key, e.kind, e.title, e.date, e.calendar, e.repeat, e.sensitive
                FROM event e JOIN account a ON a.id = e.account_id LEFT JOIN contact c ON c.id = e.contact_id
                WHERE a.key = ANY($1::text[]) ORDER BY e.id
                """, [keyList]
            ) { row in
                guard let event = StoredValues.draftEvent(row) else { return }
                data.events[event.account, default: []].append(event)
            }
            return data
        }
    }
}
