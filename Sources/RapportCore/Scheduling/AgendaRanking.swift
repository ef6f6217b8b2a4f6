/// How items are ordered and cut (documented in docs/agenda.md).
///
/// Items rank by their score parts in order — care, then date-bound reasons due today,
/// then money at risk, then overdue check-ins — and by account key on a tie. Money is
/// measured without converting currencies: the collection level's weight, then the days
/// overdue. Check-ins weigh the days past cadence by the tier's place in `config.tiers`.
public enum AgendaRanking {
    /// Level weights: the ladder position (reminder 1 … notice 5); a broken promise weighs
    /// as much as an escalation — the customer's own word has failed.
    static func weight(of level: CollectionLevel) -> Int { level.ladderRank }
    static let brokenPromiseWeight = 4
    static let moneyWeightUnit = 100_000

    public static func score(_ item: AgendaItem, config: RapportConfig) -> AgendaItem.Score {
        var score = AgendaItem.Score()
        for reason in item.reasons {
            switch reason.kind {
            case .care:
                score.care += 1
            case .holiday, .gift, .event:
                if reason.dueOn == item.date { score.dueToday += 1 }
            case .collection:
                let days = reason.invoices.map(\.daysOverdue).max() ?? 0
                let weight = reason.level.map(weight(of:)) ?? 1
                score.money = max(score.money, money(weight: weight, days: days))
            case .promise:
                let days = reason.promise.map { $0.promisedOn.days(to: item.date) } ?? 0
                score.money = max(score.money, money(weight: brokenPromiseWeight, days: days))
            case .payer:
                // Whole days of worsening (sums of three, so exact in thirds).
                let worsening = reason.payer.map { ($0.recentDays - $0.priorDays) / 3 } ?? 0
                score.payer = max(score.payer, worsening)
            case .checkin:
                let daysPast = reason.dueOn.days(to: item.date)
                score.checkin = max(score.checkin, min((daysPast + 1) * tierWeight(item.tier, config: config), 999_999))
            }
        }
        return score
    }

    private static func money(weight: Int, days: Int) -> Int {
        weight * moneyWeightUnit + min(max(days, 0), moneyWeightUnit - 1)
    }

    /// First tier of `config.tiers` weighs most (A 3, B 2, C 1 by default); an unlisted tier 1.
    static func tierWeight(_ tier: String, config: RapportConfig) -> Int {
        guard let index = config.tiers.firstIndex(of: tier) else { return 1 }
        return config.tiers.count - index
    }

    /// Sorted by score (highest first), ties by account key; priority 1 … n.
    public static func ranked(_ items: consuming [AgendaItem]) -> [AgendaItem] {
        var items = items
        rank(&items)
        return items
    }

    /// `ranked` in place. Sorts small keys, not the items (an item is a few hundred bytes
    /// to move), then puts each item in its place by following the permutation's cycles
    /// with swaps in the buffer (moves: no item is copied, no reference counted).
    static func rank(_ items: inout [AgendaItem]) {
        var keys: [(total: Int, account: String, index: Int)] = []
        keys.reserveCapacity(items.count)
        items.withUnsafeBufferPointer { items in
            for index in items.indices { keys.append((items[index].score.total, items[index].account, index)) }
        }
        keys.sort { $0.total != $1.total ? $0.total > $1.total : $0.account < $1.account }
        var placed = [Bool](repeating: false, count: items.count)
        items.withUnsafeMutableBufferPointer { items in
            for start in items.indices where !placed[start] {
                // Position `at` takes the item first at `keys[at].index`; the item first at
                // `start` travels along the cycle until its own place.
                var at = start
                while true {
                    placed[at] = true
                    let next = keys[at].index
                    if next == start { break }
                    items.swapAt(at, next)
                    at = next
                }
            }
        }
        number(&items)
    }

    /// Priorities 1 … n in list order. A list already numbered is left untouched, so one
    /// shared with the caller is not copied for nothing.
    static func number(_ items: inout [AgendaItem]) {
        let numbered = items.withUnsafeBufferPointer { items in items.indices.allSatisfy { items[$0].priority == $0 + 1 } }
        guard !numbered else { return }
        items.withUnsafeMutableBufferPointer { items in
            for rank in items.indices { items[rank].priority = rank + 1 }
        }
    }

    /// Two ranked lists (of different accounts) merged into one ranked list, priority
    /// 1 … n; the lists are left empty. Items are moved, never copied: each is taken off
    /// the end of its list (the later of the two goes first), then the result is reversed
    /// in its buffer. The comparisons read small keys (reading an item out of an array
    /// would copy it, retaining every string and array it holds).
    static func merged(_ a: inout [AgendaItem], _ b: inout [AgendaItem]) -> [AgendaItem] {
        func keys(_ items: [AgendaItem]) -> [(total: Int, account: String)] {
            items.withUnsafeBufferPointer { items in items.map { ($0.score.total, $0.account) } }
        }
        let (keysA, keysB) = (keys(a), keys(b))
        var merged: [AgendaItem] = []
        merged.reserveCapacity(a.count + b.count)
        while !a.isEmpty || !b.isEmpty {
            let fromA: Bool
            if a.isEmpty {
                fromA = false
            } else if b.isEmpty {
                fromA = true
            } else {
                let (ka, kb) = (keysA[a.count - 1], keysB[b.count - 1])
                // `a`'s last goes first unless it ranks before `b`'s.
                fromA = ka.total != kb.total ? ka.total < kb.total : ka.account > kb.account
            }
            merged.append(fromA ? a.removeLast() : b.removeLast())
        }
        merged.withUnsafeMutableBufferPointer { $0.reverse() }
        number(&merged)
        return merged
    }

    /// Keeps each rep's top items up to their capacity (`limit` for every rep when given,
    /// else `config.capacity(rep:)`, nil = no limit); the kept items are renumbered 1 … n.
    public static func cut(_ ranked: [AgendaItem], limit: Int?, config: RapportConfig) -> AgendaCut {
        // No capacity anywhere (the default): everything is kept, and the list is shared
        // rather than copied item by item (every string and array of 100 000 items retained).
        if limit == nil, config.capacity == nil, config.repCapacity.isEmpty {
            var kept = ranked
            number(&kept)
            return AgendaCut(kept: kept)
        }
        var perRep: [String: Int] = [:]
        var result = AgendaCut()
        for item in ranked {
            let taken = perRep[item.rep, default: 0]
            if let capacity = limit ?? config.capacity(rep: item.rep), taken >= capacity {
                result.cut.append(item)
            } else {
                perRep[item.rep] = taken + 1
                result.kept.append(item)
            }
        }
        number(&result.kept)
        return result
    }
}

/// The outcome of applying capacity: what a rep sees and what was left for another day.
public struct AgendaCut: Sendable, Hashable {
    public var kept: [AgendaItem] = []
    public var cut: [AgendaItem] = []

    public init(kept: [AgendaItem] = [], cut: [AgendaItem] = []) {
        self.kept = kept
        self.cut = cut
    }

    /// The reasons of the cut items, counted by kind.
    public var cutReasons: [ReasonKind: Int] {
        var counts: [ReasonKind: Int] = [:]
        for item in cut { for reason in item.reasons { counts[reason.kind, default: 0] += 1 } }
        return counts
    }
}
