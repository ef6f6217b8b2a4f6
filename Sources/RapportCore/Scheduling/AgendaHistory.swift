/// One account's data over a range of days [from, through], from which the input of
/// each day is derived without going back to the database (`rapport agenda` over a week
/// loads once). The storage loader fills it; `input(asOf:)` is pure.
public struct AgendaHistory: Sendable, Hashable {
    public var account: Account
    /// The contacts the rules may need (birthdays near the range, people named by events).
    public var contacts: [Contact]
    public var events: [Event]
    /// The last touch dated before `from`, of any kind and of kind `collection`.
    public var lastTouchBefore: CivilDate?
    public var lastCollectionBefore: CivilDate?
    /// Touches in [from − the widest short window, through]; at least those of the kinds
    /// that close short windows, and every touch from `from` on.
    public var touches: [TouchSummary.Stamp]
    public var invoices: [InvoiceHistory]
    public var promises: [Promise]
    public var snoozes: [Snooze]
    /// The `payer` reason's sources; nil when the account cannot have one (its tier, or
    /// fewer than 6 invoices paid off by the last day).
    public var payer: PayerHistory?
    /// The contact to reach about the account: the current decision-maker, else the first
    /// current contact (`AgendaRules.contactToReach`). `agendaDays` leaves it nil and reads
    /// the contacts of the accounts that have an item only.
    public var contactToReach: Contact? {
        get { reach?.contact }
        set { reach = newValue.map(ContactBox.init) }
    }
    /// Held by reference: a history is moved several times while loading, and an inline
    /// contact (a dozen fields) would be moved with it even when absent.
    var reach: ContactBox?

    public init(
        account: Account, contacts: [Contact] = [], events: [Event] = [], lastTouchBefore: CivilDate? = nil,
        lastCollectionBefore: CivilDate? = nil, touches: [TouchSummary.Stamp] = [], invoices: [InvoiceHistory] = [],
        promises: [Promise] = [], snoozes: [Snooze] = [], contactToReach: Contact? = nil, payer: PayerHistory? = nil
    ) {
        self.payer = payer
        self.account = account
        self.contacts = contacts
        self.events = events
        self.lastTouchBefore = lastTouchBefore
        self.lastCollectionBefore = lastCollectionBefore
        self.touches = touches
        self.invoices = invoices
        self.promises = promises
        self.snoozes = snoozes
        self.reach = contactToReach.map(ContactBox.init)
    }

    /// The rules' input for one day of the range (the as-of rule applied).
    public func input(asOf date: CivilDate) -> AgendaInput {
        var summary = TouchSummary(last: lastTouchBefore, lastCollection: lastCollectionBefore)
        var allBefore = true
        for stamp in touches {
            guard stamp.date <= date else { allBefore = false; continue }
            summary.last = max(summary.last ?? stamp.date, stamp.date)
            if stamp.kind == .collection { summary.lastCollection = max(summary.lastCollection ?? stamp.date, stamp.date) }
        }
        // One day's input shares the array; a later day of a range filters it.
        summary.recent = allBefore ? touches : touches.filter { $0.date <= date }
        var balances: [InvoiceBalance] = []
        if !invoices.isEmpty {
            balances.reserveCapacity(invoices.count)
            for history in invoices where history.invoice.issuedOn <= date {
                var paid = history.paidBefore
                for payment in history.payments where payment.paidOn <= date { paid += payment.amount }
                balances.append(InvoiceBalance(invoice: history.invoice, paid: paid))
            }
        }
        var paidOff: [PaidInvoice] = []
        if let payer {
            (paidOff, summary.lastPayerContact) = payer.asOf(date)
        }
        return AgendaInput(
            account: account, contacts: contacts, events: events, touches: summary, invoices: balances,
            promises: promises, snoozes: snoozes, paidOff: paidOff)
    }
}

/// An invoice with the payments made before the range and those within it.
public struct InvoiceHistory: Sendable, Hashable {
    public var invoice: Invoice
    public var paidBefore: Int64
    public var payments: [Payment]

    public init(invoice: Invoice, paidBefore: Int64, payments: [Payment] = []) {
        self.invoice = invoice
        self.paidBefore = paidBefore
        self.payments = payments
    }
}

/// A contact held by reference (compared by value).
final class ContactBox: Hashable, Sendable {
    let contact: Contact
    init(_ contact: Contact) { self.contact = contact }
    static func == (a: ContactBox, b: ContactBox) -> Bool { a.contact == b.contact }
    func hash(into hasher: inout Hasher) { hasher.combine(contact) }
}
