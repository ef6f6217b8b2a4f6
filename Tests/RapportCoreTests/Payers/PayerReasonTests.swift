import Testing
@testable import RapportCore

/// The `payer` agenda reason, hand-computed. Six invoices of a tier-A account, due on the
/// 10th of each month, paid 0, 3, 9 days late (average 4) and then 15, 20, 34 days late
/// (average 23): 19 days worse, due the day the last was paid off, 2026-07-14.
@Suite struct PayerReasonTests {
    static let customer = account(tier: "A")
    static let dues = ["2026-01-10", "2026-02-10", "2026-03-10", "2026-04-10", "2026-05-10", "2026-06-10"]
    static let paidOn = ["2026-01-10", "2026-02-13", "2026-03-19", "2026-04-25", "2026-05-30", "2026-07-14"]
    static let invoices = dues.enumerated().map { invoice("INV-\($0.offset + 1)", due: $0.element, amount: 1_000_00) }
    static func payments(_ dates: [String] = paidOn) -> [Payment] {
        dates.enumerated().map { Payment(invoice: "INV-\($0.offset + 1)", paidOn: day($0.element), amount: 1_000_00) }
    }
    static let people = [
        Contact(key: "li", account: "HD-MACH", name: "李明", role: .decisionMaker),
        Contact(key: "zhao", account: "HD-MACH", name: "赵芳", role: .finance),
        Contact(key: "chen", account: "HD-MACH", name: "陈工", role: .influencer),
    ]

    func payer(
        on date: String, account: Account = customer, invoices: [Invoice] = invoices, payments: [Payment] = payments(),
        touches: [Touch] = [], events: [Event] = [], snoozes: [Snooze] = [], config: RapportConfig = RapportConfig()
    ) throws -> Reason? {
        reasons(.payer, try agenda(
            account, on: date, contacts: Self.people, events: events, touches: touches, invoices: invoices,
            payments: payments, snoozes: snoozes, config: config)).first
    }

    func contactTouch(_ date: String, _ kind: TouchKind, with contact: String) -> Touch {
        Touch(account: "HD-MACH", contact: contact, rep: "wang", date: day(date), channel: .visit, kind: kind)
    }

