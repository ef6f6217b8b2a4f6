/// How one account pays us in one currency on a date D (SPEC "Payer behaviour"): over the
/// invoices due in the last 365 days to D ([D − 364, D]) and the 365 before
/// ([D − 729, D − 365]), each counted with its days beyond terms at D. A pure function of
/// `PayerInvoice` values (docs/payers.md gives the definitions).
public struct PayerFigures: Hashable, Sendable {
    public var account: String
    public var rep: String
    public var currency: String
    /// The last 365 days: the invoices due in them, those with 0 days beyond terms, the
    /// sum of the days beyond terms and the 90th percentile (nearest rank).
    public var invoices: Int
    public var onTime: Int
    public var daysBeyondTotal: Int
    public var p90DaysBeyond: Int?
    /// The 365 days before.
    public var priorInvoices: Int
    public var priorDaysBeyondTotal: Int
    /// What is still to pay at D on every invoice of the account in this currency issued
    /// by D (due or not), and on how many invoices.
    public var openAmount: Int64
    public var openInvoices: Int

    public init(
        account: String, rep: String, currency: String, invoices: Int = 0, onTime: Int = 0, daysBeyondTotal: Int = 0,
        p90DaysBeyond: Int? = nil, priorInvoices: Int = 0, priorDaysBeyondTotal: Int = 0, openAmount: Int64 = 0,
        openInvoices: Int = 0
    ) {
        self.account = account
        self.rep = rep
        self.currency = currency
        self.invoices = invoices
        self.onTime = onTime
        self.daysBeyondTotal = daysBeyondTotal
        self.p90DaysBeyond = p90DaysBeyond
        self.priorInvoices = priorInvoices
        self.priorDaysBeyondTotal = priorDaysBeyondTotal
        self.openAmount = openAmount
        self.openInvoices = openInvoices
    }

    /// The share of the last year's invoices paid on time (0 days beyond terms); nil without any.
    public var onTimeShare: Double? { invoices == 0 ? nil : Double(onTime) / Double(invoices) }
    /// Average days beyond terms, the last 365 days and the 365 before, rounded to 0.1.
    public var avgDaysBeyond: Double? { Self.tenths(daysBeyondTotal, invoices) }
    public var priorAvgDaysBeyond: Double? { Self.tenths(priorDaysBeyondTotal, priorInvoices) }
    /// How far payment has slipped: the average now minus a year ago (positive = later),
    /// rounded to 0.1; nil unless both years have invoices.
    public var trendDays: Double? {
        guard invoices > 0, priorInvoices > 0 else { return nil }
        // Exactly (a/n − b/m) = (a·m − b·n) / (n·m), rounded once.
        return Self.tenths(daysBeyondTotal * priorInvoices - priorDaysBeyondTotal * invoices, invoices * priorInvoices)
    }

    /// `total / count` rounded half away from zero to one decimal, from integers (the same
    /// digits on every machine and backend).
    static func tenths(_ total: Int, _ count: Int) -> Double? {
        guard count > 0 else { return nil }
        let scaled = total * 20 / count
        let rounded = (scaled + (scaled >= 0 ? 1 : -1)) / 2
        return Double(rounded) / 10
    }

    /// The figures of every account and currency that has an invoice due in [D − 729, D],
    /// ranked (`ranked`). `invoices` may hold more than needed (later invoices, other
    /// accounts' rows are grouped apart); invoices issued after D are ignored.
    public static func compute(_ invoices: [PayerInvoice], owners: [String: String], asOf date: CivilDate) -> [PayerFigures] {
        let yearStart = date.adding(days: -364), priorStart = date.adding(days: -729)
        var slots: [PayerKey: Int] = [:]
        var figures: [PayerFigures] = []
        var days: [[Int]] = []
        for invoice in invoices where invoice.issuedOn <= date {
            let inYear = invoice.dueOn >= yearStart && invoice.dueOn <= date
            let inPrior = invoice.dueOn >= priorStart && invoice.dueOn < yearStart
            let open = invoice.paidOffOn.map { $0 > date } ?? true
            guard inYear || inPrior || open else { continue }
            let key = PayerKey(account: invoice.account, currency: invoice.currency)
            let slot: Int
            if let known = slots[key] {
                slot = known
            } else {
                slot = figures.count
                slots[key] = slot
                figures.append(PayerFigures(account: invoice.account, rep: owners[invoice.account] ?? "", currency: invoice.currency))
                days.append([])
            }
            if open, invoice.open > 0 {
                figures[slot].openAmount += invoice.open
                figures[slot].openInvoices += 1
            }
            let beyond = invoice.daysBeyondTerms(asOf: date)
            if inYear {
                figures[slot].invoices += 1
                figures[slot].daysBeyondTotal += beyond
                if beyond == 0 { figures[slot].onTime += 1 }
                days[slot].append(beyond)
            } else if inPrior {
                figures[slot].priorInvoices += 1
                figures[slot].priorDaysBeyondTotal += beyond
            }
        }
        var kept: [PayerFigures] = []
        for slot in figures.indices where figures[slot].invoices + figures[slot].priorInvoices > 0 {
            figures[slot].p90DaysBeyond = percentile90(days[slot])
            kept.append(figures[slot])
        }
        return ranked(kept)
    }

    /// The 90th percentile by nearest rank: the smallest value that at least 90 % of the
    /// values do not exceed (sorted ascending, the ⌈0.9 n⌉-th). Always one of the values,
    /// an integer number of days; nil for none.
    public static func percentile90(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[(9 * sorted.count + 9) / 10 - 1]
    }

    /// Most slipped first (trend, highest first; no trend last), then the largest amount
    /// open (minor units, compared as they are: currencies are never converted), then by
    /// account key and currency.
    public static func ranked(_ figures: [PayerFigures]) -> [PayerFigures] {
        figures.sorted { a, b in
            switch (a.trendDays, b.trendDays) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            if a.openAmount != b.openAmount { return a.openAmount > b.openAmount }
            return (a.account, a.currency) < (b.account, b.currency)
        }
    }

    /// Whether payment has slipped by at least `days` on average (the audit's count and
    /// the agenda's threshold use the same `payer.min_worsening_days`).
    public func slipped(by days: Int) -> Bool { (trendDays ?? -Double.infinity) >= Double(days) }
}

private struct PayerKey: Hashable {
    var account: String
    var currency: String
}
