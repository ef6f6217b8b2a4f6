/// How one account was touched over the period: the gaps between contacts, measured
/// against the account's check-in cadence.
public struct AccountAudit: Hashable, Sendable {
    public var account: String
    public var name: String
    public var rep: String
    public var tier: String
    public var status: AccountStatus
    public var createdOn: CivilDate
    /// The account's own cadence, else its tier's.
    public var cadenceDays: Int
    /// Touch rows dated in the period, whoever logged them.
    public var touches: Int
    /// Distinct touch dates in the period (several touches on one day count once for gaps).
    public var touchDays: Int
    /// Day differences along [anchor, d1, …, dk, to], as the spec writes them: a touch on
    /// the anchor day or on `to` itself gives a gap of 0.
    public var gaps: [Int]
    public var maxGapDays: Int
    /// max gap ≤ cadence.
    public var compliant: Bool
    /// The latest touch on or before `to` (it may precede the period).
    public var lastTouch: CivilDate?
    /// `to` − lastTouch; nil when never touched by `to`.
    public var daysSinceTouch: Int?
    /// Promises falling due in the period.
    public var promises: PromiseTally

    public var touchedInPeriod: Bool { touches > 0 }

    /// Measures one account from plain facts.
    ///
    /// - Parameters:
    ///   - touchDaysInPeriod: day numbers (`CivilDate.dayNumber`) of its touches dated in the
    ///     period, in any order, repeats allowed.
    ///   - touchCount: touch rows dated in the period.
    ///   - lastTouchBefore: its latest touch date before `from`, if any.
    public static func measure(
        _ account: Account, touchDaysInPeriod: some Collection<Int>, touchCount: Int, lastTouchBefore: CivilDate?,
        period: AuditPeriod, cadenceDays: Int, promises: PromiseTally = PromiseTally()
    ) -> AccountAudit {
        var days = Array(touchDaysInPeriod)
        days.sort()
        days.removeAdjacentDuplicates()
        var anchor = lastTouchBefore?.dayNumber ?? max(account.createdOn, period.from).dayNumber
        // A touch dated before the account's created_on proves the account existed then:
        // start there rather than report a negative gap.
        if let first = days.first, first < anchor { anchor = first }
        var gaps: [Int] = []
        gaps.reserveCapacity(days.count + 1)
        var previous = anchor
        for day in days {
            gaps.append(day - previous)
            previous = day
        }
        gaps.append(period.to.dayNumber - previous)
        let maxGap = gaps.max() ?? 0
        let lastTouch = days.last.map(CivilDate.init(dayNumber:)) ?? lastTouchBefore
        return AccountAudit(
            account: account.key, name: account.name, rep: account.owner, tier: account.tier,
            status: account.status, createdOn: account.createdOn, cadenceDays: cadenceDays,
            touches: touchCount, touchDays: days.count, gaps: gaps, maxGapDays: maxGap,
            compliant: maxGap <= cadenceDays, lastTouch: lastTouch,
            daysSinceTouch: lastTouch.map { $0.days(to: period.to) }, promises: promises)
    }

    /// Measures one account from its touches (any dates: those after `to` are ignored,
    /// those before `from` only supply the anchor).
    public static func measure(
        _ account: Account, touches: [Touch], period: AuditPeriod, cadenceDays: Int,
        promises: PromiseTally = PromiseTally()
    ) -> AccountAudit {
        var inPeriod: [Int] = []
        var before: CivilDate?
        for touch in touches where touch.account == account.key && touch.date <= period.to {
            if touch.date >= period.from {
                inPeriod.append(touch.date.dayNumber)
            } else if before.map({ touch.date > $0 }) ?? true {
                before = touch.date
            }
        }
        return measure(
            account, touchDaysInPeriod: inPeriod, touchCount: inPeriod.count, lastTouchBefore: before,
            period: period, cadenceDays: cadenceDays, promises: promises)
    }
}

extension Array where Element: Equatable {
    /// Keeps the first of each run of equal elements (on a sorted array: distinct values).
    mutating func removeAdjacentDuplicates() {
        guard count > 1 else { return }
        var kept = 1
        for index in 1..<count where self[index] != self[kept - 1] {
            self[kept] = self[index]
            kept += 1
        }
        removeLast(count - kept)
    }
}

extension RapportConfig {
    /// The account's check-in cadence: its own override, else its tier's.
    public func cadenceDays(for account: Account) -> Int {
        account.cadenceDays ?? cadenceDays(tier: account.tier)
    }
}
