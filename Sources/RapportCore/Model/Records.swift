/// Plain values for the rows of the database, as the rules see them: keys, not row ids,
/// so the agenda and audit never depend on how a backend numbers its rows.

public struct Rep: Hashable, Sendable {
    public var handle: String
    public var name: String
    public var email: String?
    public var phone: String?
    public var manager: String?

    public init(handle: String, name: String, email: String? = nil, phone: String? = nil, manager: String? = nil) {
        self.handle = handle
        self.name = name
        self.email = email
        self.phone = phone
        self.manager = manager
    }
}

public struct Account: Hashable, Sendable {
    public var key: String
    public var name: String
    public var tier: String
    public var owner: String
    public var country: String
    public var region: String?
    public var locale: String?
    public var createdOn: CivilDate
    public var status: AccountStatus
    /// Overrides the tier's check-in cadence when set.
    public var cadenceDays: Int?

    public init(
        key: String, name: String, tier: String, owner: String, country: String,
        region: String? = nil, locale: String? = nil, createdOn: CivilDate,
        status: AccountStatus = .active, cadenceDays: Int? = nil
    ) {
        self.key = key
        self.name = name
        self.tier = tier
        self.owner = owner
        self.country = country
        self.region = region
        self.locale = locale
        self.createdOn = createdOn
        self.status = status
        self.cadenceDays = cadenceDays
    }
}

public struct Contact: Hashable, Sendable {
    public var key: String
    public var account: String
    public var name: String
    public var salutation: String?
    public var title: String?
    public var role: ContactRole?
    public var status: ContactStatus
    public var phone: String?
    public var email: String?
    public var chat: String?
    public var channel: Channel?
    public var locale: String?
    public var birthday: RecurringDate?

    public init(
        key: String, account: String, name: String, salutation: String? = nil, title: String? = nil,
        role: ContactRole? = nil, status: ContactStatus = .current, phone: String? = nil,
        email: String? = nil, chat: String? = nil, channel: Channel? = nil, locale: String? = nil,
        birthday: RecurringDate? = nil
    ) {
        self.key = key
        self.account = account
        self.name = name
        self.salutation = salutation
        self.title = title
        self.role = role
        self.status = status
        self.phone = phone
        self.email = email
        self.chat = chat
        self.channel = channel
        self.locale = locale
        self.birthday = birthday
    }

    /// Former contacts keep relationship value when they decided or influenced.
    public var keepsInfluence: Bool {
        status == .current || role == .influencer || role == .decisionMaker
    }
}

/// When an event happens: a Gregorian date, or (lunar events, always yearly) a lunar month-day.
public enum EventDate: Hashable, Sendable, CustomStringConvertible {
    case gregorian(CivilDate)
    case lunar(RecurringDate)

    public var description: String {
        switch self {
        case .gregorian(let date): return date.description
        case .lunar(let monthDay): return monthDay.description
        }
    }
}

public struct Event: Hashable, Sendable {
    public var account: String
    public var contact: String?
    public var kind: EventKind
    public var title: String
    public var date: EventDate
    /// As stored; nil = the spec's default (yearly for lunar dates, birthdays and anniversaries).
    public var repeatRule: Repeat?
    public var sensitive: Bool

    public init(
        account: String, contact: String? = nil, kind: EventKind, title: String, date: EventDate,
        repeatRule: Repeat? = nil, sensitive: Bool = false
    ) {
        self.account = account
        self.contact = contact
        self.kind = kind
        self.title = title
        self.date = date
        self.repeatRule = repeatRule
        self.sensitive = sensitive
    }

    /// The repeat rule in force once the spec's defaults are applied.
    public var effectiveRepeat: Repeat {
        if let repeatRule { return repeatRule }
        if case .lunar = date { return .yearly }
        return kind == .birthday || kind == .anniversary ? .yearly : .once
    }
}

public struct Touch: Hashable, Sendable {
    public var account: String
    public var contact: String?
    public var rep: String
    public var date: CivilDate
    public var channel: Channel
    public var kind: TouchKind
    public var note: String?

    public init(
        account: String, contact: String? = nil, rep: String, date: CivilDate, channel: Channel,
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

public struct Invoice: Hashable, Sendable {
    public var number: String
    public var account: String
    public var issuedOn: CivilDate
    public var dueOn: CivilDate
    public var amount: Money

    public init(number: String, account: String, issuedOn: CivilDate, dueOn: CivilDate, amount: Money) {
        self.number = number
        self.account = account
        self.issuedOn = issuedOn
        self.dueOn = dueOn
        self.amount = amount
    }
}

public struct Payment: Hashable, Sendable {
    public var invoice: String
    public var paidOn: CivilDate
    /// Minor units, in the invoice's currency.
    public var amount: Int64

    public init(invoice: String, paidOn: CivilDate, amount: Int64) {
        self.invoice = invoice
        self.paidOn = paidOn
        self.amount = amount
    }
}

public struct Promise: Hashable, Sendable {
    public var account: String
    public var invoice: String?
    public var promisedOn: CivilDate
    public var amount: Money

    public init(account: String, invoice: String? = nil, promisedOn: CivilDate, amount: Money) {
        self.account = account
        self.invoice = invoice
        self.promisedOn = promisedOn
        self.amount = amount
    }
}

public struct Snooze: Hashable, Sendable {
    public var account: String
    public var kind: ReasonKind
    public var until: CivilDate

    public init(account: String, kind: ReasonKind, until: CivilDate) {
        self.account = account
        self.kind = kind
        self.until = until
    }
}
