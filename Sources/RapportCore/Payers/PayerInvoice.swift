/// One invoice as the payer figures see it on a date D (SPEC "Payer behaviour"): plain
/// values that any storage can fill — the SQLite loader computes `paidOffOn` and `paid`
/// in SQL, tests and the audit build them from payments with `init(…payments:asOf:)`.
public struct PayerInvoice: Hashable, Sendable {
    public var account: String
    public var number: String
    public var currency: String
    public var issuedOn: CivilDate
    public var dueOn: CivilDate
    /// In minor units.
    public var amount: Int64
    /// The day the payments dated on or before D first reached the amount; nil when they
    /// have not (the invoice is open at D).
    public var paidOffOn: CivilDate?
    /// The payments dated on or before D, in minor units.
    public var paid: Int64

    public init(
        account: String, number: String, currency: String, issuedOn: CivilDate, dueOn: CivilDate, amount: Int64,
        paidOffOn: CivilDate?, paid: Int64
    ) {
        self.account = account
        self.number = number
        self.currency = currency
        self.issuedOn = issuedOn
        self.dueOn = dueOn
        self.amount = amount
        self.paidOffOn = paidOffOn
        self.paid = paid
    }

    /// The invoice as of `date` from all its payments (any order; those after `date` do
    /// not exist yet).
    public init(_ invoice: Invoice, payments: [(on: CivilDate, amount: Int64)], asOf date: CivilDate) {
        let known = payments.filter { $0.on <= date }
        self.init(
            account: invoice.account, number: invoice.number, currency: invoice.amount.currency,
            issuedOn: invoice.issuedOn, dueOn: invoice.dueOn, amount: invoice.amount.minor,
            paidOffOn: Self.paidOffDate(amount: invoice.amount.minor, payments: known),
            paid: known.reduce(0) { $0 + $1.amount })
    }

    /// The first day on which the payments made up to and including it reach `amount`
    /// (payments of one day count together); nil when they never do.
    public static func paidOffDate(amount: Int64, payments: [(on: CivilDate, amount: Int64)]) -> CivilDate? {
        var total: Int64 = 0
        for payment in payments.sorted(by: { $0.on < $1.on }) {
            total += payment.amount
            if total >= amount { return payment.on }
        }
        return nil
    }

    /// Days beyond terms at `date`: paid-off date − due date, 0 when paid on or before it
    /// (never negative); an open invoice counts its days past due at `date`.
    public func daysBeyondTerms(asOf date: CivilDate) -> Int {
        max(0, dueOn.days(to: paidOffOn.map { min($0, date) } ?? date))
    }

    /// What is left to pay at D (0 once paid off, even if overpaid).
    public var open: Int64 { max(0, amount - paid) }
}

/// An invoice paid off on or before the agenda date, as the `payer` reason needs it.
public struct PaidInvoice: Hashable, Sendable {
    public var number: String
    public var dueOn: CivilDate
    public var paidOffOn: CivilDate

    public init(number: String, dueOn: CivilDate, paidOffOn: CivilDate) {
        self.number = number
        self.dueOn = dueOn
        self.paidOffOn = paidOffOn
    }

    /// Paid-off date − due date, 0 when paid on time.
    public var daysBeyondTerms: Int { max(0, dueOn.days(to: paidOffOn)) }

    /// The order "the last paid invoices" are counted in: by paid-off date, then due
    /// date, then number (so a day that paid off two invoices orders them the same way on
    /// every backend).
    public static func paidEarlier(_ a: PaidInvoice, _ b: PaidInvoice) -> Bool {
        if a.paidOffOn != b.paidOffOn { return a.paidOffOn < b.paidOffOn }
        if a.dueOn != b.dueOn { return a.dueOn < b.dueOn }
        return a.number < b.number
    }
}
