import Testing
@testable import RapportCore

@Suite struct PolicyWhatIfTests {
    typealias F = AuditFixtures
    /// June 2025: 30 days.
    let june = F.period("2025-06-01", "2025-06-30")

    func policy(_ penalty: String, _ commission: String) -> AuditPolicy {
        AuditPolicy(penaltyRate: F.rate(penalty), commissionRate: F.rate(commission))
    }

    func lines(_ invoices: [Invoice], _ payments: [Payment], _ policy: AuditPolicy, reps: [String] = ["ann"]) throws -> [PolicyLine] {
        let ledger = InvoiceLedger(invoices: invoices, payments: payments, asOf: june.to)
        return try PolicyLine.compute(
            ledger: ledger, owners: ["A1": "ann", "B1": "bob"], reps: reps, period: june, policy: policy)
    }

    @Test func theDomainsWorkedCheck() throws {
        // P1: 100 000.00 due 05-31, unpaid: past due on every day of June (due_on < d).
        //   Σ = 10 000 000 fen × 30 days = 300 000 000 fen-days; × 0.0001 = 30 000 fen = 300.00.
        // P2: 100 000.00 issued 06-01, due 07-31, paid in full on 06-15 (never past due).
        //   Commission 3 % × 10 000 000 fen = 300 000 fen = 3 000.00.
        let result = try lines(
            [F.invoice("P1", issued: "2025-05-01", due: "2025-05-31", 10_000_000),
             F.invoice("P2", issued: "2025-06-01", due: "2025-07-31", 10_000_000)],
            [F.payment("P2", "2025-06-15", 10_000_000)],
            policy("0.0001", "0.03"))
        #expect(result == [PolicyLine(
            rep: "ann", currency: "CNY", penalty: 30_000, commission: 300_000,
            pastDueAmountDays: 300_000_000, collected: 10_000_000)])
        // The same rates written as percentages.
        #expect(try lines(
            [F.invoice("P1", issued: "2025-05-01", due: "2025-05-31", 10_000_000)], [], policy("0.01%", "3%")
        ).first?.penalty == 30_000)
    }

    @Test func partialPaymentLowersThePastDueAmountFromItsDay() throws {
        // 1 000.00 due 06-10; 400.00 paid 06-20. Past due on 06-11 … 06-30:
        //   06-11 … 06-19 =  9 days × 100 000 fen =   900 000
        //   06-20 … 06-30 = 11 days ×  60 000 fen =   660 000 (the payment counts on its day)
        //   Σ = 1 560 000 fen-days × 0.0001 = 156 fen; commission 3 % × 40 000 = 1 200 fen.
        let line = try #require(try lines(
            [F.invoice("Q1", issued: "2025-05-11", due: "2025-06-10", 100_000)],
            [F.payment("Q1", "2025-06-20", 40_000)], policy("0.0001", "0.03")).first)
        #expect(line.pastDueAmountDays == 1_560_000)
        #expect(line.penalty == 156)
        #expect(line.commission == 1_200)
    }

    @Test func paymentsBeforeThePeriodAndOverpaymentsCountNoPenalty() throws {
        // Due 04-30, half paid 05-15 (before June), the rest overpaid on 06-05:
        //   06-01 … 06-04 = 4 days × 50 000 = 200 000; from 06-05 the balance is −10 000 → 0.
        let line = try #require(try lines(
            [F.invoice("R1", issued: "2025-04-01", due: "2025-04-30", 100_000)],
            [F.payment("R1", "2025-05-15", 50_000), F.payment("R1", "2025-06-05", 60_000)],
            policy("0.001", "0.1")).first)
        #expect(line.pastDueAmountDays == 200_000)
        #expect(line.penalty == 200)
        #expect(line.collected == 60_000)  // only June's payment earns commission
        #expect(line.commission == 6_000)
    }

    @Test func roundingIsHalfUpOnceOnTheRepsTotal() throws {
        // JPY (no minor unit). Two invoices of ¥5, each due 06-10 and unpaid: past due
        // 06-11 … 06-30 = 20 days → 100 yen-days each, 200 in all.
        // At 0.004: each alone would be 0.4 → 0, but the total 200 × 0.004 = 0.8 → 1.
        // At 0.0075: 200 × 0.0075 = 1.5 → 2 (half up).
        let invoices = ["Y1", "Y2"].map { F.invoice($0, issued: "2025-05-01", due: "2025-06-10", 5, "JPY") }
        #expect(try lines(invoices, [], policy("0.004", "0")).first?.penalty == 1)
        #expect(try lines(invoices, [], policy("0.0075", "0")).first?.penalty == 2)
        // Commission on ¥50 collected at 3 % = 1.5 → 2.
        let paid = try lines(
            [F.invoice("Y3", issued: "2025-06-01", due: "2025-06-30", 50, "JPY")], [F.payment("Y3", "2025-06-02", 50)],
            policy("0", "0.03"))
        #expect(paid.first?.commission == 2)
    }

    @Test func oneLinePerRepAndCurrencyIncludingRepsWithNothing() throws {
        let result = try lines(
            [F.invoice("C1", issued: "2025-05-01", due: "2025-05-31", 1_000),
             F.invoice("J1", account: "B1", issued: "2025-05-01", due: "2025-05-31", 1_000, "JPY")],
            [], policy("0.001", "0.03"), reps: ["cy", "bob", "ann"])
        #expect(result.map { "\($0.rep) \($0.currency)" } == [
            "ann CNY", "ann JPY", "bob CNY", "bob JPY", "cy CNY", "cy JPY",
        ])
        // ann: 1 000 × 30 × 0.001 = 30; bob: the same in yen.
        #expect(result.map(\.penalty) == [30, 0, 0, 30, 0, 0])
    }
}

