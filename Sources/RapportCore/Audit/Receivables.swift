/// Open balances by how long they have been past due at a date.
public struct AgingBuckets: Hashable, Sendable {
    /// Not yet past due (due_on ≥ the date).
    public var current: Int64 = 0
    public var d1_30: Int64 = 0
    public var d31_60: Int64 = 0
    public var d61_90: Int64 = 0
    public var d90Plus: Int64 = 0

    public init(current: Int64 = 0, d1_30: Int64 = 0, d31_60: Int64 = 0, d61_90: Int64 = 0, d90Plus: Int64 = 0) {
        self.current = current
        self.d1_30 = d1_30
        self.d31_60 = d31_60
        self.d61_90 = d61_90
        self.d90Plus = d90Plus
    }

    public var total: Int64 { current + d1_30 + d31_60 + d61_90 + d90Plus }

    /// Adds a balance that is `daysPastDue` days past due.
    public mutating func add(_ amount: Int64, daysPastDue: Int) throws(RapportError) {
        switch daysPastDue {
        case ...0: current = try ExactArithmetic.add(current, amount)
        case 1...30: d1_30 = try ExactArithmetic.add(d1_30, amount)
        case 31...60: d31_60 = try ExactArithmetic.add(d31_60, amount)
        case 61...90: d61_90 = try ExactArithmetic.add(d61_90, amount)
        default: d90Plus = try ExactArithmetic.add(d90Plus, amount)
        }
    }

    /// The buckets in order, with their JSON keys and display labels.
    public var labelled: [(key: String, label: String, amount: Int64)] {
        [("current", "current", current), ("d1_30", "1–30", d1_30), ("d31_60", "31–60", d31_60),
         ("d61_90", "61–90", d61_90), ("d90_plus", "90+", d90Plus)]
    }
}

/// Collection status in one currency over the period.
public struct CurrencyReceivables: Hashable, Sendable {
    public var currency: String
    /// Receivables at `from` − 1.
    public var opening: Int64
    /// Amounts of invoices issued in the period.
    public var creditSales: Int64
    /// Receivables at `to` (= the open balance).
    public var open: Int64
    /// The open balance at `to` by days past due.
    public var aging: AgingBuckets
    /// Days sales outstanding, rounded to 2 decimals; nil when there were no credit sales.
    public var dso: Double?
    /// Collection effectiveness index in percent, rounded to 2 decimals; nil when its
    /// denominator is 0.
    public var cei: Double?

    /// Per currency, from the ledger (as of `to`):
    /// receivables(t) = Σ amounts issued ≤ t − Σ payments ≤ t;
    /// DSO = receivables(to) ÷ credit sales × days;
    /// CEI = (opening + sales − closing) ÷ (opening + sales − closing current) × 100.
    public static func compute(ledger: InvoiceLedger, period: AuditPeriod) throws(RapportError) -> [CurrencyReceivables] {
        let from = period.from.dayNumber
        let to = period.to.dayNumber
        var slot: [String: Int] = [:]
        var lines: [CurrencyReceivables] = []
        for entry in ledger.entries where entry.issuedDay <= to {
            let currency = entry.invoice.amount.currency
            let index: Int
            if let known = slot[currency] {
                index = known
            } else {
                index = lines.count
                slot[currency] = index
                lines.append(CurrencyReceivables(
                    currency: currency, opening: 0, creditSales: 0, open: 0, aging: AgingBuckets(), dso: nil, cei: nil))
            }
            lines[index].opening = try ExactArithmetic.add(lines[index].opening, entry.balance(onDay: from - 1))
            if entry.issuedDay >= from {
                lines[index].creditSales = try ExactArithmetic.add(lines[index].creditSales, entry.invoice.amount.minor)
            }
            let closing = try entry.balance(onDay: to)
            lines[index].open = try ExactArithmetic.add(lines[index].open, closing)
            if closing != 0 { try lines[index].aging.add(closing, daysPastDue: to - entry.dueDay) }
        }
        var result: [CurrencyReceivables] = []
        for var line in lines {
            line.dso = ExactArithmetic.ratio(line.open, times: Int64(period.days), over: line.creditSales, decimals: 2)
            let collectable = try ExactArithmetic.add(line.opening, line.creditSales)
            line.cei = ExactArithmetic.ratio(
                try ExactArithmetic.subtract(collectable, line.open), times: 100,
                over: try ExactArithmetic.subtract(collectable, line.aging.current), decimals: 2)
            result.append(line)
        }
        return result.sorted { $0.currency < $1.currency }
    }
}
