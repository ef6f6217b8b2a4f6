/// Everything the agenda rules need to know about one account as of a date D: plain
/// values, so the rules are a pure function. Build it from whole histories with
/// `init(account:contacts:events:touches:invoices:payments:promises:snoozes:asOf:)`; the
/// storage loader builds the same summaries in SQL.
public struct AgendaInput: Sendable, Hashable {
    public var account: Account
    /// The account's contacts in their recorded order (the loader may pass only those
    /// whose birthday is near D: the contact to reach is then filled in separately).
    public var contacts: [Contact]
    public var events: [Event]
    public var touches: TouchSummary
    /// Invoices issued on or before D with their balance as of D; settled ones may be left out.
    public var invoices: [InvoiceBalance]
    public var promises: [Promise]
    public var snoozes: [Snooze]
    /// Invoices paid off on or before D, at least the last 6 (the `payer` reason); empty
    /// when the account's tier gets no payer reason. Order free.
    public var paidOff: [PaidInvoice]

    public init(
        account: Account, contacts: [Contact] = [], events: [Event] = [], touches: TouchSummary = TouchSummary(),
        invoices: [InvoiceBalance] = [], promises: [Promise] = [], snoozes: [Snooze] = [], paidOff: [PaidInvoice] = []
    ) {
        self.account = account
        self.contacts = contacts
        self.events = events
        self.touches = touches
        self.invoices = invoices
        self.promises = promises
        self.snoozes = snoozes
        self.paidOff = paidOff
    }

    /// Builds the input from the account's whole history, applying the as-of rule: touches
    /// and payments after `date` and invoices issued after it are left out.
    public init(
        account: Account, contacts: [Contact] = [], events: [Event] = [], touches: [Touch] = [],
        invoices: [Invoice] = [], payments: [Payment] = [], promises: [Promise] = [], snoozes: [Snooze] = [],
        asOf date: CivilDate
    ) {
        var paid: [String: Int64] = [:]
        var dated: [String: [(on: CivilDate, amount: Int64)]] = [:]
        for payment in payments where payment.paidOn <= date {
            paid[payment.invoice, default: 0] += payment.amount
            dated[payment.invoice, default: []].append((payment.paidOn, payment.amount))
        }
        let issued = invoices.filter { $0.issuedOn <= date }
        var summary = TouchSummary(touches: touches, asOf: date)
        summary.lastPayerContact = TouchSummary.lastPayerContact(touches, contacts: contacts, asOf: date)
        self.init(
            account: account, contacts: contacts, events: events, touches: summary,
            invoices: issued.map { InvoiceBalance(invoice: $0, paid: paid[$0.number] ?? 0) },
            promises: promises, snoozes: snoozes,
            paidOff: issued.compactMap { invoice in
                PayerInvoice.paidOffDate(amount: invoice.amount.minor, payments: dated[invoice.number] ?? [])
                    .map { PaidInvoice(number: invoice.number, dueOn: invoice.dueOn, paidOffOn: $0) }
            })
    }
}

/// What the rules need of an account's touches as of D: the last touch of any kind (it
/// moves the check-in), the last `collection` touch (collection and promise windows reach
/// back without limit), and the recent touches (date and kind) for the short windows of
/// holidays, gifts, events and care.
public struct TouchSummary: Sendable, Hashable {
    public var last: CivilDate?
    public var lastCollection: CivilDate?
    /// The last `visit` or `checkin` touch with one of the account's decision-maker or
    /// finance contacts (what closes a `payer` reason).
    public var lastPayerContact: CivilDate?
    /// Touches on or before D, at least those within the widest short window; order free.
    public var recent: [Stamp]

    public struct Stamp: Sendable, Hashable {
        public var date: CivilDate
        public var kind: TouchKind
        public init(date: CivilDate, kind: TouchKind) {
            self.date = date
            self.kind = kind
        }
    }

    public init(last: CivilDate? = nil, lastCollection: CivilDate? = nil, recent: [Stamp] = [], lastPayerContact: CivilDate? = nil) {
        self.last = last
        self.lastCollection = lastCollection
        self.recent = recent
        self.lastPayerContact = lastPayerContact
    }

    /// The touch kinds and contact roles that close a `payer` reason: a visit or a
    /// check-in, with the decision-maker or the finance contact (current or former: the
    /// touch counted when it was made; a contact's status carries no date).
    public static let payerTouchKinds: Set<TouchKind> = [.visit, .checkin]
    public static let payerContactRoles: Set<ContactRole> = [.decisionMaker, .finance]

    /// The last touch of a whole history, on or before `date`, that closes a payer reason.
    public static func lastPayerContact(_ touches: [Touch], contacts: [Contact], asOf date: CivilDate) -> CivilDate? {
        let people = Set(contacts.filter { $0.role.map(payerContactRoles.contains) ?? false }.map(\.key))
        return touches.filter { touch in
            touch.date <= date && payerTouchKinds.contains(touch.kind) && touch.contact.map(people.contains) ?? false
        }.map(\.date).max()
    }

    /// The summary of a whole touch history as of `date` (touches after it do not exist yet).
    public init(touches: [Touch], asOf date: CivilDate) {
        var summary = TouchSummary()
        for touch in touches where touch.date <= date {
            summary.last = max(summary.last ?? touch.date, touch.date)
            if touch.kind == .collection { summary.lastCollection = max(summary.lastCollection ?? touch.date, touch.date) }
            summary.recent.append(Stamp(date: touch.date, kind: touch.kind))
        }
        self = summary
    }

    /// Whether a touch of one of `kinds` is dated in [from, through].
    func has(_ kinds: Set<TouchKind>, from: CivilDate, through: CivilDate) -> Bool {
        recent.contains { kinds.contains($0.kind) && $0.date >= from && $0.date <= through }
    }

    /// Whether a `collection` touch is dated in [from, D] (D: the date this summary is as of).
    func hasCollection(since from: CivilDate) -> Bool {
        if let lastCollection { return lastCollection >= from }
        return recent.contains { $0.kind == .collection && $0.date >= from }
    }
}

/// An invoice with the payments made on or before D.
public struct InvoiceBalance: Sendable, Hashable {
    public var invoice: Invoice
    /// Sum of the payments dated on or before D, in minor units.
    public var paid: Int64

    public init(invoice: Invoice, paid: Int64) {
        self.invoice = invoice
        self.paid = paid
    }

    public var balance: Int64 { invoice.amount.minor - paid }
    public var isOpen: Bool { balance > 0 }
}
