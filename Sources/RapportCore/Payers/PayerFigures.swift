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

    /// The share of the last year's invoices paid on time (0 days beyond terms), in units
    /// of 0.0001 (rounded half up); nil without any.
    public var onTimeShareUnits: Int? { Self.rounded(onTime, invoices, scale: 10_000) }
    public var onTimeShare: Double? { onTimeShareUnits.map { Double($0) / 10_000 } }
    /// Average days beyond terms, the last 365 days and the 365 before, in tenths of a day.
    public var avgTenths: Int? { Self.rounded(daysBeyondTotal, invoices, scale: 10) }
    public var priorAvgTenths: Int? { Self.rounded(priorDaysBeyondTotal, priorInvoices, scale: 10) }
    /// How far payment has slipped: the average now minus a year ago (positive = later),
    /// in tenths; nil unless both years have invoices. Exactly (a/n − b/m) = (a·m − b·n) /
    /// (n·m), rounded once.
    public var trendTenths: Int? {
        guard invoices > 0, priorInvoices > 0 else { return nil }
        return Self.rounded(daysBeyondTotal * priorInvoices - priorDaysBeyondTotal * invoices, invoices * priorInvoices, scale: 10)
    }
    public var avgDaysBeyond: Double? { avgTenths.map { Double($0) / 10 } }
    public var priorAvgDaysBeyond: Double? { priorAvgTenths.map { Double($0) / 10 } }
    public var trendDays: Double? { trendTenths.map { Double($0) / 10 } }

    /// `total / count` in units of 1 / `scale`, rounded half away from zero, from integers
    /// (the same digits on every machine and backend); nil when `count` is 0.
    static func rounded(_ total: Int, _ count: Int, scale: Int) -> Int? {
        guard count > 0 else { return nil }
        let doubled = total * scale * 2 / count
        return (doubled + (doubled >= 0 ? 1 : -1)) / 2
    }

    /// `total / count` rounded to 0.1 (the agenda's averages).
    static func tenths(_ total: Int, _ count: Int) -> Double? { rounded(total, count, scale: 10).map { Double($0) / 10 } }

    /// The figures of every account and currency that has an invoice due in [D − 729, D],
    /// ranked (`ranked`). `invoices` may hold more than needed (later invoices, other
    /// accounts' rows are grouped apart); invoices issued after D are ignored.
    public static func compute(_ invoices: [PayerInvoice], owners: [String: String], asOf date: CivilDate) -> [PayerFigures] {
        let yearStart = date.adding(days: -364), priorStart = date.adding(days: -729)
        var slots: [PayerKey: Int] = Dictionary(minimumCapacity: invoices.count / 2)
        var figures: [PayerFigures] = []
        // The last year's days beyond terms of every line, flat: (slot, days) in input order
        // (no array per line: a book has a hundred thousand lines).
        var yearDays: [(slot: Int32, days: Int32)] = []
        yearDays.reserveCapacity(invoices.count)
        // Invoices mostly come grouped by account: the last line found is tried first.
        var last: (account: String, currency: String, slot: Int)?
        for invoice in invoices where invoice.issuedOn <= date {
            let inYear = invoice.dueOn >= yearStart && invoice.dueOn <= date
            let inPrior = invoice.dueOn >= priorStart && invoice.dueOn < yearStart
            let open = invoice.paidOffOn.map { $0 > date } ?? true
            guard inYear || inPrior || open else { continue }
            let slot: Int
            if let last, last.account == invoice.account, last.currency == invoice.currency {
                slot = last.slot
            } else {
                let key = PayerKey(account: invoice.account, currency: invoice.currency)
                if let known = slots[key] {
                    slot = known
                } else {
                    slot = figures.count
                    slots[key] = slot
                    figures.append(PayerFigures(account: invoice.account, rep: owners[invoice.account] ?? "", currency: invoice.currency))
                }
                last = (invoice.account, invoice.currency, slot)
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
                yearDays.append((Int32(slot), Int32(beyond)))
            } else if inPrior {
                figures[slot].priorInvoices += 1
                figures[slot].priorDaysBeyondTotal += beyond
            }
        }
        // Each line's days in one slice of a buffer (counting sort by line), for its p90.
        var starts = [Int](repeating: 0, count: figures.count + 1)
        for entry in yearDays { starts[Int(entry.slot) + 1] += 1 }
        for index in starts.indices.dropFirst() { starts[index] += starts[index - 1] }
        var flat = [Int](repeating: 0, count: yearDays.count)
        var cursor = starts
        for entry in yearDays {
            flat[cursor[Int(entry.slot)]] = Int(entry.days)
            cursor[Int(entry.slot)] += 1
        }
        var kept: [PayerFigures] = []
        kept.reserveCapacity(figures.count)
        for slot in figures.indices where figures[slot].invoices + figures[slot].priorInvoices > 0 {
            figures[slot].p90DaysBeyond = percentile90(flat[starts[slot]..<starts[slot + 1]])
            kept.append(figures[slot])
        }
        return ranked(kept)
    }

    /// The 90th percentile by nearest rank: the smallest value that at least 90 % of the
    /// values do not exceed (sorted ascending, the ⌈0.9 n⌉-th). Always one of the values,
    /// an integer number of days; nil for none.
    public static func percentile90(_ values: some Collection<Int>) -> Int? {
        guard !values.isEmpty else { return nil }
        if values.count == 1 { return values.first }
        let sorted = values.sorted()
        return sorted[(9 * sorted.count + 9) / 10 - 1]
    }

    /// Most slipped first (trend, highest first; no trend last), then the largest amount
    /// open (minor units, compared as they are: currencies are never converted), then by
    /// account key and currency.
    public static func ranked(_ figures: [PayerFigures]) -> [PayerFigures] {
        figures.sorted { a, b in
            switch (a.trendTenths, b.trendTenths) {
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
    public func slipped(by days: Int) -> Bool { trendTenths.map { $0 >= days * 10 } ?? false }
}

private struct PayerKey: Hashable {
    var account: String
    var currency: String
}
