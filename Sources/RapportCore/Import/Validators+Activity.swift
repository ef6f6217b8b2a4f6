/// Events, touches and snoozes: what happens around an account.

struct EventValidator: RowValidator {
    private let context: ValidationContext
    private let account, contact, kind, title, date, calendar, repeatRule, sensitive: Cell

    init(context: ValidationContext) {
        self.context = context
        let header = context.header
        (account, contact, kind, title) = (header.cell("account"), header.cell("contact"), header.cell("kind"),
                                           header.cell("title"))
        (date, calendar, repeatRule, sensitive) = (header.cell("date"), header.cell("calendar"), header.cell("repeat"),
                                                   header.cell("sensitive"))
    }

    func validate(_ fields: RecordFields) -> EventRow? {
        let accountID = fields.key(account).flatMap { context.resolver.account($0, account, fields) }
        let contactID = fields.key(contact).flatMap { context.resolver.contact($0, account: accountID, contact, fields) }
        let kind = fields.choice(EventKind.self, self.kind)
        let title = fields.text(self.title)
        let calendar = fields.choice(CalendarKind.self, self.calendar, default: .gregorian)
        var date: String?
        if let calendar, let text = fields.token(self.date) {
            switch calendar {
            case .gregorian:
                if CivilDate(text) != nil { date = text } else {
                    fields.fail(self.date, "'\(text)' is not a real date as YYYY-MM-DD")
                }
            case .chinese:
                if let lunar = RecurringDate(text, calendar: .chinese) { date = lunar.description } else {
                    fields.fail(self.date, "'\(text)' is not a lunar month-day as MM-DD, or LMM-DD for a leap month")
                }
            }
        }
        let repeatRule = fields.choice(Repeat.self, self.repeatRule)
        if calendar == .chinese, repeatRule == .once {
            fields.fail(self.repeatRule, "a chinese-calendar date has no year, so it repeats yearly")
        }
        let sensitive = fields.yesNo(self.sensitive)
        guard let accountID, let kind, let title, let calendar, let date else { return nil }
        return EventRow(
            accountID: accountID, contactID: contactID, kind: kind.rawValue, title: title, date: date,
            calendar: calendar.rawValue, repeatRule: repeatRule?.rawValue, sensitive: sensitive ?? false)
    }

    func write(_ row: EventRow, with writer: ImportWriter) throws -> ImportWriter.Outcome { try writer.write(row) }
}

struct TouchValidator: RowValidator {
    private let context: ValidationContext
    private let account, contact, rep, date, channel, kind, note: Cell

    init(context: ValidationContext) {
        self.context = context
        let header = context.header
        (account, contact, rep, date) = (header.cell("account"), header.cell("contact"), header.cell("rep"),
                                         header.cell("date"))
        (channel, kind, note) = (header.cell("channel"), header.cell("kind"), header.cell("note"))
    }

    func validate(_ fields: RecordFields) -> TouchRow? {
        let accountID = fields.key(account).flatMap { context.resolver.account($0, account, fields) }
        let contactID = fields.key(contact).flatMap { context.resolver.contact($0, account: accountID, contact, fields) }
        let repID = fields.key(rep).flatMap { context.resolver.rep($0, rep, fields) }
        let date = fields.date(self.date)
        let channel = fields.choice(Channel.self, self.channel)
        let kind = fields.choice(TouchKind.self, self.kind)
        let note = fields.text(self.note)
        guard let accountID, let repID, let date, let channel, let kind else { return nil }
        return TouchRow(
            accountID: accountID, contactID: contactID, repID: repID, date: date.text, channel: channel.rawValue,
            kind: kind.rawValue, note: note)
    }

    func write(_ row: TouchRow, with writer: ImportWriter) throws -> ImportWriter.Outcome { try writer.write(row) }
}

struct SnoozeValidator: RowValidator {
    private let context: ValidationContext
    private let account, kind, until: Cell
    private var seen = FileKeys<SnoozeKey>()

    init(context: ValidationContext) {
        self.context = context
        let header = context.header
        (account, kind, until) = (header.cell("account"), header.cell("kind"), header.cell("until"))
    }

    mutating func validate(_ fields: RecordFields) -> SnoozeRow? {
        let accountKey = fields.key(account)
        let accountID = accountKey.flatMap { context.resolver.account($0, account, fields) }
        let kind = fields.choice(ReasonKind.self, self.kind)
        let until = fields.date(self.until)
        guard let accountKey, let accountID, let kind, let until else { return nil }
        let key = SnoozeKey(accountID: accountID, kind: kind.rawValue)
        guard seen.claim(key, label: "a \(kind.rawValue) snooze for \(accountKey)", self.kind, fields) else { return nil }
        return SnoozeRow(accountID: accountID, kind: kind.rawValue, until: until.text)
    }

    func write(_ row: SnoozeRow, with writer: ImportWriter) throws -> ImportWriter.Outcome {
        try writer.write(row, exists: context.keys.snoozes.contains(SnoozeKey(accountID: row.accountID, kind: row.kind)))
    }
}
