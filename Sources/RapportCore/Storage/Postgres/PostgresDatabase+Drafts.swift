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
                SELECT a.key, a.name, a.tier, r.handle, a.country, a.region, a.locale, a.created_on, a.status, a.cadence_days
                FROM account a JOIN rep r ON r.id = a.owner_id WHERE a.key = ANY($1::text[])
                """, [keyList]
            ) { row in
                let account = Account(
                    key: row.string(0), name: row.string(1), tier: row.string(2), owner: row.string(3),
                    country: row.string(4), region: row.optionalString(5), locale: row.optionalString(6),
                    createdOn: row.date(7) ?? CivilDate(dayNumber: 0),
                    status: AccountStatus(rawValue: row.string(8)) ?? .active, cadenceDays: row.optionalInt(9))
                data.accounts[account.key] = account
            }
            try connection.forEachRow("""
                SELECT c.key, a.key, c.name, c.salutation, c.title, c.role, c.status, c.phone, c.email, c.chat,
                       c.channel, c.locale, c.birthday, c.birthday_calendar
                FROM contact c JOIN account a ON a.id = c.account_id
                WHERE a.key = ANY($1::text[]) ORDER BY c.id
                """, [keyList]
            ) { row in
                let calendar = CalendarKind(rawValue: row.string(13)) ?? .gregorian
                let contact = Contact(
                    key: row.string(0), account: row.string(1), name: row.string(2), salutation: row.optionalString(3),
                    title: row.optionalString(4), role: row.optionalString(5).flatMap(ContactRole.init(rawValue:)),
                    status: ContactStatus(rawValue: row.string(6)) ?? .current, phone: row.optionalString(7),
                    email: row.optionalString(8), chat: row.optionalString(9),
                    channel: row.optionalString(10).flatMap(Channel.init(rawValue:)), locale: row.optionalString(11),
                    birthday: row.optionalString(12).flatMap { RecurringDate($0, calendar: calendar) })
                data.contacts[contact.account, default: []].append(contact)
            }
            try connection.forEachRow("""
                SELECT handle, name, email, phone, manager FROM rep
                WHERE id IN (SELECT owner_id FROM account WHERE key = ANY($1::text[])) OR handle = ANY($2::text[])
                """, [keyList, PostgresArray.text(handles)]
            ) { row in
                let rep = Rep(
                    handle: row.string(0), name: row.string(1), email: row.optionalString(2), phone: row.optionalString(3),
                    manager: row.optionalString(4))
                data.reps[rep.handle] = rep
            }
            try connection.forEachRow("""
                SELECT a.key, c.key, e.kind, e.title, e.date, e.calendar, e.repeat, e.sensitive
                FROM event e JOIN account a ON a.id = e.account_id LEFT JOIN contact c ON c.id = e.contact_id
                WHERE a.key = ANY($1::text[]) ORDER BY e.id
                """, [keyList]
            ) { row in
                guard let event = StoredValues.draftEvent(
                    account: row.string(0), contact: row.optionalString(1), kind: row.string(2), title: row.string(3),
                    date: row.string(4), calendar: row.string(5), repeatRule: row.optionalString(6), sensitive: row.bool(7)) else { return }
                data.events[event.account, default: []].append(event)
            }
            return data
        }
    }
}
