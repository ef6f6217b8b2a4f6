import Testing
@testable import RapportCore

/// Receivables, aging, DSO and CEI over Q2 2025: 2025-04-01 … 2025-06-30, 30 + 31 + 30 = 91 days.
@Suite struct ReceivablesTests {
    typealias F = AuditFixtures
    let q2 = F.period("2025-04-01", "2025-06-30")

    func receivables(_ invoices: [Invoice], _ payments: [Payment]) throws -> [String: CurrencyReceivables] {
        let ledger = InvoiceLedger(invoices: invoices, payments: payments, asOf: q2.to)
        let lines = try CurrencyReceivables.compute(ledger: ledger, period: q2)
        #expect(lines.map(\.currency) == lines.map(\.currency).sorted())
        return Dictionary(uniqueKeysWithValues: lines.map { ($0.currency, $0) })
    }

    /// CNY (2 decimals, amounts in fen):
    /// - I1 100 000.00 issued 01-15 due 02-14; paid 40 000.00 on 03-10 and 60 000.00 on 05-10.
    /// - I2  50 000.00 issued 04-10 due 05-10; paid 20 000.00 on 06-20 (partial).
    /// - I3  30 000.00 issued 06-15 due 07-15; unpaid.
    /// - I4  20 000.00 issued 02-01 due 03-03; unpaid.
    /// - I5  99 999.00 issued 07-05, after `to`: does not exist yet.
    /// - a payment on 07-02 (after `to`) on I2 is ignored.
    func cny() -> ([Invoice], [Payment]) {
        ([
            F.invoice("I1", issued: "2025-01-15", due: "2025-02-14", 10_000_000),
            F.invoice("I2", issued: "2025-04-10", due: "2025-05-10", 5_000_000),
            F.invoice("I3", issued: "2025-06-15", due: "2025-07-15", 3_000_000),
            F.invoice("I4", issued: "2025-02-01", due: "2025-03-03", 2_000_000),
            F.invoice("I5", issued: "2025-07-05", due: "2025-08-04", 9_999_900),
        ], [
            F.payment("I1", "2025-03-10", 4_000_000),
            F.payment("I1", "2025-05-10", 6_000_000),
            F.payment("I2", "2025-06-20", 2_000_000),
            F.payment("I2", "2025-07-02", 3_000_000),
        ])
    }

    @Test func openingSalesClosingAndAging() throws {
        let (invoices, payments) = cny()
        let line = try #require(try receivables(invoices, payments)["CNY"])
        // Opening at 03-31: I1 100 000 − 40 000 = 60 000, I4 20 000 (I2, I3 not issued) = 80 000.00.
        #expect(line.opening == 8_000_000)
        // Credit sales, issued in Q2: I2 50 000 + I3 30 000 = 80 000.00.
        #expect(line.creditSales == 8_000_000)
        // Closing at 06-30: I1 0, I2 50 000 − 20 000 = 30 000, I3 30 000, I4 20 000 = 80 000.00.
        #expect(line.open == 8_000_000)
        // Days past due at 06-30: I2 since 05-10 = 21 + 30 = 51 → 31–60;
        // I3 due 07-15 → current; I4 since 03-03 = 28 + 30 + 31 + 30 = 119 → 90+.
        #expect(line.aging == AgingBuckets(current: 3_000_000, d1_30: 0, d31_60: 3_000_000, d61_90: 0, d90Plus: 2_000_000))
        #expect(line.aging.total == line.open)
        // DSO = 80 000 ÷ 80 000 × 91 = 91.00.
        #expect(line.dso == 91)
        // CEI = (80 000 + 80 000 − 80 000) ÷ (80 000 + 80 000 − 30 000) × 100 = 80/130 × 100
        //     = 61.538… → 61.54.
        #expect(line.cei == 61.54)
    }

