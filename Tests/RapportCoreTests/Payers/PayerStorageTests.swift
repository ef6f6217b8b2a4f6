import Foundation
import Testing
@testable import RapportCore

/// `Database.payerInvoices` (the SQL the PostgreSQL backend must match): paid-off dates from
/// the kept totals, exact for overpaid invoices, as of a replayed day; and the JSON object.
@Suite struct PayerStorageTests {
    func database() throws -> (Database, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("payers-\(UUID().uuidString).db").path
        let db = try Database.openRapport(path: path, mode: .create)
        try db.execute("""
            INSERT INTO rep (id, handle, name) VALUES (1, 'wang', 'Wang'), (2, 'li', 'Li');
            INSERT INTO account (id, key, name, tier, owner_id, country, created_on) VALUES
                (1, 'NB-AUTO', 'NB', 'B', 1, 'CN', '2020-01-01'),
                (2, 'SZ-ELEC', 'SZ', 'A', 2, 'CN', '2020-01-01'),
                (3, 'LATE-CO', 'Late', 'A', 1, 'CN', '2026-12-01');
            INSERT INTO invoice (id, number, account_id, issued_on, due_on, amount, currency) VALUES
                (1, 'P-SPLIT', 1, '2026-01-01', '2026-03-01', 100000, 'CNY'),
                (2, 'P-OVER', 1, '2026-02-01', '2026-04-01', 100000, 'CNY'),
                (3, 'P-EARLY', 1, '2025-02-01', '2025-04-01', 50000, 'CNY'),
                (4, 'P-OPEN', 2, '2026-06-01', '2026-07-01', 70000, 'USD'),
                (5, 'P-OLD', 2, '2023-01-01', '2023-02-01', 10000, 'USD'),
                (6, 'P-NEW', 3, '2026-12-01', '2026-12-31', 10000, 'CNY');
            INSERT INTO payment (invoice_id, paid_on, amount) VALUES
                (1, '2026-02-20', 40000), (1, '2026-03-15', 60000),
                (2, '2026-04-05', 100000), (2, '2026-04-30', 500),
                (3, '2025-03-20', 50000),
                (4, '2026-07-10', 20000),
                (5, '2023-02-01', 10000);
            """)
        return (db, path)
    }

    @Test func paidOffDatesAndBalancesAsOfTheDay() throws {
        let (db, path) = try database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (invoices, owners) = try db.payerInvoices(asOf: day("2026-11-23"), rep: nil)
        let byNumber = Dictionary(uniqueKeysWithValues: invoices.map { ($0.number, $0) })
        // P-OLD is due before the two years and paid; P-NEW's account does not exist yet.
        #expect(Set(byNumber.keys) == ["P-SPLIT", "P-OVER", "P-EARLY", "P-OPEN"])
        #expect(owners == ["NB-AUTO": "wang", "SZ-ELEC": "li"])
        #expect(byNumber["P-SPLIT"]?.paidOffOn == day("2026-03-15"))
        // Overpaid by 500 on 04-30: paid off on 04-05 all the same.
        #expect(byNumber["P-OVER"]?.paidOffOn == day("2026-04-05"))
        #expect(byNumber["P-OVER"]?.paid == 100500)
        #expect(byNumber["P-OPEN"]?.paidOffOn == nil && byNumber["P-OPEN"]?.paid == 20000)

        let figures = PayerFigures.compute(invoices, owners: owners, asOf: day("2026-11-23"))
        let nb = try #require(figures.first { $0.account == "NB-AUTO" })
        // The year: 14 (split) and 4 (overpaid) days; the year before: 0 (early).
        #expect(nb.invoices == 2 && nb.avgDaysBeyond == 9.0 && nb.priorAvgDaysBeyond == 0.0 && nb.trendDays == 9.0)
        let sz = try #require(figures.first { $0.account == "SZ-ELEC" })
        #expect(sz.currency == "USD" && sz.openAmount == 50000 && sz.avgDaysBeyond == 145.0)
    }

    @Test func aReplayedDaySeesOnlyThePaymentsMadeByThen() throws {
        let (db, path) = try database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (invoices, _) = try db.payerInvoices(asOf: day("2026-03-10"), rep: "wang")
        let byNumber = Dictionary(uniqueKeysWithValues: invoices.map { ($0.number, $0) })
        // Issued by then, of wang's accounts: P-OVER is issued but not yet due (open).
        #expect(Set(byNumber.keys) == ["P-SPLIT", "P-OVER", "P-EARLY"])
        #expect(byNumber["P-SPLIT"]?.paidOffOn == nil && byNumber["P-SPLIT"]?.paid == 40000)
        #expect(byNumber["P-SPLIT"]?.daysBeyondTerms(asOf: day("2026-03-10")) == 9)
        #expect(throws: RapportError.self) { try db.payerInvoices(asOf: day("2026-03-10"), rep: "nobody") }
    }

