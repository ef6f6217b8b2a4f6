import Testing
@testable import RapportCore

@Suite struct CheckinRuleTests {
    @Test func dueCadenceDaysAfterTheLastTouchPerTier() throws {
        // Tier A: 14 days. Last touch 2026-11-01 → due 2026-11-15.
        let a = account(tier: "A")
        #expect(reasons(.checkin, try agenda(a, on: "2026-11-14", touches: [touch("2026-11-01", .checkin)])).isEmpty)
        let due = reasons(.checkin, try agenda(a, on: "2026-11-15", touches: [touch("2026-11-01", .checkin)]))
        #expect(due.map(\.dueOn) == [day("2026-11-15")])
        #expect(due.first?.cadenceDays == 14)
        // Tier C: 90 days, still quiet on day 89.
        #expect(reasons(.checkin, try agenda(account(tier: "C"), on: "2027-01-29", touches: [touch("2026-11-01", .checkin)])).isEmpty)
        #expect(reasons(.checkin, try agenda(account(tier: "C"), on: "2027-01-30", touches: [touch("2026-11-01", .checkin)])).count == 1)
    }

    @Test func neverTouchedIsDueCadenceAfterCreation() throws {
        let a = account(tier: "B", created: "2026-10-01")
        #expect(reasons(.checkin, try agenda(a, on: "2026-10-30")).isEmpty)
        #expect(reasons(.checkin, try agenda(a, on: "2026-10-31")).map(\.dueOn) == [day("2026-10-31")])
    }

    @Test func accountOverrideBeatsTheTier() throws {
        let a = account(tier: "C", cadence: 7)
        #expect(reasons(.checkin, try agenda(a, on: "2026-11-08", touches: [touch("2026-11-01", .other)])).map(\.dueOn) == [day("2026-11-08")])
        #expect(reasons(.checkin, try agenda(a, on: "2026-11-07", touches: [touch("2026-11-01", .other)])).isEmpty)
    }

    @Test func anyTouchKindMovesTheDueDate() throws {
        for kind in TouchKind.allCases {
            let item = try agenda(account(tier: "A"), on: "2026-11-20", touches: [touch("2026-11-01", .checkin), touch("2026-11-10", kind)])
            #expect(reasons(.checkin, item).isEmpty, "a \(kind) touch should move the check-in")
        }
    }

    @Test func dormantAccountsGetNoCheckin() throws {
        #expect(try agenda(account(status: .dormant), on: "2026-11-29") == nil)
        #expect(reasons(.checkin, try agenda(account(status: .active), on: "2026-11-29")).count == 1)
    }

    @Test func touchAfterTheDateIsIgnored() throws {
        // Replaying 2026-11-20: the touch of 2026-11-25 had not happened yet.
        let touches = [touch("2026-10-01", .checkin), touch("2026-11-25", .checkin)]
        let item = try agenda(account(tier: "B"), on: "2026-11-20", touches: touches)
        #expect(reasons(.checkin, item).map(\.dueOn) == [day("2026-10-31")])
        #expect(item?.daysSinceTouch == 50)
        #expect(reasons(.checkin, try agenda(account(tier: "B"), on: "2026-11-26", touches: touches)).isEmpty)
    }

    @Test func accountCreatedAfterTheDateDoesNotExist() throws {
        #expect(try agenda(account(created: "2026-12-01"), on: "2026-11-29") == nil)
    }
}
