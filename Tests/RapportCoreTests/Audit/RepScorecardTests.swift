import Testing
@testable import RapportCore

@Suite struct RepScorecardTests {
    typealias F = AuditFixtures
    let march = F.period("2025-03-01", "2025-03-31")

    /// ann owns A1, A2, A3, A4; bob owns B1; cy owns nothing.
    func scenario() throws -> AuditReport {
        let input = AuditInput(
            reps: [Rep(handle: "cy", name: "Cy"), Rep(handle: "bob", name: "Bob"), Rep(handle: "ann", name: "Ann")],
            accounts: [
                F.account("A1"), F.account("A2"), F.account("A3"), F.account("A4"),
                F.account("B1", owner: "bob"),
            ],
            touches: [
                // A1: ann's greeting 03-10 and bob's visit 03-20 (touched by anyone counts).
                // Gaps 03-01→03-10 = 9, →03-20 = 10, →03-31 = 11; max 11.
                F.touch("A1", "2025-03-10", kind: .greeting),
                F.touch("A1", "2025-03-20", rep: "bob", kind: .visit),
                // A2: touched only before the period (02-19): 02-19→03-31 = 9 + 31 = 40; max 40.
                F.touch("A2", "2025-02-19", kind: .checkin),
                // A3: never touched: one gap 03-01→03-31 = 30; max 30.
                // A4: ann's collection calls 03-05 and 03-06, a gift 03-25 and an `other`
                // 03-26. Gaps 4, 1, 19, 1, 5; max 19.
                F.touch("A4", "2025-03-05", kind: .collection),
                F.touch("A4", "2025-03-06", kind: .collection),
                F.touch("A4", "2025-03-25", kind: .gift),
                F.touch("A4", "2025-03-26", kind: .other),
                // ann also logs a care call on bob's account B1 (03-30).
                // B1 gaps 03-01→03-30 = 29, →03-31 = 1; max 29.
                F.touch("B1", "2025-03-30", kind: .care),
                // After the period: counts for nobody.
                F.touch("A3", "2025-04-01", kind: .checkin),
            ])
        return try F.report(input, march)
    }

    @Test func everyRepIsListedInHandleOrder() throws {
        let report = try scenario()
        #expect(report.reps.map(\.rep) == ["ann", "bob", "cy"])
    }

    @Test func annsScorecard() throws {
        let ann = try #require(try scenario().reps.first { $0.rep == "ann" })
        #expect(ann.accounts == 4)
        // Logged by ann in March: greeting, 2 collection, gift, other (A4), care (B1) = 6.
        #expect(ann.touches.total == 6)
        // Warm = greeting + gift + care = 3; collection = 2; `other` is neither.
        #expect(ann.touches.warm == 3)
        #expect(ann.touches.collection == 2)
        #expect(ann.touches.warmToCollection == 1.5)
        // Touched in the period: A1, A4 (A2 only before; A3 never).
        #expect(ann.accountsTouched == 2)
        // Never touched by `to`: A3 only (A2 was touched in February).
        #expect(ann.neverTouched == 1)
        // Max gaps 11, 40, 30, 19 against cadence B = 30: A1, A3 (30 ≤ 30), A4 compliant.
        #expect(ann.compliantAccounts == 3)
        #expect(ann.compliance == 0.75)
        // Sorted max gaps 11, 19, 30, 40: median (19 + 30) / 2 = 24.5; max 40.
        #expect(ann.medianGapDays == 24.5)
        #expect(ann.maxGapDays == 40)
    }

    @Test func bobCountsOnlyWhatHeLogged() throws {
        let bob = try #require(try scenario().reps.first { $0.rep == "bob" })
        #expect(bob.accounts == 1)
        #expect(bob.touches.total == 1)  // his visit on ann's A1
        #expect(bob.touches.warm == 1)
        #expect(bob.touches.warmToCollection == nil)  // no collection touch: no ratio
        #expect(bob.accountsTouched == 1)  // ann's care call touched B1
        #expect(bob.medianGapDays == 29)
        #expect(bob.compliance == 1)
    }

    @Test func repWithoutAccountsHasNullCompliance() throws {
        let cy = try #require(try scenario().reps.first { $0.rep == "cy" })
        #expect(cy.accounts == 0)
        #expect(cy.compliance == nil)
        #expect(cy.medianGapDays == nil)
        #expect(cy.maxGapDays == nil)
        #expect(cy.touches == TouchMix())
    }

    @Test func medianOfOddAndEvenCounts() {
        #expect(RepScorecard.median([]) == nil)
        #expect(RepScorecard.median([7]) == 7)
        #expect(RepScorecard.median([30, 10, 20]) == 20)
        #expect(RepScorecard.median([4, 1, 3, 2]) == 2.5)
    }
}