    @Test func slippingPaymentGivesTheReasonOnTheDayTheSixthIsPaidOff() throws {
        let reason = try #require(try payer(on: "2026-07-14"))
        #expect(reason.dueOn == day("2026-07-14"))
        let trend = try #require(reason.payer)
        #expect(trend.invoices.map(\.number) == ["INV-1", "INV-2", "INV-3", "INV-4", "INV-5", "INV-6"])
        #expect(trend.invoices.map(\.daysBeyondTerms) == [0, 3, 9, 15, 20, 34])
        #expect(trend.priorDays == 12 && trend.recentDays == 69)
        #expect(trend.priorAverage == 4.0 && trend.recentAverage == 23.0 && trend.worsening == 19.0)
        #expect(AgendaWords.phrase(reason, on: day("2026-07-14"), daysSinceTouch: nil)
            == "paid 4 → 23 days late over the last 6 invoices")
        // Still there weeks later while nobody visits.
        #expect(try payer(on: "2026-09-01")?.dueOn == day("2026-07-14"))
    }

    @Test func replayBeforeTheLastPaymentHasNoReason() throws {
        // On 07-13 INV-6 is still open: five paid invoices only.
        #expect(try payer(on: "2026-07-13") == nil)
        // Paid in two halves, on 06-20 and 07-14: paid off 07-14 as before, not before.
        var split = Self.payments().filter { $0.invoice != "INV-6" }
        split += [Payment(invoice: "INV-6", paidOn: day("2026-06-20"), amount: 500_00),
                  Payment(invoice: "INV-6", paidOn: day("2026-07-14"), amount: 500_00)]
        #expect(try payer(on: "2026-07-13", payments: split) == nil)
        #expect(try payer(on: "2026-07-14", payments: split)?.payer?.recentDays == 69)
    }

    @Test func fewerThanSixPaidInvoicesGiveNoReason() throws {
        let five = Array(Self.invoices.dropFirst())
        #expect(try payer(on: "2026-08-01", invoices: five) == nil)
        // Six invoices but one never paid: five paid.
        #expect(try payer(on: "2026-08-01", payments: Array(Self.payments().dropLast())) == nil)
    }

    @Test func theThresholdIsAtLeastTenDaysOnAverage() throws {
        // Recent 15, 20, 7 = 42 vs 12: exactly 10 days worse. 15, 20, 6 = 41: 9.67, none.
        var dates = Self.paidOn
        dates[5] = "2026-06-17"
        #expect(try payer(on: "2026-06-17", payments: Self.payments(dates))?.payer?.worsening == 10.0)
        dates[5] = "2026-06-16"
        #expect(try payer(on: "2026-06-16", payments: Self.payments(dates)) == nil)
        var config = RapportConfig()
        config.payerMinWorseningDays = 20
        #expect(try payer(on: "2026-07-14", config: config) == nil)
    }

    @Test func onlyTheConfiguredTiers() throws {
        #expect(try payer(on: "2026-07-14", account: account(tier: "C")) == nil)
        var config = RapportConfig()
        config.payerTiers = ["C"]
        #expect(try payer(on: "2026-07-14", account: account(tier: "C"), config: config) != nil)
    }

    @Test func invoicesInTwoCurrenciesCountTogether() throws {
        var mixed = Self.invoices
        mixed[4].amount = Money(minor: 200_00, currency: "USD")
        mixed[1].amount = Money(minor: 1_000_00, currency: "USD")
        var payments = Self.payments()
        payments[4].amount = 200_00
        #expect(try payer(on: "2026-07-14", invoices: mixed, payments: payments)?.payer?.worsening == 19.0)
    }

    @Test func aQuietPeriodHidesItAndASnoozeToo() throws {
        let accident = Event(account: "HD-MACH", kind: .incident, title: "Fire", date: .gregorian(day("2026-07-12")), sensitive: true)
        // Quiet in [07-12, 07-19].
        #expect(try payer(on: "2026-07-14", events: [accident]) == nil)
        #expect(try payer(on: "2026-07-19", events: [accident]) == nil)
        #expect(try payer(on: "2026-07-20", events: [accident]) != nil)
        let snooze = Snooze(account: "HD-MACH", kind: .payer, until: day("2026-07-31"))
        #expect(try payer(on: "2026-07-31", snoozes: [snooze]) == nil)
        #expect(try payer(on: "2026-08-01", snoozes: [snooze]) != nil)
    }

    @Test func doneByAVisitOrCheckinWithTheDecisionMakerOrFinance() throws {
        // The wrong role, the wrong kind, no contact, or before due_on: still open.
        #expect(try payer(on: "2026-07-16", touches: [contactTouch("2026-07-15", .visit, with: "chen")]) != nil)
        #expect(try payer(on: "2026-07-16", touches: [contactTouch("2026-07-15", .collection, with: "zhao")]) != nil)
        #expect(try payer(on: "2026-07-16", touches: [touch("2026-07-15", .visit)]) != nil)
        #expect(try payer(on: "2026-07-16", touches: [contactTouch("2026-07-13", .visit, with: "li")]) != nil)
        // The right ones, on due_on or after it.
        #expect(try payer(on: "2026-07-16", touches: [contactTouch("2026-07-14", .visit, with: "li")]) == nil)
        #expect(try payer(on: "2026-07-16", touches: [contactTouch("2026-07-15", .checkin, with: "zhao")]) == nil)
        // A touch after D does not exist yet on a replayed day.
        #expect(try payer(on: "2026-07-14", touches: [contactTouch("2026-07-15", .visit, with: "li")]) != nil)
    }

    @Test func ranksAfterCareAndMoneyAndBeforeCheckins() {
        let config = RapportConfig()
        let date = day("2026-07-14")
        let paid = zip(Self.invoices, Self.paidOn).map { PaidInvoice(number: $0.number, dueOn: $0.dueOn, paidOffOn: day($1)) }
        let trend = PayerTrend(invoices: paid)
        var payerReason = Reason(kind: .payer, dueOn: date)
        payerReason.payer = trend
        func item(_ reasons: [Reason]) -> AgendaItem {
            AgendaItem(date: date, account: "X", accountName: "X", rep: "wang", reasons: reasons, daysSinceTouch: nil, tier: "A")
        }
        let care = AgendaRanking.score(item([Reason(kind: .care, dueOn: date)]), config: config).total
        let payer = AgendaRanking.score(item([payerReason]), config: config).total
        let checkin = AgendaRanking.score(item([Reason(kind: .checkin, dueOn: day("2026-01-01"), cadenceDays: 14)]), config: config).total
        #expect(AgendaRanking.score(item([payerReason]), config: config).payer == 19)
        #expect(care > payer)
        #expect(payer > checkin)
        // Money at risk comes first: an overdue invoice outranks the slipping payer.
        let overdue = Reason(kind: .collection, dueOn: date, level: .overdue)
        #expect(AgendaRanking.score(item([overdue]), config: config).total > payer)
    }

    @Test func theRangeHistoryGivesTheSameReasonAsTheWholeHistory() throws {
        // What the loader builds: the six paid invoices and the touches that close the reason.
        let paid = zip(Self.invoices, Self.paidOn).map { PaidInvoice(number: $0.number, dueOn: $0.dueOn, paidOffOn: day($1)) }
        let history = AgendaHistory(
            account: Self.customer, lastTouchBefore: day("2026-07-10"), payer: PayerHistory(paidOff: paid, contactTouches: [day("2026-07-16")]))
        let context = AgendaContext(date: day("2026-07-13"), config: RapportConfig(), occasions: noOccasions)
        let days = try AgendaRules.days([history], from: day("2026-07-13"), through: day("2026-07-16"), context: context)
        func kinds(_ index: Int) -> [ReasonKind] { days[index].items.first?.reasons.map(\.kind) ?? [] }
        #expect(!kinds(0).contains(.payer))
        #expect(kinds(1).contains(.payer) && kinds(2).contains(.payer))
        #expect(!kinds(3).contains(.payer))
    }
}
