import Testing
@testable import RapportCore

/// Per-account gaps along [anchor, d1, …, dk, to], computed by hand against a calendar.
@Suite struct TouchGapTests {
    typealias F = AuditFixtures
    let march = F.period("2025-03-01", "2025-03-31")

    @Test func anchorIsTheLastTouchBeforeFrom() {
        // Touches: 2025-02-10 (older, ignored), 2025-02-20 (anchor), 2025-03-05 twice,
        // 2025-03-20, and 2025-04-02 (after `to`, ignored).
        // Points: 02-20 → 03-05 = 8 (rest of Feb 2025, 28 days) + 5 = 13;
        //         03-05 → 03-20 = 15; 03-20 → 03-31 = 11.
        let touches = ["2025-02-10", "2025-02-20", "2025-03-05", "2025-03-05", "2025-03-20", "2025-04-02"]
            .map { F.touch("A1", $0) }
        let audit = AccountAudit.measure(F.account("A1"), touches: touches, period: march, cadenceDays: 30)
        #expect(audit.gaps == [13, 15, 11])
        #expect(audit.maxGapDays == 15)
        #expect(audit.compliant)
        #expect(audit.touches == 3)  // rows in the period: both on 03-05 count
        #expect(audit.touchDays == 2)  // but one date for the gaps
        #expect(audit.lastTouch == F.date("2025-03-20"))
        #expect(audit.daysSinceTouch == 11)
    }

    @Test func withoutEarlierTouchTheAnchorIsFrom() {
        // Created 2024-06-01, so anchor = max(created_on, from) = 03-01.
        // 03-01 → 03-10 = 9; 03-10 → 03-25 = 15; 03-25 → 03-31 = 6.
        let audit = AccountAudit.measure(
            F.account("A1", created: "2024-06-01"), touches: [F.touch("A1", "2025-03-10"), F.touch("A1", "2025-03-25")],
            period: march, cadenceDays: 14)
        #expect(audit.gaps == [9, 15, 6])
        #expect(audit.maxGapDays == 15)
        #expect(!audit.compliant)  // 15 > 14
    }

    @Test func accountCreatedInsideThePeriodIsMeasuredFromItsCreation() {
        // Anchor = created_on 03-12; 03-12 → 03-15 = 3; 03-15 → 03-31 = 16.
        let audit = AccountAudit.measure(
            F.account("A1", tier: "A", created: "2025-03-12"), touches: [F.touch("A1", "2025-03-15")],
            period: march, cadenceDays: 14)
        #expect(audit.gaps == [3, 16])
        #expect(audit.maxGapDays == 16)
        #expect(!audit.compliant)
    }

    @Test func neverTouchedAccountHasOneGapAcrossThePeriod() {
        // 03-01 → 03-31 = 30; no touch by `to`, so no days-since-touch.
        let audit = AccountAudit.measure(F.account("A1"), touches: [], period: march, cadenceDays: 30)
        #expect(audit.gaps == [30])
        #expect(audit.compliant)  // 30 ≤ 30: the bound is inclusive
        #expect(audit.lastTouch == nil)
        #expect(audit.daysSinceTouch == nil)
        #expect(audit.touches == 0)
    }

    @Test func touchesOnTheAnchorAndOnToGiveZeroGaps() {
        // Anchor = from = 03-01 = d1, dk = to: the spec's sequence yields 0 at both ends.
        let audit = AccountAudit.measure(
            F.account("A1"), touches: [F.touch("A1", "2025-03-01"), F.touch("A1", "2025-03-31")],
            period: march, cadenceDays: 30)
        #expect(audit.gaps == [0, 30, 0])
        #expect(audit.daysSinceTouch == 0)
    }

    @Test func onlyTouchesBeforeThePeriodStillCountForDaysSinceTouch() {
        // Anchor 2025-01-31; 01-31 → 03-31 = 28 (Feb) + 31 (Mar) = 59.
        let audit = AccountAudit.measure(F.account("A1"), touches: [F.touch("A1", "2025-01-31")], period: march, cadenceDays: 30)
        #expect(audit.gaps == [59])
        #expect(audit.touches == 0)
        #expect(audit.daysSinceTouch == 59)
        #expect(!audit.compliant)
    }

    @Test func touchDatedBeforeCreationMovesTheAnchorBack() {
        // created_on 03-10 but a touch on 03-05: the account existed then; no negative gap.
        let audit = AccountAudit.measure(
            F.account("A1", created: "2025-03-10"), touches: [F.touch("A1", "2025-03-05")], period: march, cadenceDays: 30)
        #expect(audit.gaps == [0, 26])
        #expect(audit.gaps.allSatisfy { $0 >= 0 })
    }

    @Test func cadenceComesFromTheAccountOverrideElseTheTier() {
        let config = RapportConfig()
        #expect(config.cadenceDays(for: F.account("A1", tier: "A")) == 14)
        #expect(config.cadenceDays(for: F.account("A1", tier: "C")) == 90)
        #expect(config.cadenceDays(for: F.account("A1", tier: "C", cadence: 7)) == 7)
    }

    @Test func reportLeavesOutAccountsCreatedAfterToAndUsesCadenceOverrides() throws {
        let input = AuditInput(
            reps: [Rep(handle: "ann", name: "Ann")],
            accounts: [
                F.account("LATE", created: "2025-04-01"),
                F.account("A1", tier: "C", cadence: 10),
                F.account("EDGE", created: "2025-03-31"),  // created on `to`: audited
            ],
            touches: [F.touch("A1", "2025-03-15"), F.touch("LATE", "2025-03-20")])
        let report = try F.report(input, march)
        #expect(report.accounts.map(\.account) == ["A1", "EDGE"])
        let a1 = try #require(report.accounts.first)
        // 03-01 → 03-15 = 14; 03-15 → 03-31 = 16; cadence 10 (override of C's 90).
        #expect(a1.gaps == [14, 16])
        #expect(a1.cadenceDays == 10)
        #expect(!a1.compliant)
        #expect(report.accounts[1].gaps == [0])
        // The touch on LATE was still logged by ann in the period.
        #expect(report.reps.first?.touches.total == 2)
        #expect(report.reps.first?.accounts == 2)
    }
}
