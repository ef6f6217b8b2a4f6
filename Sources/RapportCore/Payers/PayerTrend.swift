/// The `payer` reason's test (SPEC "Payer behaviour"): over an account's last 6 invoices
/// paid off on or before D, is the average days beyond terms of the last 3 at least
/// `minWorsening` days worse than that of the 3 before? Pure; per account, whatever the
/// currencies (days beyond terms do not depend on them).
public struct PayerTrend: Hashable, Sendable {
    /// The six invoices, earliest paid off first (`PaidInvoice.paidEarlier`).
    public var invoices: [PaidInvoice]

    public init(invoices: [PaidInvoice]) { self.invoices = invoices }

    /// Sum of the days beyond terms of the 3 earlier and of the 3 later invoices.
    public var priorDays: Int { invoices.prefix(3).reduce(0) { $0 + $1.daysBeyondTerms } }
    public var recentDays: Int { invoices.suffix(3).reduce(0) { $0 + $1.daysBeyondTerms } }
    /// The averages (sum / 3) and their difference, rounded to 0.1 for output.
    public var priorAverage: Double { PayerFigures.tenths(priorDays, 3) ?? 0 }
    public var recentAverage: Double { PayerFigures.tenths(recentDays, 3) ?? 0 }
    public var worsening: Double { PayerFigures.tenths(recentDays - priorDays, 3) ?? 0 }
    /// The averages in whole days, rounded half up (sum / 3): the words and the drafts.
    public var priorWholeDays: Int { (2 * priorDays + 3) / 6 }
    public var recentWholeDays: Int { (2 * recentDays + 3) / 6 }
    /// The day the last of the six was paid off: the reason's `due_on`.
    public var dueOn: CivilDate { invoices.last?.paidOffOn ?? CivilDate(dayNumber: 0) }

    /// The trend when it has worsened by at least `minWorsening` days on average; nil with
    /// fewer than 6 paid invoices or a smaller change. `paid` may hold invoices paid off
    /// after `date` (they are left out) and in any order.
    public static func worsened(_ paid: [PaidInvoice], asOf date: CivilDate, minWorsening: Int) -> PayerTrend? {
        guard paid.count >= 6 else { return nil }
        var known = paid.filter { $0.paidOffOn <= date }
        guard known.count >= 6 else { return nil }
        known.sort(by: PaidInvoice.paidEarlier)
        let trend = PayerTrend(invoices: Array(known.suffix(6)))
        // Compared on the sums: (recent − prior) / 3 ≥ min ⇔ recent − prior ≥ 3 · min.
        guard trend.recentDays - trend.priorDays >= 3 * minWorsening else { return nil }
        return trend
    }
}
