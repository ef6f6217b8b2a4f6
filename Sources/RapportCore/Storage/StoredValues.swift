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

    /// An event as drafts read it: nil when its kind or date does not parse (the import
    /// rejects such rows; drafts only need the kind, so they skip rather than fail).
    static func draftEvent(
        account: String, contact: String?, kind: String, title: String, date text: String, calendar: String,
        repeatRule: String?, sensitive: Bool
    ) -> Event? {
        guard let kind = EventKind(rawValue: kind) else { return nil }
        let date: EventDate
        if calendar == CalendarKind.chinese.rawValue, let lunar = RecurringDate(text, calendar: .chinese) {
            date = .lunar(lunar)
        } else if let day = CivilDate(text) {
            date = .gregorian(day)
        } else {
            return nil
        }
        return Event(
            account: account, contact: contact, kind: kind, title: title, date: date,
            repeatRule: repeatRule.flatMap(Repeat.init(rawValue:)), sensitive: sensitive)
    }
}
