/// What the agenda says about one account on one date: the output of the rules, the input
/// of the table, JSON, CSV, ICS and draft renderers.
public struct AgendaItem: Hashable, Sendable {
    public var date: CivilDate
    public var account: String
    public var accountName: String
    public var rep: String
    /// 1 = first, after ranking.
    public var priority: Int
    public var score: Score
    public var reasons: [Reason]
    /// Days since the last touch on or before `date`; nil when never touched.
    public var daysSinceTouch: Int?
    public var tier: String
    /// Whom to reach for the item as a whole: the current decision-maker, else the first
    /// current contact; nil when the account has none.
    public var contact: Contact? {
        get { reach?.contact }
        set { reach = newValue.map(ContactBox.init) }
    }
    /// Held by reference: ranking and merging move each item several times, and an inline
    /// contact (a dozen fields) would double what is moved.
    var reach: ContactBox?

    public init(
        date: CivilDate, account: String, accountName: String, rep: String, priority: Int = 0,
        score: Score = Score(), reasons: [Reason], daysSinceTouch: Int?, tier: String = "",
        contact: Contact? = nil
    ) {
        self.date = date
        self.account = account
        self.accountName = accountName
        self.rep = rep
        self.priority = priority
        self.score = score
        self.reasons = reasons
        self.daysSinceTouch = daysSinceTouch
        self.tier = tier
        self.reach = contact.map(ContactBox.init)
    }

    /// The parts of the ranking score, shown by `--explain`. Items rank by the parts in
    /// this order (care, then due today, then money, then check-in): `total` packs them
    /// into bands so one number orders the same way (see docs/agenda.md).
    public struct Score: Hashable, Sendable {
        /// Care reasons on the item.
        public var care: Int = 0
        /// Holiday, gift and event reasons whose window closes today.
        public var dueToday: Int = 0
        /// Collection level weight (reminder 1 … notice 5; broken promise 4) × 100 000
        /// + days overdue, currency-neutral.
        public var money: Int = 0
        /// payer: the worsening of the average days beyond terms (whole days, ≥ the
        /// configured minimum) of the slipping payer reason.
        public var payer: Int = 0
        /// (Days past the check-in due date + 1) × tier weight.
        public var checkin: Int = 0
        /// Band limits: care below 9 (more would overflow 64 bits), dueToday and payer
        /// below 1 000, money and checkin below 1 000 000.
        public var total: Int {
            min(care, 8) * 1_000_000_000_000_000_000 + min(dueToday, 999) * 1_000_000_000_000_000
                + min(money, 999_999) * 1_000_000_000 + min(payer, 999) * 1_000_000 + min(checkin, 999_999)
        }
        public init(care: Int = 0, dueToday: Int = 0, money: Int = 0, payer: Int = 0, checkin: Int = 0) {
            self.care = care
            self.dueToday = dueToday
            self.money = money
            self.payer = payer
            self.checkin = checkin
        }
    }
}

/// One reason an account is on the agenda: one per source (occasion, birthday, event,
/// promise; one collection per account).
///
/// Kept small (~90 bytes): the fields only events, care, collection and promise reasons
/// carry live in one shared, immutable box, so the tens of thousands of check-in and
/// holiday reasons of a busy day are moved, copied and freed without them.
public struct Reason: Hashable, Sendable {
    public var kind: ReasonKind
    /// Last day of the window (holiday, gift, event, care) or the day it fell due (others).
    public var dueOn: CivilDate
    /// holiday / gift: the occasion's date; event / care: the occurrence date.
    public var occasionDate: CivilDate?
    /// collection: the highest remaining level.
    public var level: CollectionLevel?
    /// checkin: the cadence in force (days).
    public var cadenceDays: Int?
    /// holiday / gift: the occasion key.
    public var occasion: String?
    /// holiday / gift: the occasion's name in the account's locale (else the default locale).
    public var occasionName: String?
    /// title, contact, contactName, invoices and promise; nil when all are empty.
    private var detail: Detail?

    /// event / care: the event title (or "birthday").
    public var title: String? {
        get { detail?.title }
        set { change { $0.title = newValue } }
    }
    /// event (birthday) / care: the contact concerned, if any.
    public var contact: String? {
        get { detail?.contact }
        set { change { $0.contact = newValue } }
    }
    /// event / care: the name of the contact concerned.
    public var contactName: String? {
        get { detail?.contactName }
        set { change { $0.contactName = newValue } }
    }
    /// collection / promise: the invoices concerned, with balances as of the agenda date.
    public var invoices: [OpenInvoice] {
        get { detail?.invoices ?? [] }
        set { change { $0.invoices = newValue } }
    }
    /// promise: the broken promise.
    public var promise: Promise? {
        get { detail?.promise }
        set { change { $0.promise = newValue } }
    }
    /// payer: the six paid invoices and how their days beyond terms moved.
    public var payer: PayerTrend? {
        get { detail?.fields.payer }
        set { change { $0.payer = newValue } }
    }

    public init(
        kind: ReasonKind, dueOn: CivilDate, occasion: String? = nil, occasionDate: CivilDate? = nil,
        level: CollectionLevel? = nil, title: String? = nil, contact: String? = nil,
        invoices: [OpenInvoice] = [], promise: Promise? = nil, cadenceDays: Int? = nil
    ) {
        self.cadenceDays = cadenceDays
        self.kind = kind
        self.dueOn = dueOn
        self.occasion = occasion
        self.occasionDate = occasionDate
        self.level = level
        self.detail = Detail.boxed(Detail.Fields(title: title, contact: contact, invoices: invoices, promise: promise))
    }

    /// A new box with one field changed (the box is shared between copies, never mutated).
    private mutating func change(_ body: (inout Detail.Fields) -> Void) {
        var fields = detail?.fields ?? Detail.Fields()
        body(&fields)
        detail = Detail.boxed(fields)
    }

    private final class Detail: Hashable, Sendable {
        struct Fields: Hashable {
            var title: String?
            var contact: String?
            var contactName: String?
            var invoices: [OpenInvoice] = []
            var promise: Promise?
            var payer: PayerTrend?
        }
        let fields: Fields
        var title: String? { fields.title }
        var contact: String? { fields.contact }
        var contactName: String? { fields.contactName }
        var invoices: [OpenInvoice] { fields.invoices }
        var promise: Promise? { fields.promise }

        private init(_ fields: Fields) { self.fields = fields }
        /// Nil when every field is empty (no allocation for most reasons; equal reasons
        /// compare and hash equal).
        static func boxed(_ fields: Fields) -> Detail? {
            fields.title == nil && fields.contact == nil && fields.contactName == nil && fields.invoices.isEmpty
                && fields.promise == nil && fields.payer == nil ? nil : Detail(fields)
        }
        static func == (a: Detail, b: Detail) -> Bool { a === b || a.fields == b.fields }
        func hash(into hasher: inout Hasher) { hasher.combine(fields) }
    }
}

/// An invoice with its balance as of a date.
public struct OpenInvoice: Hashable, Sendable {
    public var invoice: Invoice
    /// amount − payments made on or before the date, in minor units.
    public var balance: Int64
    /// Days past due_on at the date (negative before it falls due).
    public var daysOverdue: Int

    public init(invoice: Invoice, balance: Int64, daysOverdue: Int) {
        self.invoice = invoice
        self.balance = balance
        self.daysOverdue = daysOverdue
    }
}