    @Test func yenHasNoMinorUnitAndIsKeptApart() throws {
        // JPY (exponent 0): J1 ¥1 000 000 issued 05-01 due 05-31, ¥400 000 paid 06-10.
        var (invoices, payments) = cny()
        invoices.append(F.invoice("J1", issued: "2025-05-01", due: "2025-05-31", 1_000_000, "JPY"))
        payments.append(F.payment("J1", "2025-06-10", 400_000))
        let lines = try receivables(invoices, payments)
        #expect(lines.keys.sorted() == ["CNY", "JPY"])
        let yen = try #require(lines["JPY"])
        #expect(yen.opening == 0)
        #expect(yen.creditSales == 1_000_000)
        #expect(yen.open == 600_000)
        // 05-31 → 06-30 = 30 days past due → 1–30.
        #expect(yen.aging == AgingBuckets(d1_30: 600_000))
        // DSO = 600 000 ÷ 1 000 000 × 91 = 54.6.
        #expect(yen.dso == 54.6)
        // CEI = (0 + 1 000 000 − 600 000) ÷ (0 + 1 000 000 − 0) × 100 = 40.
        #expect(yen.cei == 40)
        // The yen did not leak into the yuan.
        #expect(lines["CNY"]?.open == 8_000_000)
    }

    @Test func dsoAndCeiAreNullWhenTheirDenominatorIsZero() throws {
        // EUR: E1 5 000.00 issued 03-20 (before the period) due 07-31, unpaid. No credit
        // sales in Q2 → DSO null. Opening 5 000, closing 5 000, all current →
        // CEI denominator 5 000 + 0 − 5 000 = 0 → null.
        let eur = try #require(try receivables(
            [F.invoice("E1", issued: "2025-03-20", due: "2025-07-31", 500_000, "EUR")], [])["EUR"])
        #expect(eur.creditSales == 0)
        #expect(eur.dso == nil)
        #expect(eur.cei == nil)
        #expect(eur.aging == AgingBuckets(current: 500_000))

        // USD: U1 1 000.00 issued and due in January, unpaid: DSO null (no sales), but the
        // CEI denominator is 1 000 + 0 − 0 = 1 000, so CEI = (1 000 − 1 000) ÷ 1 000 = 0.
        let usd = try #require(try receivables(
            [F.invoice("U1", issued: "2025-01-01", due: "2025-01-31", 100_000, "USD")], [])["USD"])
        #expect(usd.dso == nil)
        #expect(usd.cei == 0)
        #expect(usd.aging == AgingBuckets(d90Plus: 100_000))  // 01-31 → 06-30 = 150 days
    }

    @Test func agingBucketBoundaries() throws {
        var aging = AgingBuckets()
        for (days, amount) in [(0, 1), (1, 10), (30, 100), (31, 1_000), (60, 10_000), (61, 100_000), (90, 1_000_000), (91, 10_000_000)] {
            try aging.add(Int64(amount), daysPastDue: days)
        }
        #expect(aging == AgingBuckets(current: 1, d1_30: 110, d31_60: 11_000, d61_90: 1_100_000, d90Plus: 10_000_000))
    }

    @Test func partialPaymentsReduceTheBalanceOnTheDayTheyAreMade() throws {
        let ledger = InvoiceLedger(
            invoices: [F.invoice("I1", issued: "2025-04-01", due: "2025-04-30", 1_000)],
            payments: [F.payment("I1", "2025-05-10", 300), F.payment("I1", "2025-05-05", 200)], asOf: q2.to)
        let entry = try #require(ledger.entry(number: "I1"))
        #expect(entry.payments.map(\.amount) == [200, 300])  // oldest first
        #expect(try entry.balance(onDay: F.date("2025-03-31").dayNumber) == 0)  // not issued yet
        #expect(try entry.balance(onDay: F.date("2025-05-04").dayNumber) == 1_000)
        #expect(try entry.balance(onDay: F.date("2025-05-05").dayNumber) == 800)
        #expect(try entry.balance(onDay: F.date("2025-05-10").dayNumber) == 500)
    }

    @Test func overflowingTotalsAreBadDataNotACrash() {
        let invoices = (1...3).map { F.invoice("X\($0)", issued: "2025-04-01", due: "2025-05-01", Int64.max / 2) }
        #expect(throws: RapportError.self) { try receivables(invoices, []) }
    }
}
