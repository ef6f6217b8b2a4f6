import Testing
@testable import RapportCore

/// Kept = the balance the promise covers is settled by the end of promised_on.
@Suite struct PromiseOutcomeTests {
    typealias F = AuditFixtures
    let may = F.period("2025-05-01", "2025-05-31")

    func promise(_ account: String = "A1", invoice: String? = nil, _ day: String, _ minor: Int64 = 1_000) -> Promise {
        Promise(account: account, invoice: invoice, promisedOn: F.date(day), amount: Money(minor: minor, currency: "CNY"))
    }

    func outcome(_ promise: Promise, _ invoices: [Invoice], _ payments: [Payment]) throws -> PromiseOutcome {
        try PromiseOutcome.evaluate(promise, ledger: InvoiceLedger(invoices: invoices, payments: payments, asOf: may.to))
    }

    let k1 = F.invoice("K1", issued: "2025-04-01", due: "2025-05-01", 1_000)

    @Test func paidOnThePromisedDayIsKept() throws {
        #expect(try outcome(promise(invoice: "K1", "2025-05-15"), [k1], [F.payment("K1", "2025-05-15", 1_000)]) == .kept)
    }

    @Test func paidADayLateIsBroken() throws {
        #expect(try outcome(promise(invoice: "K1", "2025-05-15"), [k1], [F.payment("K1", "2025-05-16", 1_000)]) == .broken)
    }

    @Test func partPaidIsBroken() throws {
        #expect(try outcome(promise(invoice: "K1", "2025-05-15"), [k1], [F.payment("K1", "2025-05-10", 999)]) == .broken)
    }

    @Test func accountWidePromiseCoversEveryInvoiceIssuedByThen() throws {
        let k2 = F.invoice("K2", issued: "2025-04-10", due: "2025-05-10", 500)
        let late = F.invoice("K3", issued: "2025-05-20", due: "2025-06-20", 700)  // after promised_on
        let other = F.invoice("Z1", account: "B1", issued: "2025-04-01", due: "2025-05-01", 900)  // another account
        let p = promise("A1", "2025-05-15")
        // K1 paid, K2 still open → broken.
        #expect(try outcome(p, [k1, k2, late, other], [F.payment("K1", "2025-05-01", 1_000)]) == .broken)
        // Both paid; K3 (issued later) and B1's invoice do not matter → kept.
        #expect(try outcome(p, [k1, k2, late, other],
                            [F.payment("K1", "2025-05-01", 1_000), F.payment("K2", "2025-05-14", 500)]) == .kept)
    }

    @Test func talliesPerAccountAndRep() throws {
        // ann owns A1 and A2, bob owns B1. In May: A1 one kept and one broken, A2 one
        // broken, B1 one kept; a promise due in June is not yet judged.
        let input = AuditInput(
            reps: [Rep(handle: "ann", name: "Ann"), Rep(handle: "bob", name: "Bob")],
            accounts: [F.account("A1"), F.account("A2"), F.account("B1", owner: "bob")],
            invoices: [
                k1, F.invoice("K2", issued: "2025-04-10", due: "2025-05-10", 500),
                F.invoice("M1", account: "A2", issued: "2025-04-01", due: "2025-05-01", 800),
                F.invoice("Z1", account: "B1", issued: "2025-04-01", due: "2025-05-01", 900),
            ],
            payments: [F.payment("K1", "2025-05-05", 1_000), F.payment("Z1", "2025-05-20", 900)],
            promises: [
                promise(invoice: "K1", "2025-05-06"),  // kept: paid 05-05
                promise(invoice: "K2", "2025-05-12"),  // broken: never paid
                promise("A2", "2025-05-20"),  // broken: M1 open
                promise("B1", invoice: "Z1", "2025-05-25"),  // kept
                promise(invoice: "K2", "2025-06-05"),  // after the period: not judged
            ])
        let report = try F.report(input, may)
        let byAccount = Dictionary(uniqueKeysWithValues: report.accounts.map { ($0.account, $0.promises) })
        #expect(byAccount["A1"] == PromiseTally(kept: 1, broken: 1))
        #expect(byAccount["A2"] == PromiseTally(kept: 0, broken: 1))
        #expect(byAccount["B1"] == PromiseTally(kept: 1, broken: 0))
        #expect(byAccount["A1"]?.keptRate == 0.5)
        let ann = try #require(report.reps.first { $0.rep == "ann" })
        #expect(ann.promises == PromiseTally(kept: 1, broken: 2))
        #expect(ann.promises.keptRate == 1.0 / 3.0)
        #expect(report.reps.first { $0.rep == "bob" }?.promises.keptRate == 1)
        #expect(PromiseTally().keptRate == nil)
    }
}
