import Testing
@testable import RapportCore

@Suite struct CollectionRuleTests {
    // Due 2026-10-01: reminder 09-28, overdue 10-02, second 10-16, escalation 10-31, notice 11-30.
    static let inv = invoice("INV-1042", due: "2026-10-01")

    func collection(_ date: String, invoices: [Invoice] = [inv], payments: [Payment] = [], touches: [Touch] = []) throws -> Reason? {
        reasons(.collection, try agenda(account(), on: date, touches: touches, invoices: invoices, payments: payments)).first
    }

    @Test func ladderOfLevels() throws {
        #expect(try collection("2026-09-27") == nil)
        let expected: [(String, CollectionLevel, String)] = [
            ("2026-09-28", .reminder, "2026-09-28"), ("2026-10-01", .reminder, "2026-09-28"),
            ("2026-10-02", .overdue, "2026-10-02"), ("2026-10-15", .overdue, "2026-10-02"),
            ("2026-10-16", .second, "2026-10-16"), ("2026-10-31", .escalation, "2026-10-31"),
            ("2026-11-30", .notice, "2026-11-30"), ("2027-06-01", .notice, "2026-11-30"),
        ]
        for (date, level, dueOn) in expected {
            let reason = try collection(date)
            #expect(reason?.level == level, "on \(date)")
            #expect(reason?.dueOn == day(dueOn), "on \(date)")
        }
        #expect(try collection("2026-10-20")?.invoices.first?.daysOverdue == 19)
        #expect(try collection("2026-10-20")?.invoices.first?.balance == 100_000_00)
    }

    @Test func doneLevelsDropOutUntilTheNextLevel() throws {
        let chased = [touch("2026-10-16", .collection)]
        #expect(try collection("2026-10-16", touches: chased) == nil)
        #expect(try collection("2026-10-30", touches: chased) == nil)
        #expect(try collection("2026-10-31", touches: chased)?.level == .escalation)
        // A collection touch before the level's date does not close it; other kinds never do.
        #expect(try collection("2026-10-16", touches: [touch("2026-10-15", .collection)])?.level == .second)
        #expect(try collection("2026-10-17", touches: [touch("2026-10-16", .visit)])?.level == .second)
    }

    @Test func reasonNamesTheHighestLevelLeftAndItsEarliestDate() throws {
        let older = invoice("INV-1", due: "2026-09-01")   // escalation on 10-01
        let oldest = invoice("INV-4", due: "2026-08-25")  // escalation on 09-24
        let middle = invoice("INV-3", due: "2026-09-20")  // second on 10-05
        let newer = invoice("INV-2", due: "2026-10-01")   // second on 10-16
        let all = [older, oldest, middle, newer]
        let open = try collection("2026-10-19", invoices: all)
        #expect(open?.level == .escalation)
        #expect(open?.dueOn == day("2026-09-24"))
        #expect(open?.invoices.map(\.invoice.number) == ["INV-4", "INV-1", "INV-3", "INV-2"])
        // A collection touch on 10-10 deals with both escalations and INV-3's second, not INV-2's.
        let left = try collection("2026-10-19", invoices: all, touches: [touch("2026-10-10", .collection)])
        #expect(left?.level == .second)
        #expect(left?.dueOn == day("2026-10-16"))
        #expect(left?.invoices.map(\.invoice.number) == ["INV-2"])
    }

    @Test func partialPaymentsLeaveTheBalanceOpen() throws {
        let half = Payment(invoice: "INV-1042", paidOn: day("2026-10-05"), amount: 50_000_00)
        #expect(try collection("2026-10-20", payments: [half])?.invoices.first?.balance == 50_000_00)
        let rest = Payment(invoice: "INV-1042", paidOn: day("2026-10-10"), amount: 50_000_00)
        #expect(try collection("2026-10-20", payments: [half, rest]) == nil)
        // Replaying 10-08, the second payment had not been made.
        #expect(try collection("2026-10-08", payments: [half, rest])?.invoices.first?.balance == 50_000_00)
    }

