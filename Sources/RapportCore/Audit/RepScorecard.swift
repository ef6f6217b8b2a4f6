/// Touches a rep logged in the period, by what they were for.
public struct TouchMix: Hashable, Sendable {
    public var total = 0
    /// Relationship touches: greeting, gift, care, visit and checkin.
    public var warm = 0
    /// Collection touches (chasing money).
    public var collection = 0

    public init(total: Int = 0, warm: Int = 0, collection: Int = 0) {
        self.total = total
        self.warm = warm
        self.collection = collection
    }

    /// The touch kinds that build the relationship rather than chase payment; `other`
    /// counts in neither side of the ratio.
    public static let warmKinds: Set<TouchKind> = [.greeting, .gift, .care, .visit, .checkin]

    public mutating func record(_ kind: TouchKind) {
        total += 1
        if kind == .collection {
            collection += 1
        } else if Self.warmKinds.contains(kind) {
            warm += 1
        }
    }

    /// warm ÷ collection; nil when the rep logged no collection touch.
    public var warmToCollection: Double? {
        collection == 0 ? nil : Double(warm) / Double(collection)
    }
}

/// One rep's audit over the accounts they own.
public struct RepScorecard: Hashable, Sendable {
    public var rep: String
    public var name: String
    /// Accounts owned (created on or before `to`).
    public var accounts: Int
    /// Touches this rep logged in the period, on any account, by kind.
    public var touches: TouchMix
    /// Owned accounts touched at least once in the period (by anyone).
    public var accountsTouched: Int
    /// Owned accounts with no touch at all on or before `to`.
    public var neverTouched: Int
    public var compliantAccounts: Int
    /// compliant ÷ accounts; nil when the rep owns no account.
    public var compliance: Double?
    /// Median of the owned accounts' max gaps; nil when the rep owns no account.
    public var medianGapDays: Double?
    /// Largest max gap among the owned accounts; nil when the rep owns no account.
    public var maxGapDays: Int?
    /// Promises on the owned accounts falling due in the period.
    public var promises: PromiseTally

    /// - Parameters:
    ///   - owned: the audits of the accounts the rep owns.
    ///   - logged: the touches the rep logged in the period, on any account.
    public static func measure(_ rep: Rep, owned: some Collection<AccountAudit>, logged: TouchMix) -> RepScorecard {
        var maxGaps: [Int] = []
        maxGaps.reserveCapacity(owned.count)
        var compliant = 0
        var touched = 0
        var neverTouched = 0
        var promises = PromiseTally()
        for audit in owned {
            maxGaps.append(audit.maxGapDays)
            if audit.compliant { compliant += 1 }
            if audit.touchedInPeriod { touched += 1 }
            if audit.lastTouch == nil { neverTouched += 1 }
            promises = promises + audit.promises
        }
        return RepScorecard(
            rep: rep.handle, name: rep.name, accounts: maxGaps.count, touches: logged,
            accountsTouched: touched, neverTouched: neverTouched, compliantAccounts: compliant,
            compliance: maxGaps.isEmpty ? nil : Double(compliant) / Double(maxGaps.count),
            medianGapDays: median(maxGaps), maxGapDays: maxGaps.max(), promises: promises)
    }

    /// The middle value, or the mean of the two middle values; nil for no values.
    public static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return Double(sorted[middle]) }
        return Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}
