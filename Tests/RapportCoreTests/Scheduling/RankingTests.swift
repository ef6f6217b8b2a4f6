import Testing
@testable import RapportCore

@Suite struct RankingTests {
    static let today = day("2026-11-29")

    func item(_ key: String, rep: String = "wang", tier: String = "B", _ reasons: [Reason]) -> AgendaItem {
        var item = AgendaItem(date: Self.today, account: key, accountName: key, rep: rep, reasons: reasons, daysSinceTouch: nil, tier: tier)
        item.score = AgendaRanking.score(item, config: RapportConfig())
        return item
    }

    func checkin(_ dueOn: String) -> Reason { Reason(kind: .checkin, dueOn: day(dueOn)) }
    func collection(_ level: CollectionLevel, overdue days: Int) -> Reason {
        let inv = invoice("INV-\(days)", due: Self.today.adding(days: -days).description)
        return Reason(kind: .collection, dueOn: Self.today, level: level, invoices: [OpenInvoice(invoice: inv, balance: 1, daysOverdue: days)])
    }

    @Test func careThenDueTodayThenMoneyThenCheckins() {
        let items = [
            item("CHECKIN", [checkin("2026-10-01")]),
            item("MONEY", [collection(.overdue, overdue: 5)]),
            item("HOLIDAY-TODAY", [Reason(kind: .holiday, dueOn: Self.today, occasion: "x")]),
            item("HOLIDAY-LATER", [Reason(kind: .holiday, dueOn: Self.today.adding(days: 2), occasion: "x")]),
            item("CARE", [Reason(kind: .care, dueOn: Self.today.adding(days: 1))]),
        ]
        let ranked = AgendaRanking.ranked(items)
        #expect(ranked.map(\.account) == ["CARE", "HOLIDAY-TODAY", "MONEY", "CHECKIN", "HOLIDAY-LATER"])
        #expect(ranked.map(\.priority) == [1, 2, 3, 4, 5])
    }

    @Test func moneyByLevelThenDaysOverdue() {
        let ranked = AgendaRanking.ranked([
            item("LONG-OVERDUE", [collection(.overdue, overdue: 14)]),
            item("ESCALATED", [collection(.escalation, overdue: 30)]),
            item("SHORT-OVERDUE", [collection(.overdue, overdue: 2)]),
            item("BROKEN", [Reason(kind: .promise, dueOn: Self.today, promise: Promise(account: "B", promisedOn: Self.today.adding(days: -3), amount: Money(minor: 1, currency: "USD")))]),
            item("NOTICE", [collection(.notice, overdue: 60)]),
        ])
        #expect(ranked.map(\.account) == ["NOTICE", "ESCALATED", "BROKEN", "LONG-OVERDUE", "SHORT-OVERDUE"])
        #expect(ranked[0].score.money == 5 * 100_000 + 60)
    }

    @Test func checkinsByDaysPastCadenceWeightedByTier() {
        // A: weight 3, B: 2, C: 1 — 10 days late on A (33) beats 15 days on B (32) and 30 on C (31).
        let ranked = AgendaRanking.ranked([
            item("C-30", tier: "C", [checkin("2026-10-30")]),
            item("B-15", tier: "B", [checkin("2026-11-14")]),
            item("A-10", tier: "A", [checkin("2026-11-19")]),
        ])
        #expect(ranked.map(\.account) == ["A-10", "B-15", "C-30"])
        #expect(ranked.map(\.score.checkin) == [33, 32, 31])
    }

    /// Two ranked lists of different accounts (the two halves of an all-reps agenda) merge
    /// into the ranking of all their items, priority 1 … n.
    @Test func mergingTwoRankedListsRanksTheirUnion() {
        let all = [
            item("A-CHECKIN", [checkin("2026-10-01")]), item("B-MONEY", [collection(.second, overdue: 20)]),
            item("C-CARE", [Reason(kind: .care, dueOn: Self.today)]), item("D-CHECKIN", [checkin("2026-10-01")]),
            item("E-CHECKIN", [checkin("2026-11-20")]), item("F-MONEY", [collection(.overdue, overdue: 3)]),
            item("G-CHECKIN", [checkin("2026-10-01")]),
        ]
        var first = AgendaRanking.ranked(all.enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
        var second = AgendaRanking.ranked(all.enumerated().filter { $0.offset % 3 != 0 }.map(\.element))
        let merged = AgendaRanking.merged(&first, &second)
        #expect(merged == AgendaRanking.ranked(all))
        #expect(merged.map(\.account) == ["C-CARE", "B-MONEY", "F-MONEY", "A-CHECKIN", "D-CHECKIN", "G-CHECKIN", "E-CHECKIN"])
        #expect(merged.map(\.priority) == Array(1...7))
        #expect(first.isEmpty && second.isEmpty)
        var none: [AgendaItem] = []
        var some = AgendaRanking.ranked(Array(all.prefix(2)))
        #expect(AgendaRanking.merged(&none, &some).map(\.account) == ["B-MONEY", "A-CHECKIN"])
    }

    @Test func tiesByAccountKey() {
        let ranked = AgendaRanking.ranked([item("ZETA", [checkin("2026-11-20")]), item("ALPHA", [checkin("2026-11-20")])])
        #expect(ranked.map(\.account) == ["ALPHA", "ZETA"])
    }

    /// Without a capacity (the default) the list is kept whole, numbered 1 … n.
    @Test func noCapacityKeepsEverythingInOrder() {
        let ranked = AgendaRanking.ranked([item("B", [checkin("2026-11-01")]), item("A", [checkin("2026-11-20")])])
        let cut = AgendaRanking.cut(ranked, limit: nil, config: RapportConfig())
        #expect(cut.kept == ranked && cut.cut.isEmpty)
        var shuffled = ranked
        shuffled.swapAt(0, 1)
        let renumbered = AgendaRanking.cut(shuffled, limit: nil, config: RapportConfig())
        #expect(renumbered.kept.map(\.account) == ["A", "B"] && renumbered.kept.map(\.priority) == [1, 2])
    }

    @Test func capacityKeepsEachRepsTopItemsAndCountsTheCut() {
        var config = RapportConfig()
        config.capacity = 2
        config.repCapacity = ["li": 1]
        let ranked = AgendaRanking.ranked([
            item("W1", rep: "wang", [Reason(kind: .care, dueOn: Self.today)]),
            item("W2", rep: "wang", [collection(.notice, overdue: 70)]),
            item("W3", rep: "wang", [checkin("2026-11-01"), Reason(kind: .holiday, dueOn: Self.today.adding(days: 1), occasion: "x")]),
            item("L1", rep: "li", [checkin("2026-11-01")]),
            item("L2", rep: "li", [checkin("2026-11-20")]),
        ])
        let cut = AgendaRanking.cut(ranked, limit: nil, config: config)
        #expect(cut.kept.map(\.account) == ["W1", "W2", "L1"])
        #expect(cut.kept.map(\.priority) == [1, 2, 3])
        #expect(cut.cut.map(\.account) == ["W3", "L2"])
        #expect(cut.cutReasons == [.checkin: 2, .holiday: 1])
        // --limit overrides the config for every rep.
        #expect(AgendaRanking.cut(ranked, limit: 1, config: config).kept.map(\.account) == ["W1", "L1"])
        #expect(AgendaRanking.cut(ranked, limit: nil, config: RapportConfig()).cut.isEmpty)
    }
}