    @Test func invoicesIssuedAfterTheDateDoNotExist() throws {
        let future = invoice("INV-9", due: "2026-10-01", issued: "2026-10-25")
        #expect(try collection("2026-10-20", invoices: [future]) == nil)
        #expect(try collection("2026-10-25", invoices: [future])?.level == .second)
    }
}

@Suite struct PromiseRuleTests {
    static let a = invoice("INV-1", due: "2026-10-01")
    static let b = invoice("INV-2", due: "2026-10-01")

    func promise(_ invoice: String?, on date: String) -> Promise {
        Promise(account: "HD-MACH", invoice: invoice, promisedOn: day(date), amount: Money(minor: 100_000_00, currency: "CNY"))
    }

    func item(_ date: String, promises: [Promise], touches: [Touch] = [], payments: [Payment] = []) throws -> AgendaItem? {
        try agenda(account(), on: date, touches: touches, invoices: [Self.a, Self.b], payments: payments, promises: promises)
    }

    @Test func unbrokenPromiseHoldsOffCollectionOfItsInvoice() throws {
        let item = try item("2026-11-10", promises: [promise("INV-1", on: "2026-11-10")])
        #expect(reasons(.collection, item).first?.invoices.map(\.invoice.number) == ["INV-2"])
        #expect(reasons(.promise, item).isEmpty)
    }

    @Test func promiseNamingNoInvoiceHoldsOffTheWholeAccount() throws {
        #expect(reasons(.collection, try item("2026-11-10", promises: [promise(nil, on: "2026-11-10")])).isEmpty)
    }

    @Test func theDayAfterABrokenPromise() throws {
        let item = try item("2026-11-11", promises: [promise("INV-1", on: "2026-11-10")])
        let broken = reasons(.promise, item)
        #expect(broken.map(\.dueOn) == [day("2026-11-11")])
        #expect(broken.first?.invoices.map(\.invoice.number) == ["INV-1"])
        #expect(reasons(.collection, item).first?.invoices.map(\.invoice.number) == ["INV-1", "INV-2"])
    }

    @Test func brokenPromiseDoneByACollectionTouchAfterIt() throws {
        let p = [promise(nil, on: "2026-11-10")]
        #expect(reasons(.promise, try item("2026-11-12", promises: p, touches: [touch("2026-11-11", .collection)])).isEmpty)
        #expect(reasons(.promise, try item("2026-11-12", promises: p, touches: [touch("2026-11-10", .collection)])).count == 1)
    }

    /// A promise naming no invoice lists the account's open invoices oldest due first, then
    /// by number, whatever order they come in (a replayed day loads them in another order).
    @Test func brokenPromiseListsItsInvoicesInAFixedOrder() throws {
        let late = invoice("INV-0", due: "2026-10-05")
        let p = [promise(nil, on: "2026-11-10")]
        for invoices in [[Self.b, late, Self.a], [late, Self.a, Self.b], [Self.a, Self.b, late]] {
            let item = try agenda(account(), on: "2026-11-11", invoices: invoices, promises: p)
            #expect(reasons(.promise, item).first?.invoices.map(\.invoice.number) == ["INV-1", "INV-2", "INV-0"])
        }
    }

    @Test func keptPromiseGivesNoReason() throws {
        let paid = [Payment(invoice: "INV-1", paidOn: day("2026-11-09"), amount: 100_000_00)]
        #expect(reasons(.promise, try item("2026-11-12", promises: [promise("INV-1", on: "2026-11-10")], payments: paid)).isEmpty)
        // Without an invoice it covers the account: still open while INV-2 is.
        #expect(reasons(.promise, try item("2026-11-12", promises: [promise(nil, on: "2026-11-10")], payments: paid)).count == 1)
    }
}
