/// Whether a promise to pay was kept.
///
/// A promise falls due on `promised_on`. It is **kept** when, at the end of that day, the
/// balance it covers is settled: its invoice, or — when it names none — every invoice of
/// the account issued by then, has nothing left open (amount − payments made on or before
/// `promised_on` ≤ 0). Otherwise it is **broken**. This is the agenda's rule turned
/// around: a `promise` reason appears after `promised_on` exactly when the covered balance
/// is still open, so a broken promise is one the rep would have to chase.
public enum PromiseOutcome: String, Hashable, Sendable {
    case kept, broken

    public static func evaluate(_ promise: Promise, ledger: InvoiceLedger) throws(RapportError) -> PromiseOutcome {
        try evaluate([promise], ledger: ledger)[0]
    }

    /// The outcome of each promise, in order. Account-wide promises look at every invoice
    /// of their account, so those accounts' invoices are gathered in one pass.
    public static func evaluate(_ promises: [Promise], ledger: InvoiceLedger) throws(RapportError) -> [PromiseOutcome] {
        var accountWide: [String: [InvoiceLedger.Entry]] = [:]
        for promise in promises where promise.invoice == nil { accountWide[promise.account] = [] }
        if !accountWide.isEmpty {
            for entry in ledger.entries where accountWide[entry.invoice.account] != nil {
                accountWide[entry.invoice.account]?.append(entry)
            }
        }
        var outcomes: [PromiseOutcome] = []
        outcomes.reserveCapacity(promises.count)
        for promise in promises {
            let day = promise.promisedOn.dayNumber
            let covered: [InvoiceLedger.Entry]
            if let number = promise.invoice {
                // An invoice the ledger does not hold (issued after the period) owes nothing yet.
                covered = ledger.entry(number: number).map { [$0] } ?? []
            } else {
                covered = accountWide[promise.account] ?? []
            }
            var open = false
            for entry in covered where !open {
                open = try entry.balance(onDay: day) > 0
            }
            outcomes.append(open ? .broken : .kept)
        }
        return outcomes
    }
}

/// Kept and broken promises, and the share kept.
public struct PromiseTally: Hashable, Sendable {
    public var kept: Int
    public var broken: Int

    public init(kept: Int = 0, broken: Int = 0) {
        self.kept = kept
        self.broken = broken
    }

    public mutating func record(_ outcome: PromiseOutcome) {
        switch outcome {
        case .kept: kept += 1
        case .broken: broken += 1
        }
    }

    public static func + (a: PromiseTally, b: PromiseTally) -> PromiseTally {
        PromiseTally(kept: a.kept + b.kept, broken: a.broken + b.broken)
    }

    /// kept ÷ (kept + broken); nil when no promise fell due.
    public var keptRate: Double? {
        kept + broken == 0 ? nil : Double(kept) / Double(kept + broken)
    }
}
