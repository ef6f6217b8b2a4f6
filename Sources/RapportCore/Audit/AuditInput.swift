/// Everything an audit reads, as plain values. The metrics accept any superset of what
/// they need — they ignore touches, invoices and payments dated after `to` and accounts
/// created after `to` themselves — so a loader may prune, but never has to.
///
/// What a loader must include for a correct audit of [from, to]:
/// - `reps`: the reps to list (every rep, or the one asked for);
/// - `accounts`: the accounts to audit (the listed reps' accounts);
/// - `touches`: every touch dated in the period on those accounts or logged by those reps,
///   and, per account, at least its latest touch before `from` (older ones change nothing);
/// - `invoices`: the accounts' invoices issued on or before `to`, with all their payments
///   made on or before `to`;
/// - `promises`: the accounts' promises falling due (promised_on) in the period.
public struct AuditInput: Sendable {
    public var reps: [Rep]
    public var accounts: [Account]
    public var touches: [Touch]
    public var invoices: [Invoice]
    public var payments: [Payment]
    public var promises: [Promise]

    public init(
        reps: [Rep] = [], accounts: [Account] = [], touches: [Touch] = [], invoices: [Invoice] = [],
        payments: [Payment] = [], promises: [Promise] = []
    ) {
        self.reps = reps
        self.accounts = accounts
        self.touches = touches
        self.invoices = invoices
        self.payments = payments
        self.promises = promises
    }
}

/// The what-if rates of `--penalty-rate R --commission-rate C`.
public struct AuditPolicy: Hashable, Sendable {
    /// Charged per day on the amount past due that day (0.0001 = 0.01 % a day).
    public var penaltyRate: DecimalRate
    /// Paid on the money collected in the period (0.03 = 3 %).
    public var commissionRate: DecimalRate

    public init(penaltyRate: DecimalRate, commissionRate: DecimalRate) {
        self.penaltyRate = penaltyRate
        self.commissionRate = commissionRate
    }
}
