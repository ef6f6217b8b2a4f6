import Foundation
import Testing
@testable import RapportCLI
@testable import RapportCore

/// The streaming writer of `today` / `agenda` JSON must produce exactly what `Emit.json`
/// (JSONEncoder, sorted keys, pretty) produced for the same items.
@Suite struct AgendaJSONTextTests {
    private func day(_ text: String) throws -> CivilDate { try #require(CivilDate(text)) }

    private func encoded<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [UInt8(ascii: "\n")]
    }

    private func items() throws -> [AgendaItem] {
        let date = try day("2026-11-29")
        let invoice = Invoice(
            number: "INV-1042", account: "HD-MACH", issuedOn: try day("2026-09-01"), dueOn: try day("2026-10-15"),
            amount: Money(minor: 10_000_000, currency: "CNY"))
        var collection = Reason(
            kind: .collection, dueOn: try day("2026-11-14"), level: .escalation,
            invoices: [OpenInvoice(invoice: invoice, balance: 4_000_000, daysOverdue: 45)])
        collection.contactName = nil
        let promise = Reason(
            kind: .promise, dueOn: try day("2026-11-11"), invoices: [OpenInvoice(invoice: invoice, balance: 4_000_000, daysOverdue: 45)],
            promise: Promise(account: "HD-MACH", invoice: "INV-1042", promisedOn: try day("2026-11-10"), amount: Money(minor: 1_200_000, currency: "CNY")))
        let holiday = Reason(kind: .holiday, dueOn: try day("2026-12-01"), occasion: "mid-autumn", occasionDate: try day("2026-12-01"))
        let care = Reason(kind: .care, dueOn: try day("2026-11-30"), occasionDate: try day("2026-11-28"), title: "Fire at the \"plant\"\n/ 工厂", contact: "C-LI")
        let checkin = Reason(kind: .checkin, dueOn: try day("2026-11-01"), cadenceDays: 28)
        var first = AgendaItem(
            date: date, account: "HD-MACH", accountName: "宏达机械 \\ Co.", rep: "wang", priority: 1,
            score: AgendaItem.Score(care: 1, dueToday: 0, money: 400_045, checkin: 33),
            reasons: [care, holiday, collection, promise, checkin], daysSinceTouch: 47, tier: "A",
            contact: Contact(key: "C-LI", account: "HD-MACH", name: "李明", salutation: "李总", role: .decisionMaker, chat: "wx-li", channel: .chat))
        first.contact?.phone = "+86 138"
        let second = AgendaItem(
            date: date, account: "NEW-CO", accountName: "New Co", rep: "li", priority: 2,
            reasons: [Reason(kind: .checkin, dueOn: try day("2026-11-15"), cadenceDays: 14)], daysSinceTouch: nil, tier: "C")
        // A slipping payer: 0, 3, 9 then 15, 20, 35 days beyond terms (averages 4.0 → 23.3).
        let paid = try zip([0, 3, 9, 15, 20, 35], 1...6).map { days, month in
            let due = try day("2026-0\(month)-10")
            return PaidInvoice(number: "NB-\(month)", dueOn: due, paidOffOn: due.adding(days: days))
        }
        var payer = Reason(kind: .payer, dueOn: paid[5].paidOffOn)
        payer.payer = PayerTrend(invoices: paid)
        let third = AgendaItem(
            date: date, account: "NB-AUTO", accountName: "NB", rep: "wang", priority: 3,
            score: AgendaItem.Score(payer: 19), reasons: [payer], daysSinceTouch: 18, tier: "B")
        return [first, second, third]
    }

    @Test(arguments: [false, true])
    func todayMatchesTheEncoder(explain: Bool) throws {
        let items = try items().map { AgendaOutput.json($0, explain: explain) }
        #expect(AgendaOutput.jsonBytes(items) == (try encoded(items)))
        #expect(AgendaOutput.jsonBytes([]) == (try encoded([AgendaOutput.Item]())))
    }

    @Test func agendaDaysMatchTheEncoder() throws {
        let items = try items().map { AgendaOutput.json($0, explain: false) }
        let days = [
            AgendaOutput.Day(date: try day("2026-11-29"), items: items),
            AgendaOutput.Day(date: try day("2026-11-30"), items: []),
        ]
        #expect(AgendaOutput.jsonBytes(days: days) == (try encoded(days)))
    }
}
