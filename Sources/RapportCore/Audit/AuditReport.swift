/// The manager's audit of a period: how each account was touched, each rep's scorecard,
/// collection status per currency and, with rates, the policy what-if.
public struct AuditReport: Hashable, Sendable {
    public var period: AuditPeriod
    /// By account key.
    public var accounts: [AccountAudit]
    /// By rep handle; every rep asked for, also one who owns no account.
    public var reps: [RepScorecard]
    /// By currency code.
    public var receivables: [CurrencyReceivables]
    /// By rep, then currency; nil when no rates were given.
    public var policy: [PolicyLine]?
    public var rates: AuditPolicy?
    /// Payer behaviour as of `to` (PayerAudit.swift).
    public var payers = PayerAudit()

    /// Computes the audit from plain values: no I/O, no clock. Accounts created after
    /// `to` are left out; see `AuditInput` for what the input must hold. The money half
    /// (ledger, receivables, promises, policy) runs on a second thread beside the touch
    /// half; both only read the input.
    public static func compute(
        _ input: AuditInput, period: AuditPeriod, config: RapportConfig, policy: AuditPolicy? = nil
    ) throws(RapportError) -> AuditReport {
        let accounts = input.accounts.filter { $0.createdOn <= period.to }.sorted { $0.key < $1.key }
        var position: [String: Int] = Dictionary(minimumCapacity: accounts.count)
        for (index, account) in accounts.enumerated() { position[account.key] = index }

        let reps = input.reps.sorted { $0.handle < $1.handle }
        let positions = position
        let money = BackgroundWork {
            try MoneyHalf(
                input, accounts: accounts, position: positions, reps: reps.map(\.handle), period: period, policy: policy,
                minWorsening: config.payerMinWorseningDays)
        }
        let touches = TouchesByAccount(input.touches, accounts: position, period: period)
        let moneyHalf: MoneyHalf
        do {
            moneyHalf = try money.wait()
        } catch let error as RapportError {
            throw error
        } catch {
            throw RapportError(.software, "audit: \(error)")
        }

        var audits: [AccountAudit] = []
        audits.reserveCapacity(accounts.count)
        for (index, account) in accounts.enumerated() {
            audits.append(AccountAudit.measure(
                account, touchDaysInPeriod: touches.days(of: index), touchCount: touches.days(of: index).count,
                lastTouchBefore: touches.lastBefore[index].map(CivilDate.init(dayNumber:)), period: period,
                cadenceDays: config.cadenceDays(for: account), promises: moneyHalf.promises[index]))
        }

        var owned: [String: [Int]] = [:]
        for (index, audit) in audits.enumerated() { owned[audit.rep, default: []].append(index) }
        let scorecards = reps.map { rep in
            RepScorecard.measure(
                rep, owned: (owned[rep.handle] ?? []).lazy.map { audits[$0] },
                logged: touches.logged[rep.handle] ?? TouchMix())
        }

        return AuditReport(
            period: period, accounts: audits, reps: scorecards, receivables: moneyHalf.receivables,
            policy: moneyHalf.policy, rates: policy, payers: moneyHalf.payers)
    }
}

/// Everything computed from invoices, payments and promises.
struct MoneyHalf: Sendable {
    /// Per account position.
    var promises: [PromiseTally]
    var receivables: [CurrencyReceivables]
    var policy: [PolicyLine]?
    /// Payer behaviour as of `to`, from the ledger's invoices.
    var payers: PayerAudit

    init(
        _ input: AuditInput, accounts: [Account], position: [String: Int], reps: [String], period: AuditPeriod,
        policy rates: AuditPolicy?, minWorsening: Int
    ) throws(RapportError) {
        let ledger = InvoiceLedger(
            invoices: input.invoices, payments: input.payments, asOf: period.to,
            including: { position[$0.account] != nil })

        promises = [PromiseTally](repeating: PromiseTally(), count: accounts.count)
        let due = input.promises.filter { period.contains($0.promisedOn) && position[$0.account] != nil }
        for (promise, outcome) in zip(due, try PromiseOutcome.evaluate(due, ledger: ledger)) {
            if let index = position[promise.account] { promises[index].record(outcome) }
        }

        receivables = try CurrencyReceivables.compute(ledger: ledger, period: period)

        var owners: [String: String] = Dictionary(minimumCapacity: accounts.count)
        for account in accounts { owners[account.key] = account.owner }
        if let rates {
            policy = try PolicyLine.compute(ledger: ledger, owners: owners, reps: reps, period: period, policy: rates)
        }
        // On this thread, beside the touch half.
        payers = PayerAudit.compute(
            ledger.entries.map(PayerInvoice.init), owners: owners, reps: reps, asOf: period.to, minWorsening: minWorsening)
    }
}

/// One pass over the touches: per account its touch days in the period (kept flat, one
/// slice per account, rather than a hundred thousand small arrays) and its latest touch
/// day before the period; per rep the kinds of touches they logged in the period.
struct TouchesByAccount {
    /// Day numbers in the period, account by account: `flat[offsets[i]..<offsets[i + 1]]`.
    private var flat: [Int]
    private var offsets: [Int]
    /// Latest touch day before `from`, per account.
    var lastBefore: [Int?]
    /// By rep handle: what they logged in the period, on any account.
    var logged: [String: TouchMix] = [:]

    init(_ touches: [Touch], accounts position: [String: Int], period: AuditPeriod) {
        let from = period.from.dayNumber
        let to = period.to.dayNumber
        lastBefore = [Int?](repeating: nil, count: position.count)
        var owner = [Int32](repeating: -1, count: touches.count)
        var counts = [Int](repeating: 0, count: position.count + 1)
        var mixes: [TouchMix] = []
        var mixIndex: [String: Int] = [:]
        // Touches usually come grouped by account and mostly by one rep: remembering the
        // last key looked up saves a hash per touch (any order stays correct).
        var lastAccount: (key: String, index: Int?)?
        var lastRep: (handle: String, index: Int)?
        for (t, touch) in touches.enumerated() {
            let day = touch.date.dayNumber
            guard day <= to else { continue }
            if day >= from {
                let mix: Int
                if let lastRep, lastRep.handle == touch.rep {
                    mix = lastRep.index
                } else if let known = mixIndex[touch.rep] {
                    mix = known
                } else {
                    mix = mixes.count
                    mixIndex[touch.rep] = mix
                    mixes.append(TouchMix())
                }
                lastRep = (touch.rep, mix)
                mixes[mix].record(touch.kind)
            }
            let found: Int?
            if let lastAccount, lastAccount.key == touch.account {
                found = lastAccount.index
            } else {
                found = position[touch.account]
                lastAccount = (touch.account, found)
            }
            guard let index = found else { continue }
            if day >= from {
                owner[t] = Int32(index)
                counts[index + 1] += 1
            } else if lastBefore[index].map({ day > $0 }) ?? true {
                lastBefore[index] = day
            }
        }
        for (rep, index) in mixIndex { logged[rep] = mixes[index] }
        for index in counts.indices.dropFirst() { counts[index] += counts[index - 1] }
        offsets = counts
        var cursor = counts
        flat = [Int](repeating: 0, count: counts.last ?? 0)
        for (t, index) in owner.enumerated() where index >= 0 {
            flat[cursor[Int(index)]] = touches[t].date.dayNumber
            cursor[Int(index)] += 1
        }
    }

    func days(of account: Int) -> ArraySlice<Int> { flat[offsets[account]..<offsets[account + 1]] }
}
