import Testing
@testable import RapportCore

/// Days beyond terms and the per-account figures, hand-computed (SPEC "Payer behaviour").
@Suite struct PayerFiguresTests {
    static let asOf = day("2026-11-23")

    func payer(
        _ number: String, due: String, amount: Int64 = 1_000_00, currency: String = "CNY", account: String = "HD-MACH",
        issued: String = "2024-01-01", paid: [(String, Int64)] = [], asOf: CivilDate = asOf
    ) -> PayerInvoice {
        PayerInvoice(
            Invoice(number: number, account: account, issuedOn: day(issued), dueOn: day(due), amount: Money(minor: amount, currency: currency)),
            payments: paid.map { (day($0.0), $0.1) }, asOf: asOf)
    }

    @Test func partialPaymentsArePaidOffTheDayTheyReachTheAmount() {
        // 400 on Feb 20, 600 on Mar 15: paid off Mar 15, 14 days after the Mar 1 due date.
        let paid = [("2026-02-20", Int64(400_00)), ("2026-03-15", 600_00)]
        let invoice = payer("INV-1", due: "2026-03-01", paid: paid)
        #expect(invoice.paidOffOn == day("2026-03-15"))
        #expect(invoice.daysBeyondTerms(asOf: Self.asOf) == 14)
        // Replayed on Mar 10: the second payment does not exist yet; open 9 days past due.
        let replay = payer("INV-1", due: "2026-03-01", paid: paid, asOf: day("2026-03-10"))
        #expect(replay.paidOffOn == nil)
        #expect(replay.paid == 400_00 && replay.open == 600_00)
        #expect(replay.daysBeyondTerms(asOf: day("2026-03-10")) == 9)
    }

    @Test func paymentsOfOneDayCountTogetherAndOverpaymentDoesNotMoveTheDate() {
        #expect(PayerInvoice.paidOffDate(amount: 1_000, payments: [(day("2026-03-05"), 500), (day("2026-03-05"), 500)]) == day("2026-03-05"))
        // Paid in full on Mar 5; an extra 50 on Mar 30 changes nothing.
        #expect(PayerInvoice.paidOffDate(amount: 1_000, payments: [(day("2026-03-30"), 50), (day("2026-03-05"), 1_000)]) == day("2026-03-05"))
        // 600 + 600: reached on the second payment.
        #expect(PayerInvoice.paidOffDate(amount: 1_000, payments: [(day("2026-03-05"), 600), (day("2026-03-20"), 600)]) == day("2026-03-20"))
        #expect(PayerInvoice.paidOffDate(amount: 1_000, payments: [(day("2026-03-05"), 999)]) == nil)
    }

    @Test func anInvoicePaidEarlyCountsZeroNotNegative() {
        let early = payer("INV-2", due: "2026-03-01", paid: [("2026-02-10", 1_000_00)])
        #expect(early.daysBeyondTerms(asOf: Self.asOf) == 0)
        let onTheDay = payer("INV-3", due: "2026-03-01", paid: [("2026-03-01", 1_000_00)])
        #expect(onTheDay.daysBeyondTerms(asOf: Self.asOf) == 0)
        #expect(PaidInvoice(number: "X", dueOn: day("2026-03-01"), paidOffOn: day("2026-02-01")).daysBeyondTerms == 0)
    }

    @Test func windowsAreTheLast365DaysByDueDateAndThe365Before() throws {
        // D = 2026-11-23: the year is [2025-11-24, 2026-11-23], the year before [2024-11-24, 2025-11-23].
        let late = [("2027-01-01", Int64(1_000_00))]  // paid after D: open at D
        let invoices = [
            payer("A-first-day", due: "2025-11-24", paid: late),      // in the year: 364 days past due
            payer("A-last-day", due: "2026-11-23"),                     // due today, open: 0, on time
            payer("P-last-day", due: "2025-11-23", paid: [("2025-11-30", 1_000_00)]),  // year before: 7
            payer("P-first-day", due: "2024-11-24", paid: [("2024-11-25", 1_000_00)]), // year before: 1
            payer("too-old", due: "2024-11-23", paid: [("2024-12-23", 1_000_00)]),     // in neither
        ]
        let figures = try #require(PayerFigures.compute(invoices, owners: ["HD-MACH": "wang"], asOf: Self.asOf).first)
        #expect(figures.rep == "wang")
        #expect(figures.invoices == 2 && figures.onTime == 1 && figures.daysBeyondTotal == 364)
        #expect(figures.avgDaysBeyond == 182.0)
        #expect(figures.priorInvoices == 2 && figures.priorDaysBeyondTotal == 8 && figures.priorAvgDaysBeyond == 4.0)
        #expect(figures.trendDays == 178.0)
        #expect(figures.openAmount == 2_000_00 && figures.openInvoices == 2)
    }

