/// What a collection policy would have meant for one rep in one currency: the penalty a
/// per-day charge on overdue money would cost them, beside the commission they earned on
/// what was collected.
public struct PolicyLine: Hashable, Sendable {
    public var rep: String
    public var currency: String
    /// round(R × Σ over the days of the period of the amount past due that day).
    public var penalty: Int64
    /// round(C × payments received in the period on the rep's accounts).
    public var commission: Int64
    /// Σ over the days of the period of the amount past due that day (minor-unit days).
    public var pastDueAmountDays: Int64
    /// Payments received in the period on the rep's accounts.
    public var collected: Int64

    /// One line per rep and currency (every rep × every currency the ledger holds), rates
    /// applied once to the exact totals and rounded half up.
    ///
    /// - Parameter owners: account key → owning rep handle.
    public static func compute(
        ledger: InvoiceLedger, owners: [String: String], reps: [String], period: AuditPeriod, policy: AuditPolicy
    ) throws(RapportError) -> [PolicyLine] {
        struct Totals { var pastDue: Int64 = 0; var collected: Int64 = 0 }
        let from = period.from.dayNumber
        let to = period.to.dayNumber
        var totals: [String: [String: Totals]] = [:]
        var currencies: Set<String> = []
        for entry in ledger.entries {
            let currency = entry.invoice.amount.currency
            currencies.insert(currency)
            guard let rep = owners[entry.invoice.account] else { continue }
            var line = totals[rep, default: [:]][currency, default: Totals()]
            line.pastDue = try ExactArithmetic.add(line.pastDue, entry.pastDueAmountDays(fromDay: from, toDay: to))
            line.collected = try ExactArithmetic.add(line.collected, entry.paid(fromDay: from, toDay: to))
            totals[rep, default: [:]][currency] = line
        }
        var lines: [PolicyLine] = []
        for rep in reps.sorted() {
            for currency in currencies.sorted() {
                let line = totals[rep]?[currency] ?? Totals()
                guard let penalty = policy.penaltyRate.applied(to: line.pastDue),
                      let commission = policy.commissionRate.applied(to: line.collected) else {
                    throw ExactArithmetic.overflow
                }
                lines.append(PolicyLine(
                    rep: rep, currency: currency, penalty: penalty, commission: commission,
                    pastDueAmountDays: line.pastDue, collected: line.collected))
            }
        }
        return lines
    }
}
