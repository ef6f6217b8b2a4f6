/// Events, touches and snoozes: what happens around an account.

struct EventValidator: RowValidator {
    private let context: ValidationContext
    private let account, contact, kind, title, date, calendar, repeatRule, sensitive: Cell
    private let kinds = Choices(EventKind.self)
    private let calendars = Choices(CalendarKind.self)
    private let repeats = Choices(Repeat.self)

    init(context: ValidationContext) {
        self.context = context
        let header = context.header
        (account, contact, kind, title) = (header.cell("account"), header.cell("contact"), header.cell("kind"),
                                           header.cell("title"))
        (date, calendar, repeatRule, sensitive) = (header.cell("date"), header.cell("calendar"), header.cell("repeat"),
                                                   header.cell("sensitive"))
    }

    var updatedColumns: Set<String> { [] }

    func validate(_ fields: RecordFields) throws -> EventRow? {
        let (accountID, contactID) = try context.resolver.accountAndContact(account, contact, fields)
        let kind = fields.choice(kinds, self.kind)
        let title = fields.text(self.title)
        let calendar = fields.choice(calendars, self.calendar, default: CalendarKind.gregorian.rawValue)
        var date: BoundText?
        if let calendar, let text = fields.token(self.date) {
            switch calendar.value {
            case .gregorian:
                if RecordFields.civilDate(text) != nil { date = .bytes(text) } else {
                    fields.fail(self.date, "'\(text.text)' is not a real date as YYYY-MM-DD")
                }
            case .chinese:
                if let lunar = RecurringDate(text.text, calendar: .chinese) { date = .string(lunar.description) } else {
                    fields.fail(self.date, "'\(text.text)' is not a lunar month-day as MM-DD, or LMM-DD for a leap month")
                }
            }
        }
        let repeatRule = fields.choice(repeats, self.repeatRule)
        if calendar?.value == .chinese, repeatRule?.value == .once {
            fields.fail(self.repeatRule, "a chinese-calendar date has no year, so it repeats yearly")
        }
        let sensitive = fields.yesNo(self.sensitive)
        guard let accountID, let kind, let title, let calendar, let date else { return nil }
        return EventRow(
            accountID: accountID, contactID: contactID, kind: kind.bound, title: title, date: date,
            calendar: calendar.bound, repeatRule: repeatRule?.bound, sensitive: sensitive ?? false)
    }
}

struct TouchValidator: RowValidator {
    private let context: ValidationContext
    private let account, contact, rep, date, channel, kind, note: Cell
    private let channels = Choices(Channel.self)
    private let kinds = Choices(TouchKind.self)

    init(context: ValidationContext) {
        self.context = context
        let header = context.header
        (account, contact, rep, date) = (header.cell("account"), header.cell("contact"), header.cell("rep"),
                                         header.cell("date"))
        (channel, kind, note) = (header.cell("channel"), header.cell("kind"), header.cell("note"))
    }

    var updatedColumns: Set<String> { [] }

    func validate(_ fields: RecordFields) throws -> TouchRow? {
        let (accountID, contactID) = try context.resolver.accountAndContact(account, contact, fields)
        let repID = try fields.key(rep).flatMap { try context.resolver.rep($0, rep, fields) }
        let date = fields.date(self.date)
        let channel = fields.choice(channels, self.channel)
        let kind = fields.choice(kinds, self.kind)
        let note = fields.text(self.note)
        guard let accountID, let repID, let date, let channel, let kind else { return nil }
        return TouchRow(
            accountID: accountID, contactID: contactID, repID: repID, date: date.bound, channel: channel.bound,
            kind: kind.bound, note: note)
    }
}

struct SnoozeValidator: RowValidator {
    private let context: ValidationContext
    private let account, kind, until: Cell
    private let kinds = Choices(ReasonKind.self)
    private var seen: Set<SnoozeKey> = []

    init(context: ValidationContext) {
        self.context = context
        let header = context.header
        (account, kind, until) = (header.cell("account"), header.cell("kind"), header.cell("until"))
    }

    var updatedColumns: Set<String> { context.header.presentColumns }

    mutating func validate(_ fields: RecordFields) throws -> SnoozeRow? {
        let accountKey = fields.key(account)
        let accountID = try accountKey.flatMap { try context.resolver.account($0, account, fields) }
        let kind = fields.choice(kinds, self.kind)
        let until = fields.date(self.until)
        guard let accountKey, let accountID, let kind, let until else { return nil }
        guard seen.insert(SnoozeKey(accountID: accountID, kind: kind.value.rawValue)).inserted else {
            fields.fail(self.kind, "a \(kind.value.rawValue) snooze for \(accountKey.text) is already in this file")
            return nil
        }
        return SnoozeRow(accountID: accountID, kind: kind.bound, until: until.bound)
    }

    func isStored(_ row: SnoozeRow) -> Bool {
        context.keys.hasSnooze(SnoozeKey(accountID: row.accountID, kind: row.kind.string))
    }
}