    @Test func theJSONObjectHasExactlyTheSpecFields() throws {
        let line = PayerFigures(
            account: "NB-AUTO", rep: "wang", currency: "CNY", invoices: 3, onTime: 1, daysBeyondTotal: 47, p90DaysBeyond: 29,
            priorInvoices: 3, priorDaysBeyondTotal: 0, openAmount: 24_000_000)
        let text = String(decoding: PayerFigures.json([line]), as: UTF8.self)
        let object = try #require((try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])?.first)
        #expect(Set(object.keys) == Set(PayerFigures.columns))
        #expect(object["avg_days_beyond"] as? Double == 15.7)
        #expect(object["on_time_share"] as? Double == 0.3333)
        #expect(object["trend_days"] as? Double == 15.7)
        #expect(object["open_amount"] as? Int == 24_000_000)
        #expect(line.words(locale: "zh-CN") == "paid on time → 16 days late over the last 6 invoices, ¥240,000.00 open")
    }
}

/// The agenda's payer source through the SQL: replayed days, the touches that close it by
/// the role of their contact, one rep and all.
@Suite struct PayerAgendaStorageTests {
    @Test func replayAndDoneByThroughTheDatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("payer-agenda-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try Database.openRapport(path: path, mode: .create)
        // Due on the 10th of Jan … Jun 2026, paid 0, 3, 9, 15, 20, 34 days late (the last in
        // two parts, the second on 07-14, after an overpaid fifth): 4 → 23 days.
        try db.execute("""
            INSERT INTO rep (id, handle, name) VALUES (1, 'wang', 'Wang'), (2, 'li', 'Li');
            INSERT INTO account (id, key, name, tier, owner_id, country, created_on) VALUES
                (1, 'NB-AUTO', 'NB', 'A', 1, 'CN', '2020-01-01'), (2, 'OTHER', 'O', 'A', 2, 'CN', '2020-01-01');
            INSERT INTO contact (id, key, account_id, name, role) VALUES
                (1, 'nb-he', 1, 'He', 'user'), (2, 'nb-sun', 1, 'Sun', 'finance'), (3, 'o-boss', 2, 'Boss', 'decision-maker');
            INSERT INTO invoice (id, number, account_id, issued_on, due_on, amount, currency) VALUES
                (1, 'I1', 1, '2025-12-10', '2026-01-10', 1000, 'CNY'), (2, 'I2', 1, '2026-01-10', '2026-02-10', 1000, 'CNY'),
                (3, 'I3', 1, '2026-02-10', '2026-03-10', 1000, 'CNY'), (4, 'I4', 1, '2026-03-10', '2026-04-10', 1000, 'USD'),
                (5, 'I5', 1, '2026-04-10', '2026-05-10', 1000, 'CNY'), (6, 'I6', 1, '2026-05-10', '2026-06-10', 1000, 'CNY');
            INSERT INTO payment (invoice_id, paid_on, amount) VALUES
                (1, '2026-01-10', 1000), (2, '2026-02-13', 1000), (3, '2026-03-19', 1000), (4, '2026-04-25', 1000),
                (5, '2026-05-30', 1000), (5, '2026-06-20', 300), (6, '2026-06-20', 400), (6, '2026-07-14', 600);
            INSERT INTO touch (account_id, contact_id, rep_id, date, channel, kind) VALUES
                (1, 1, 1, '2026-07-15', 'visit', 'visit'),
                (1, 3, 1, '2026-07-16', 'visit', 'visit'),
                (1, 2, 1, '2026-07-20', 'call', 'checkin');
            """)
        func payer(_ date: String, rep: String? = nil) throws -> Reason? {
            try agendaItems(db: db, config: RapportConfig(), occasions: FixedOccasions(byCountry: [:]), date: day(date), rep: rep)
                .first { $0.account == "NB-AUTO" }?.reasons.first { $0.kind == .payer }
        }
        #expect(try payer("2026-07-13") == nil)                       // five paid off by then
        #expect(try payer("2026-07-14")?.payer?.invoices.map(\.daysBeyondTerms) == [0, 3, 9, 15, 20, 34])
        #expect(try payer("2026-07-15")?.dueOn == day("2026-07-14"))  // a visit with the buyer
        #expect(try payer("2026-07-19", rep: "wang") != nil)          // another account's decision-maker
        #expect(try payer("2026-07-20") == nil)                       // the check-in with finance
        #expect(try payer("2026-07-20", rep: "wang") == nil)
        // A week at once gives each day what that day gives alone.
        let week = try agendaDays(db: db, config: RapportConfig(), occasions: FixedOccasions(byCountry: [:]),
                                  from: day("2026-07-13"), through: day("2026-07-20"), rep: nil)
        #expect(week.map { $0.items.contains { $0.reasons.contains { $0.kind == .payer } } }
            == [false, true, true, true, true, true, true, false])
    }
}
