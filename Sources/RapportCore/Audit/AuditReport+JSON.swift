/// The JSON shape of `rapport audit --format json` (SPEC "Command-line contract"): money
/// as integers in minor units, dates as `YYYY-MM-DD`, a missing value as `null` — never
/// an absent key, so a consumer sees `compliance: null` for a rep with no accounts.
extension AuditReport: Encodable {
    enum Keys: String, CodingKey { case from, to, days, accounts, reps, receivables, policy, rates }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(period.from, forKey: .from)
        try c.encode(period.to, forKey: .to)
        try c.encode(period.days, forKey: .days)
        try c.encode(accounts, forKey: .accounts)
        try c.encode(reps, forKey: .reps)
        try c.encode(receivables, forKey: .receivables)
        if let policy, let rates {
            try c.encode(policy, forKey: .policy)
            try c.encode(["penalty": rates.penaltyRate.description, "commission": rates.commissionRate.description], forKey: .rates)
        }
    }
}

extension AccountAudit: Encodable {
    enum Keys: String, CodingKey {
        case account, name, rep, tier, status, createdOn = "created_on", cadenceDays = "cadence_days", touches
        case touchDays = "touch_days", gaps, maxGapDays = "max_gap_days", compliant, lastTouch = "last_touch"
        case daysSinceTouch = "days_since_touch", promisesKept = "promises_kept", promisesBroken = "promises_broken"
        case promiseKeptRate = "promise_kept_rate"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account, forKey: .account)
        try c.encode(name, forKey: .name)
        try c.encode(rep, forKey: .rep)
        try c.encode(tier, forKey: .tier)
        try c.encode(status, forKey: .status)
        try c.encode(createdOn, forKey: .createdOn)
        try c.encode(cadenceDays, forKey: .cadenceDays)
        try c.encode(touches, forKey: .touches)
        try c.encode(touchDays, forKey: .touchDays)
        try c.encode(gaps, forKey: .gaps)
        try c.encode(maxGapDays, forKey: .maxGapDays)
        try c.encode(compliant, forKey: .compliant)
        try c.encode(lastTouch, forKey: .lastTouch)
        try c.encode(daysSinceTouch, forKey: .daysSinceTouch)
        try c.encode(promises.kept, forKey: .promisesKept)
        try c.encode(promises.broken, forKey: .promisesBroken)
        try c.encode(promises.keptRate, forKey: .promiseKeptRate)
    }
}

extension RepScorecard: Encodable {
    enum Keys: String, CodingKey {
        case rep, name, accounts, touches, accountsTouched = "accounts_touched", neverTouched = "never_touched"
        case compliantAccounts = "compliant_accounts", compliance, medianGapDays = "median_gap_days"
        case maxGapDays = "max_gap_days", warmTouches = "warm_touches", collectionTouches = "collection_touches"
        case warmToCollection = "warm_to_collection", promisesKept = "promises_kept"
        case promisesBroken = "promises_broken", promiseKeptRate = "promise_kept_rate"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(rep, forKey: .rep)
        try c.encode(name, forKey: .name)
        try c.encode(accounts, forKey: .accounts)
        try c.encode(touches.total, forKey: .touches)
        try c.encode(accountsTouched, forKey: .accountsTouched)
        try c.encode(neverTouched, forKey: .neverTouched)
        try c.encode(compliantAccounts, forKey: .compliantAccounts)
        try c.encode(compliance, forKey: .compliance)
        try c.encode(medianGapDays, forKey: .medianGapDays)
        try c.encode(maxGapDays, forKey: .maxGapDays)
        try c.encode(touches.warm, forKey: .warmTouches)
        try c.encode(touches.collection, forKey: .collectionTouches)
        try c.encode(touches.warmToCollection, forKey: .warmToCollection)
        try c.encode(promises.kept, forKey: .promisesKept)
        try c.encode(promises.broken, forKey: .promisesBroken)
        try c.encode(promises.keptRate, forKey: .promiseKeptRate)
    }
}

extension CurrencyReceivables: Encodable {
    enum Keys: String, CodingKey {
        case currency, open, aging, dso, cei, opening, creditSales = "credit_sales"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(currency, forKey: .currency)
        try c.encode(open, forKey: .open)
        try c.encode(aging, forKey: .aging)
        try c.encode(dso, forKey: .dso)
        try c.encode(cei, forKey: .cei)
        try c.encode(opening, forKey: .opening)
        try c.encode(creditSales, forKey: .creditSales)
    }
}

extension AgingBuckets: Encodable {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for bucket in labelled { try c.encode(bucket.amount, forKey: Key(stringValue: bucket.key)) }
    }
}

extension PolicyLine: Encodable {
    enum Keys: String, CodingKey {
        case rep, currency, penalty, commission, pastDueAmountDays = "past_due_amount_days", collected
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(rep, forKey: .rep)
        try c.encode(currency, forKey: .currency)
        try c.encode(penalty, forKey: .penalty)
        try c.encode(commission, forKey: .commission)
        try c.encode(pastDueAmountDays, forKey: .pastDueAmountDays)
        try c.encode(collected, forKey: .collected)
    }
}
