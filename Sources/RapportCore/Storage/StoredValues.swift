/// Stored text made into model values, the same way for every backend: the agenda's
/// loaders read the same columns from SQLite and from PostgreSQL, and a malformed stored
/// value is reported the same way by both.
enum StoredValues {
    static func parse<T: RawRepresentable>(_ type: T.Type, _ text: String, what: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else { throw RapportError.data("unknown \(what) '\(text)'") }
        return value
    }

    /// A contact as the agenda's rules need it: key, name, role, status, birthday.
    static func contact(
        key: String, name: String, role: String?, status: String, birthday: String?, calendar: String?
    ) throws -> Contact {
        var parsed: RecurringDate?
        if let text = birthday, !text.isEmpty {
            let kind = try parse(CalendarKind.self, calendar ?? "gregorian", what: "birthday calendar")
            // A year written before a lunar month-day is ignored, as for Gregorian birthdays.
            guard let value = RecurringDate(text, calendar: kind)
                ?? (text.count == 10 ? RecurringDate(String(text.suffix(5)), calendar: kind) : nil) else {
                throw RapportError.data("contact \(key): bad birthday '\(text)'")
            }
            parsed = value
        }
        return Contact(
            key: key, account: "", name: name,
            role: try role.flatMap { $0.isEmpty ? nil : try parse(ContactRole.self, $0, what: "contact role") },
            status: try parse(ContactStatus.self, status, what: "contact status"), birthday: parsed)
    }

    /// An event of the agenda (its account named later by the loader).
    static func event(
        kind: String, title: String, date text: String, calendar: String, repeatRule: String?, sensitive: Bool,
        contact: String?
    ) throws -> Event {
        let date: EventDate
        switch try parse(CalendarKind.self, calendar, what: "event calendar") {
        case .gregorian:
            guard let day = CivilDate(text) else { throw RapportError.data("event '\(title)': bad date '\(text)'") }
            date = .gregorian(day)
        case .chinese:
            guard let monthDay = RecurringDate(text, calendar: .chinese) else {
                throw RapportError.data("event '\(title)': bad lunar date '\(text)'")
            }
            date = .lunar(monthDay)
        }
        return Event(
            account: "", contact: contact, kind: try parse(EventKind.self, kind, what: "event kind"),
            title: title, date: date,
            repeatRule: try repeatRule.flatMap { $0.isEmpty ? nil : try parse(Repeat.self, $0, what: "event repeat") },
            sensitive: sensitive)
    }

    /// An event as drafts read it, from account key, contact key, kind, title, date,
    /// calendar, repeat, sensitive: nil when its kind or date does not parse (the import
    /// rejects such rows; drafts only need the kind, so they skip rather than fail).
    static func draftEvent(_ row: some StoredRow) -> Event? {
        guard let kind = EventKind(rawValue: row.string(2)) else { return nil }
        let text = row.string(4)
        let date: EventDate
        if row.string(5) == CalendarKind.chinese.rawValue, let lunar = RecurringDate(text, calendar: .chinese) {
            date = .lunar(lunar)
        } else if let day = CivilDate(text) {
            date = .gregorian(day)
        } else {
            return nil
        }
        return Event(
            account: row.string(0), contact: row.optionalString(1), kind: kind, title: row.string(3), date: date,
            repeatRule: row.optionalString(6).flatMap(Repeat.init(rawValue:)), sensitive: row.bool(7))
    }
}

/// A result row of either backend, read by column index: what lets one mapping from
/// columns to model values serve both (`StoredValues`).
protocol StoredRow {
    func isNull(_ index: Int) -> Bool
    func int64(_ index: Int) -> Int64
    func bool(_ index: Int) -> Bool
    func string(_ index: Int) -> String
    func optionalString(_ index: Int) -> String?
    /// The value as UTF-8 text, borrowed while the row is current.
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8>
    func optionalInt(_ index: Int) -> Int?
    func date(_ index: Int) -> CivilDate?
}

extension Row: StoredRow {}
extension PostgresRow: StoredRow {}

extension StoredValues {
    /// The columns `account` reads, in its order (after the table's alias `a` and the owner's `r`).
    static let accountColumns = "a.key, a.name, a.tier, r.handle, a.country, a.region, a.locale, a.created_on, a.status, a.cadence_days"

    /// An account from the columns of `accountColumns`; `createdOn` as the caller read it.
    static func account(_ row: some StoredRow, createdOn: CivilDate) -> Account {
        Account(
            key: row.string(0), name: row.string(1), tier: row.string(2), owner: row.string(3),
            country: row.string(4), region: row.optionalString(5), locale: row.optionalString(6),
            createdOn: createdOn, status: AccountStatus(rawValue: row.string(8)) ?? .active, cadenceDays: row.optionalInt(9))
    }

    /// The columns `draftContact` reads.
    static let draftContactColumns = """
        c.key, a.key, c.name, c.salutation, c.title, c.role, c.status, c.phone, c.email, c.chat,
               c.channel, c.locale, c.birthday, c.birthday_calendar
        """

    /// A contact with every field a draft shows, from the columns of `draftContactColumns`.
    static func draftContact(_ row: some StoredRow) -> Contact {
        let calendar = CalendarKind(rawValue: row.string(13)) ?? .gregorian
        return Contact(
            key: row.string(0), account: row.string(1), name: row.string(2), salutation: row.optionalString(3),
            title: row.optionalString(4), role: row.optionalString(5).flatMap(ContactRole.init(rawValue:)),
            status: ContactStatus(rawValue: row.string(6)) ?? .current, phone: row.optionalString(7),
            email: row.optionalString(8), chat: row.optionalString(9),
            channel: row.optionalString(10).flatMap(Channel.init(rawValue:)), locale: row.optionalString(11),
            birthday: row.optionalString(12).flatMap { RecurringDate($0, calendar: calendar) })
    }

    /// A rep from handle, name, email, phone, manager starting at column `start`.
    static func rep(_ row: some StoredRow, from start: Int = 0) -> Rep {
        Rep(handle: row.string(start), name: row.string(start + 1), email: row.optionalString(start + 2),
            phone: row.optionalString(start + 3), manager: row.optionalString(start + 4))
    }
}
