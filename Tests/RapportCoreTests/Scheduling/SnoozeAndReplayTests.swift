import Testing
@testable import RapportCore

@Suite struct SnoozeRuleTests {
    @Test func snoozeHidesItsKindThroughTheUntilDate() throws {
        let a = account(tier: "B", created: "2026-01-01")
        let inv = invoice("INV-1", due: "2026-10-01")
        let snooze = Snooze(account: a.key, kind: .checkin, until: day("2026-11-29"))
        let hidden = try agenda(a, on: "2026-11-29", invoices: [inv], snoozes: [snooze])
        #expect(reasons(.checkin, hidden).isEmpty)
        #expect(reasons(.collection, hidden).count == 1)  // other kinds stay
        #expect(reasons(.checkin, try agenda(a, on: "2026-11-30", invoices: [inv], snoozes: [snooze])).count == 1)
        // An item whose only reason is snoozed disappears.
        #expect(try agenda(a, on: "2026-11-29", snoozes: [snooze]) == nil)
    }
}

@Suite struct ReplayTests {
    /// The agenda of an earlier day, computed with everything recorded since, equals the
    /// agenda computed that day with only what existed then.
    @Test func pastDateGivesThatDaysAnswer() throws {
        let a = account(tier: "A", created: "2026-01-01")
        let then = day("2026-10-20")
        let past = [touch("2026-10-01", .checkin), touch("2026-10-05", .collection)]
        let later = [touch("2026-10-21", .collection), touch("2026-10-25", .visit)]
        let invoices = [invoice("INV-1", due: "2026-10-01"), invoice("INV-2", due: "2026-10-01", issued: "2026-10-22")]
        let payments = [Payment(invoice: "INV-1", paidOn: day("2026-10-10"), amount: 10_00), Payment(invoice: "INV-1", paidOn: day("2026-10-30"), amount: 100_000_00)]
        let everything = try agenda(a, on: "2026-10-20", touches: past + later, invoices: invoices, payments: payments)
        let thatDay = try agenda(
            a, on: "2026-10-20", touches: past, invoices: [invoices[0]], payments: payments.filter { $0.paidOn <= then })
        #expect(everything != nil)
        #expect(everything == thatDay)
        #expect(reasons(.checkin, everything).map(\.dueOn) == [day("2026-10-19")])  // last touch 10-05 + 14
        let balance: Int64? = reasons(.collection, everything).first?.invoices.first?.balance
        #expect(balance == 9_999_000)  // 100 000.00 less the 10.00 paid by then
        #expect(everything?.daysSinceTouch == 15)
    }
}
