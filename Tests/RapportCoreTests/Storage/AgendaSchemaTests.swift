import Foundation
import Testing
@testable import RapportCore

/// The v3 summaries the agenda reads must equal what they summarise: after the migration
/// fills them for existing rows, and after inserts, updates and deletes.
@Suite struct AgendaSchemaTests {
    func database() throws -> (Database, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("v3-\(UUID().uuidString).db").path
        let db = try Database(path: path, mode: .create)
        try Schema.migrator.migrate(db, upTo: 2)
        try db.execute("""
            INSERT INTO rep (handle, name) VALUES ('wang', 'Wang');
            INSERT INTO account (key, name, tier, owner_id, country, created_on) VALUES ('A', 'A', 'B', 1, 'CN', '2026-01-01');
            INSERT INTO contact (key, account_id, name, role, status) VALUES ('user', 1, 'U', 'user', 'current');
            INSERT INTO contact (key, account_id, name, role, status) VALUES ('boss', 1, 'B', 'decision-maker', 'current');
            INSERT INTO touch (account_id, rep_id, date, channel, kind) VALUES (1, 1, '2026-03-01', 'call', 'collection');
            INSERT INTO touch (account_id, rep_id, date, channel, kind) VALUES (1, 1, '2026-04-01', 'call', 'checkin');
            INSERT INTO invoice (number, account_id, issued_on, due_on, amount, currency) VALUES ('I1', 1, '2026-01-01', '2026-02-01', 1000, 'CNY');
            INSERT INTO payment (invoice_id, paid_on, amount) VALUES (1, '2026-02-10', 400);
            """)
        return (db, path)
    }

    func summary(_ db: Database) throws -> [String] {
        try db.rows("""
            SELECT a.last_touch_on, a.last_collection_on, (SELECT key FROM contact WHERE id = a.reach_contact_id),
                   i.paid_total, i.last_paid_on
            FROM account a, invoice i
            """) { row in (0..<5).map { row.optionalString($0) ?? "-" } }.first ?? []
    }

    @Test func migrationFillsAndTriggersKeepTheSummaries() throws {
        let (db, path) = try database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Schema.migrator.migrate(db)
        #expect(try summary(db) == ["2026-04-01", "2026-03-01", "boss", "400", "2026-02-10"])

        try db.execute("INSERT INTO payment (invoice_id, paid_on, amount) VALUES (1, '2026-02-05', 600)")
        try db.execute("INSERT INTO touch (account_id, rep_id, date, channel, kind) VALUES (1, 1, '2026-05-01', 'call', 'collection')")
        try db.execute("UPDATE contact SET status = 'former' WHERE key = 'boss'")
        #expect(try summary(db) == ["2026-05-01", "2026-05-01", "user", "1000", "2026-02-10"])

        try db.execute("DELETE FROM touch WHERE date = '2026-05-01'")
        try db.execute("UPDATE payment SET paid_on = '2026-06-01' WHERE amount = 600")
        try db.execute("INSERT INTO contact (key, account_id, name, role, status) VALUES ('new-boss', 1, 'N', 'decision-maker', 'current')")
        #expect(try summary(db) == ["2026-04-01", "2026-03-01", "new-boss", "1000", "2026-06-01"])

        try db.execute("DELETE FROM payment WHERE amount = 400")
        try db.execute("DELETE FROM contact WHERE key IN ('new-boss', 'user')")
        #expect(try summary(db) == ["2026-04-01", "2026-03-01", "-", "600", "2026-06-01"])
    }

    /// v4 widens the invoice and payment indexes the agenda reads (covering): a v3 file with
    /// data migrates, and its agenda is unchanged, invoice for invoice.
    @Test func coveringIndexesLeaveTheAgendaUnchanged() throws {
        let (db, path) = try database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Schema.migrator.migrate(db, upTo: 3)
        try db.execute("""
            INSERT INTO invoice (number, account_id, issued_on, due_on, amount, currency) VALUES ('I2', 1, '2026-01-05', '2026-01-20', 500, 'CNY');
            INSERT INTO invoice (number, account_id, issued_on, due_on, amount, currency) VALUES ('I3', 1, '2026-01-03', '2026-02-01', 700, 'CNY');
            INSERT INTO payment (invoice_id, paid_on, amount) VALUES (3, '2026-03-05', 700);
            INSERT INTO promise (account_id, promised_on, amount, currency) VALUES (1, '2026-02-20', 100, 'CNY');
            """)
        func agenda() throws -> [AgendaItem] {
            try agendaItems(db: db, config: RapportConfig(), occasions: FixedOccasions(byCountry: [:]),
                            date: CivilDate(year: 2026, month: 2, day: 25)!, rep: nil)
        }
        let before = try agenda()
        #expect(before.flatMap(\.reasons).map(\.kind) == [.collection, .promise, .checkin])
        try Schema.migrator.migrate(db)
        #expect(try Migrator.version(of: db) == Schema.migrator.latestVersion)
        #expect(try agenda() == before)
        #expect(try db.scalarText("PRAGMA integrity_check") == "ok")
    }

    /// Replaying a day before the latest touch falls back to the touch index.
    @Test func replayBeforeTheKeptLastTouch() throws {
        let (db, path) = try database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Schema.migrator.migrate(db)
        let items = try agendaItems(db: db, config: RapportConfig(), occasions: FixedOccasions(byCountry: [:]),
                                    date: CivilDate(year: 2026, month: 3, day: 31)!, rep: nil)
        let checkin = items.first?.reasons.first { $0.kind == .checkin }
        #expect(checkin?.dueOn == CivilDate(year: 2026, month: 3, day: 31))  // 03-01 + 30, the 04-01 touch not yet made
        #expect(items.first?.daysSinceTouch == 30)
        // 400 of the 1000 paid, and the collection touch of 03-01 came before the escalation date (03-03).
        #expect(items.first?.reasons.first { $0.kind == .collection }?.invoices.first?.balance == 600)
    }
}
