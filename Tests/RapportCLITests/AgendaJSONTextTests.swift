import Foundation
import Testing
@testable import RapportCLI
@testable import RapportCore

/// The streaming writer of `today` / `agenda` JSON must produce exactly what `Emit.json`
/// (JSONEncoder, sorted keys, pretty) produced for the same items, and `agenda` written a
/// day at a time (JSON, CSV, ICS) exactly what rendering the whole range at once gave.
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

    /// What `today` writes for `items`, through a buffer in memory.
    private func streamed(_ items: [AgendaItem], explain: Bool) throws -> [UInt8] {
        let out = BufferedOutput.memory()
        var json = JSONText()
        try AgendaOutput.writeJSON(items, explain: explain, to: &json, out: out)
        try out.write(&json)
        try out.flush()
        return out.collected
    }

    @Test(arguments: [false, true])
    func todayMatchesTheEncoder(explain: Bool) throws {
        let items = try items()
        #expect(try streamed(items, explain: explain) == (try encoded(items.map { AgendaOutput.json($0, explain: explain) })))
        #expect(try streamed([], explain: explain) == (try encoded([AgendaOutput.Item]())))
    }

    /// The shape `agenda` writes, as one value for the encoder.
    private struct Day: Encodable {
        var date: CivilDate
        var items: [AgendaOutput.Item]
    }

    /// `agenda --format json` written a day at a time gives what encoding the whole range
    /// at once gave — here with a day of more than a buffer's worth of items, so the
    /// JSON is drained to the output between items.
    @Test func agendaDaysMatchTheEncoder() throws {
        let few = try items()
        let many = (0..<200).flatMap { n in few.map { var item = $0; item.account += "-\(n)"; return item } }
        let days = [(try day("2026-11-29"), few), (try day("2026-11-30"), []), (try day("2026-12-01"), many)]
        let out = BufferedOutput.memory()
        var stream = AgendaStream(format: .json, out: out, stamp: "20261129T080000Z")
        for (date, items) in days { try stream.write(date, AgendaCut(kept: items)) }
        try stream.finish()
        let whole = days.map { Day(date: $0.0, items: $0.1.map { AgendaOutput.json($0, explain: false) }) }
        #expect(out.collected.count > 2 * BufferedOutput.chunk)
        #expect(out.collected == (try encoded(whole)))
    }

    /// Three days, the last longer than a buffer, each through `AgendaStream`.
    private func streamedDays(_ format: AgendaCommand.Format) throws -> (days: [[AgendaItem]], bytes: [UInt8]) {
        let few = try items()
        let many = (0..<200).flatMap { n in few.map { var item = $0; item.account += "-\(n)"; return item } }
        let days = [few, [], many]
        let out = BufferedOutput.memory()
        var stream = AgendaStream(format: format, out: out, stamp: "20261129T080000Z")
        for (offset, items) in days.enumerated() { try stream.write(try day("2026-11-29").adding(days: offset), AgendaCut(kept: items)) }
        try stream.finish()
        return (days, out.collected)
    }

    @Test func agendaCSVMatchesTheWholeRange() throws {
        let (days, bytes) = try streamedDays(.csv)
        let rows = [AgendaOutput.csvHeader] + days.joined().flatMap(AgendaOutput.csvRows)
        #expect(bytes == Array(rows.map { CSVCell.row($0) + "\n" }.joined().utf8))
    }

    @Test func agendaCalendarMatchesTheWholeRange() throws {
        let (days, bytes) = try streamedDays(.ics)
        let whole = ICalendar.render(days.joined().map(AgendaOutput.calendarEvent), stamp: "20261129T080000Z")
        #expect(String(decoding: bytes, as: UTF8.self) == whole)
        #expect(bytes == Array(whole.utf8))
    }

    /// No day at all (never for `agenda`, whose range has one at least) still gives a
    /// whole document.
    @Test func aRangeWithoutItemsIsStillAWholeDocument() throws {
        for (format, expected) in [(AgendaCommand.Format.json, "[\n\n]\n"), (.ics, ICalendar.render([], stamp: "x")),
                                   (.csv, CSVCell.row(AgendaOutput.csvHeader) + "\n")] {
            let out = BufferedOutput.memory()
            var stream = AgendaStream(format: format, out: out, stamp: "x")
            try stream.finish()
            #expect(String(decoding: out.collected, as: UTF8.self) == expected, "\(format)")
        }
    }
}