    @Test func onTimeShareAverageP90AndTrend() throws {
        // The year: 0, 0, 5, 23 days beyond terms and one open invoice 40 days past due.
        // The year before: 0, 2, 4. Avg 68 / 5 = 13.6, prior 2.0, trend 11.6; p90 of 5 values
        // is the ⌈4.5⌉ = 5th smallest, 40; on time 2 of 5.
        let invoices = [
            payer("Y1", due: "2026-02-01", paid: [("2026-01-20", 1_000_00)]),
            payer("Y2", due: "2026-03-01", paid: [("2026-03-01", 1_000_00)]),
            payer("Y3", due: "2026-04-01", paid: [("2026-04-06", 1_000_00)]),
            payer("Y4", due: "2026-05-01", paid: [("2026-05-10", 500_00), ("2026-05-24", 500_00)]),
            payer("Y5", due: "2026-10-14", paid: [("2026-10-20", 300_00)]),
            payer("P1", due: "2025-02-01", paid: [("2025-02-01", 1_000_00)]),
            payer("P2", due: "2025-03-01", paid: [("2025-03-03", 1_000_00)]),
            payer("P3", due: "2025-04-01", paid: [("2025-04-05", 1_000_00)]),
        ]
        let figures = try #require(PayerFigures.compute(invoices, owners: [:], asOf: Self.asOf).first)
        #expect(figures.invoices == 5 && figures.onTime == 2)
        #expect(figures.onTimeShare == 0.4)
        #expect(figures.avgDaysBeyond == 13.6)
        #expect(figures.p90DaysBeyond == 40)
        #expect(figures.priorAvgDaysBeyond == 2.0)
        #expect(figures.trendDays == 11.6)
        #expect(figures.openAmount == 700_00 && figures.openInvoices == 1)
    }

    @Test func percentileIsTheNearestRank() {
        #expect(PayerFigures.percentile90([]) == nil)
        #expect(PayerFigures.percentile90([7]) == 7)
        #expect(PayerFigures.percentile90(Array(1...10).reversed()) == 9)   // ⌈9.0⌉ = 9th
        #expect(PayerFigures.percentile90(Array(1...11)) == 10)             // ⌈9.9⌉ = 10th
        #expect(PayerFigures.percentile90([0, 0, 0, 0, 0, 0, 0, 0, 0, 30]) == 0)
    }

    @Test func averagesRoundHalfAwayFromZeroToATenth() {
        #expect(PayerFigures.tenths(7, 3) == 2.3)
        #expect(PayerFigures.tenths(1, 4) == 0.3)   // 0.25
        #expect(PayerFigures.tenths(-1, 4) == -0.3)
        #expect(PayerFigures.tenths(2, 3) == 0.7)
        #expect(PayerFigures.tenths(1, 0) == nil)
    }

    @Test func twoCurrenciesAreTwoRowsRankedByTrendThenOpenAmount() {
        let invoices = [
            // CNY: 10 days late now, 0 a year ago: trend 10.
            payer("C1", due: "2026-06-01", paid: [("2026-06-11", 1_000_00)]),
            payer("C0", due: "2025-06-01", paid: [("2025-06-01", 1_000_00)]),
            // USD: 2 days late both years: trend 0, but 5 000 open.
            payer("U1", due: "2026-06-01", currency: "USD", paid: [("2026-06-03", 1_000_00)]),
            payer("U0", due: "2025-06-01", currency: "USD", paid: [("2025-06-03", 1_000_00)]),
            payer("U2", due: "2026-12-30", amount: 5_000_00, currency: "USD", issued: "2026-11-01"),
            // Another account with no year before (no trend) but much open: last.
            payer("N1", due: "2026-10-01", amount: 90_000_00, account: "NEW"),
            // Issued after D: does not exist yet.
            payer("LATER", due: "2026-12-01", account: "NEW", issued: "2026-11-24"),
        ]
        let figures = PayerFigures.compute(invoices, owners: [:], asOf: Self.asOf)
        #expect(figures.map { "\($0.account) \($0.currency)" } == ["HD-MACH CNY", "HD-MACH USD", "NEW CNY"])
        #expect(figures.map(\.trendDays) == [10.0, 0.0, nil])
        #expect(figures[1].openAmount == 5_000_00 && figures[1].invoices == 1)
        #expect(figures[2].openAmount == 90_000_00 && figures[2].openInvoices == 1)
        #expect(figures[0].slipped(by: 10) && !figures[1].slipped(by: 10) && !figures[2].slipped(by: 10))
    }
}
