/// Payer behaviour in the audit (SPEC "Payer behaviour", docs/audit.md): the figures of
/// every audited account as of the period's end — the same objects as `rapport payers` —
/// and per rep the share of its accounts whose payment slipped, with the days beyond terms
/// per quarter of those accounts (the HTML chart). Pure.
public struct PayerAudit: Hashable, Sendable {
    /// Ranked as `rapport payers` ranks them.
    public var figures: [PayerFigures]
    /// One per rep asked for, in their order.
    public var reps: [PayerSlip]

    public init(figures: [PayerFigures] = [], reps: [PayerSlip] = []) {
        self.figures = figures
        self.reps = reps
    }

    /// An account slipped when, in any of its currencies, the average days beyond terms of
    /// the last 365 days is at least `minWorsening` more than the 365 before; the share is
    /// over the rep's accounts that have invoices due in both years (a trend at all).
    public static func compute(
        _ invoices: [PayerInvoice], owners: [String: String], reps: [String], asOf date: CivilDate, minWorsening: Int
    ) -> PayerAudit {
        let figures = PayerFigures.compute(invoices, owners: owners, asOf: date)
        var trended: [String: Set<String>] = [:], slipped: [String: Set<String>] = [:]
        for line in figures where line.trendDays != nil {
            trended[line.rep, default: []].insert(line.account)
            if line.slipped(by: minWorsening) { slipped[line.rep, default: []].insert(line.account) }
        }
        let slipping = slipped.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        var quarters: [String: [PayerQuarter]] = [:]
        let byRep = Dictionary(grouping: invoices.filter { slipping.contains($0.account) }) { owners[$0.account] ?? "" }
        for (rep, own) in byRep { quarters[rep] = PayerQuarter.series(own, asOf: date) }
        return PayerAudit(figures: figures, reps: reps.map { rep in
            PayerSlip(
                rep: rep, accounts: trended[rep]?.count ?? 0, slipped: slipped[rep]?.sorted() ?? [],
                quarters: quarters[rep] ?? [])
        })
    }

    public func slip(of rep: String) -> PayerSlip? { reps.first { $0.rep == rep } }
}

/// One rep's slipping payers.
public struct PayerSlip: Hashable, Sendable {
    public var rep: String
    /// The rep's accounts with invoices due in both years.
    public var accounts: Int
    /// Those whose payment slipped, by key.
    public var slipped: [String]
    /// Days beyond terms per quarter over the slipped accounts' invoices (empty when none slipped).
    public var quarters: [PayerQuarter]

    public init(rep: String, accounts: Int, slipped: [String], quarters: [PayerQuarter] = []) {
        self.rep = rep
        self.accounts = accounts
        self.slipped = slipped
        self.quarters = quarters
    }

    /// slipped / accounts; nil when no account has a trend.
    public var share: Double? { accounts == 0 ? nil : Double(slipped.count) / Double(accounts) }
}

/// The invoices due in one calendar quarter and their average days beyond terms at D.
public struct PayerQuarter: Hashable, Sendable {
    public var year: Int
    /// 1 … 4.
    public var quarter: Int
    public var invoices: Int
    public var daysBeyondTotal: Int

    public init(year: Int, quarter: Int, invoices: Int = 0, daysBeyondTotal: Int = 0) {
        self.year = year
        self.quarter = quarter
        self.invoices = invoices
        self.daysBeyondTotal = daysBeyondTotal
    }

    /// "2026 Q3".
    public var label: String { "\(year) Q\(quarter)" }
    /// Rounded to 0.1; nil for a quarter without invoices.
    public var average: Double? { PayerFigures.tenths(daysBeyondTotal, invoices) }

    /// Every quarter that overlaps the two years [D − 729, D], oldest first, with the
    /// invoices due in that window (issued by D) counted in the quarter of their due date.
    public static func series(_ invoices: [PayerInvoice], asOf date: CivilDate) -> [PayerQuarter] {
        let start = date.adding(days: -729)
        func index(_ day: CivilDate) -> Int { day.year * 4 + (day.month - 1) / 3 }
        let first = index(start)
        var series = (first...index(date)).map { PayerQuarter(year: $0 / 4, quarter: $0 % 4 + 1) }
        for invoice in invoices where invoice.issuedOn <= date && invoice.dueOn >= start && invoice.dueOn <= date {
            let slot = index(invoice.dueOn) - first
            series[slot].invoices += 1
            series[slot].daysBeyondTotal += invoice.daysBeyondTerms(asOf: date)
        }
        return series
    }
}

extension PayerInvoice {
    /// An audit ledger entry as a payer invoice on the ledger's date (its payments are
    /// those made by then, oldest first).
    public init(_ entry: InvoiceLedger.Entry) {
        var total: Int64 = 0
        var paidOff: CivilDate?
        for payment in entry.payments {
            total += payment.amount
            if paidOff == nil, total >= entry.invoice.amount.minor { paidOff = CivilDate(dayNumber: payment.day) }
        }
        self.init(
            account: entry.invoice.account, number: entry.invoice.number, currency: entry.invoice.amount.currency,
            issuedOn: entry.invoice.issuedOn, dueOn: entry.invoice.dueOn, amount: entry.invoice.amount.minor,
            paidOffOn: paidOff, paid: total)
    }
}