@Suite struct DecimalRateTests {
    @Test func parsesDecimalsAndPercentagesExactly() {
        #expect(DecimalRate("0.0001") == DecimalRate(units: 1, scale: 4))
        #expect(DecimalRate("0.01%") == DecimalRate(units: 1, scale: 4))
        #expect(DecimalRate("3%") == DecimalRate(units: 3, scale: 2))
        #expect(DecimalRate(".03") == DecimalRate(units: 3, scale: 2))
        #expect(DecimalRate("1") == DecimalRate(units: 1, scale: 0))
        #expect(DecimalRate("0.000000000000000001") == DecimalRate(units: 1, scale: 18))
    }

    @Test func rejectsAnythingElse() {
        for bad in ["", ".", "%", "-0.1", "+0.1", "1e-4", "0.1.2", "abc", "0,1", " 0.1", "0.0000000000000000001", "99999999999999999999"] {
            #expect(DecimalRate(bad) == nil, "accepted \(bad)")
        }
    }

    @Test func printsWithoutTrailingZeros() {
        #expect(DecimalRate("0.0300")?.description == "0.03")
        #expect(DecimalRate("0.01%")?.description == "0.0001")
        #expect(DecimalRate("2")?.description == "2")
    }

    @Test func appliesWithOneRoundingHalfAwayFromZero() {
        let half = DecimalRate(units: 5, scale: 1)
        #expect(half.applied(to: 3) == 2)  // 1.5 → 2
        #expect(half.applied(to: 5) == 3)  // 2.5 → 3
        #expect(half.applied(to: -5) == -3)  // −2.5 → −3
        let tiny = DecimalRate(units: 1, scale: 4)
        #expect(tiny.applied(to: 4_999) == 0)  // 0.4999
        #expect(tiny.applied(to: 5_000) == 1)  // 0.5
        #expect(tiny.applied(to: 300_000_000) == 30_000)
    }

    @Test func noBinaryFloatingPointDrift() throws {
        // 0.285 × 100 = 28.5 exactly → 29. In binary floating point it is
        // 28.499999999999996, which a Double-based rounding would turn into 28.
        #expect(0.285 * 100.0 < 28.5)
        let rate = try #require(DecimalRate("0.285"))
        #expect(rate.applied(to: 100) == 29)
    }

    @Test func ratiosRoundHalfAwayFromZeroWithTheirSign() {
        #expect(ExactArithmetic.ratio(2, times: 100, over: 3, decimals: 2) == 66.67)
        #expect(ExactArithmetic.ratio(-1, times: 100, over: 3, decimals: 2) == -33.33)
        #expect(ExactArithmetic.ratio(1, times: 100, over: -8, decimals: 2) == -12.5)
        #expect(ExactArithmetic.ratio(1, times: 1, over: 200, decimals: 2) == 0.01)  // 0.005 → 0.01
        #expect(ExactArithmetic.ratio(0, times: 91, over: 5, decimals: 2) == 0)
        #expect(ExactArithmetic.ratio(5, times: 91, over: 0, decimals: 2) == nil)
    }

    @Test func overflowIsReportedNotTrapped() {
        #expect(DecimalRate(units: 2, scale: 0).applied(to: .max) == nil)
        #expect(DecimalRate(units: 1, scale: 0).applied(to: .max) == .max)
    }
}
