import Testing
@testable import RapportCore

@Suite struct CareRuleTests {
    static let accident = Event(
        account: "HD-MACH", contact: "li", kind: .incident, title: "Fire at the plant", date: .gregorian(day("2026-11-10")),
        sensitive: true)
    static let overdue = invoice("INV-1042", due: "2026-10-01")

    func item(_ date: String, touches: [Touch] = [], invoices: [Invoice] = [overdue], promises: [Promise] = []) throws -> AgendaItem? {
        try agenda(account(), on: date, events: [Self.accident], touches: touches, invoices: invoices, promises: promises)
    }

    @Test func careWindowIsTheDateThroughTwoDaysLater() throws {
        #expect(reasons(.care, try item("2026-11-09")).isEmpty)
        let first = reasons(.care, try item("2026-11-10"))
        #expect(first.map(\.dueOn) == [day("2026-11-12")])
        #expect(first.first?.title == "Fire at the plant")
        #expect(reasons(.care, try item("2026-11-12")).count == 1)
        #expect(reasons(.care, try item("2026-11-13")).isEmpty)
        // A sensitive event is never a cheerful `event` reason.
        #expect(reasons(.event, try item("2026-11-10")).isEmpty)
    }

    @Test func careDoneByCareOrVisitFromTheDate() throws {
        #expect(reasons(.care, try item("2026-11-11", touches: [touch("2026-11-10", .care)])).isEmpty)
        #expect(reasons(.care, try item("2026-11-12", touches: [touch("2026-11-11", .visit)])).isEmpty)
        #expect(reasons(.care, try item("2026-11-11", touches: [touch("2026-11-10", .greeting)])).count == 1)
        #expect(reasons(.care, try item("2026-11-11", touches: [touch("2026-11-09", .care)])).count == 1)
    }

    @Test func yearlySensitiveEventsComeBackEachYear() throws {
        var memorial = Self.accident
        memorial.repeatRule = .yearly
        let item = try agenda(account(), on: "2027-11-11", events: [memorial])
        #expect(reasons(.care, item).map(\.dueOn) == [day("2027-11-12")])
    }

    @Test func quietPeriodHoldsMoneyTalkThroughDaySeven() throws {
        #expect(reasons(.collection, try item("2026-11-09")).count == 1)
        #expect(reasons(.collection, try item("2026-11-10")).isEmpty)
        #expect(reasons(.collection, try item("2026-11-17")).isEmpty)  // date + 7
        #expect(reasons(.collection, try item("2026-11-18")).count == 1)  // date + 8
        // Broken promises wait too.
        let broken = Promise(account: "HD-MACH", invoice: "INV-1042", promisedOn: day("2026-11-05"), amount: Money(minor: 1, currency: "CNY"))
        #expect(reasons(.promise, try item("2026-11-17", promises: [broken])).isEmpty)
        #expect(reasons(.promise, try item("2026-11-18", promises: [broken])).count == 1)
    }
}
