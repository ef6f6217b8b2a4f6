import Foundation
import RapportCore
import Testing

/// A first load of 10 000 rows or more takes PostgreSQL's bulk path: the table's indexes,
/// keys and summary trigger set aside, the summaries summed once from the table, and for
/// payments the invoice indexes over the summary columns set aside too. The summaries and
/// readings must be those of SQLite, and the triggers and indexes back afterwards.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct BulkLoadTests {
    @Test func aFirstLoadOfThousandsOfRowsKeepsTheSummariesOfSQLite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Scale 0.04: some 12 000 contacts, 80 000 touches, 11 000 payments, each over the threshold.
        let book = folder.appendingPathComponent("book")
        let generated = try run(Built.bench, ["generate", "--dir", book.path, "--scale", "0.04"])
        try #require(generated.status == 0, "rapport-bench generate: \(generated.stderr)")
        let sqlite = folder.appendingPathComponent("bulk.db").path
        let postgres = try ScratchPostgres()
        for db in [sqlite, postgres.url] {
            try #require(try rapport(["init", "--db", db]).status == 0)
            try importAll(from: book, into: db)
        }
        let owner = try PostgresConnection(url: postgres.url)
        let file = try Database.openRapport(path: sqlite)
        for table in ["contact", "touch", "payment"] {
            #expect(try file.scalarInt("SELECT count(*) FROM \(table)") ?? 0 >= 10_000, "\(table) took the bulk path")
        }
        let summaries = [
            """
            SELECT a.key || ' ' || COALESCE(a.last_touch_on, '-') || ' ' || COALESCE(a.last_collection_on, '-') || ' ' || COALESCE(c.key, '-')
            FROM account a LEFT JOIN contact c ON c.id = a.reach_contact_id ORDER BY a.key
            """,
            "SELECT number || ' ' || CAST(paid_total AS TEXT) || ' ' || COALESCE(last_paid_on, '-') FROM invoice ORDER BY number",
        ]
        for sql in summaries {
            let stored = try owner.rows(sql) { $0.string(0) }
            #expect(stored.count > 1_000)
            #expect(stored == (try file.rows(sql) { $0.string(0) }), "\(sql)")
        }
        for date in ["2026-11-23", "2026-09-23"] {
            for arguments in [["today", "--date", date, "--format", "json", "--explain"],
                              ["audit", "--from", "2025-11-30", "--to", date, "--format", "json"]] {
                let a = try rapport(arguments + ["--db", sqlite]), b = try rapport(arguments + ["--db", postgres.url])
                #expect(a.status == 0 && b.status == 0, "\(arguments): \(a.stderr)\(b.stderr)")
                #expect(a.stdout == b.stdout, "\(arguments.joined(separator: " ")): SQLite and PostgreSQL differ")
            }
        }
        // The insert triggers are on again and the set-aside indexes are back.
        let triggers = try owner.rows(
            "SELECT tgname::text || ' ' || tgenabled::text FROM pg_trigger WHERE tgname IN ('payment_paid_insert', 'touch_last_insert', 'contact_reach_insert') ORDER BY 1"
        ) { $0.string(0) }
        #expect(triggers == ["contact_reach_insert O", "payment_paid_insert O", "touch_last_insert O"])
        let indexes = try owner.rows(
            "SELECT relname::text FROM pg_class WHERE relname IN ('invoice_unpaid', 'invoice_last_paid', 'invoice_paid_off', 'touch_date_kind') ORDER BY 1"
        ) { $0.string(0) }
        #expect(indexes == ["invoice_last_paid", "invoice_paid_off", "invoice_unpaid", "touch_date_kind"])
        // And a touch logged now moves its account's summary through the trigger.
        let account = try owner.rows("SELECT key FROM account ORDER BY key LIMIT 1") { $0.string(0) }[0]
        let logged = try rapport(["touch", "log", account, "--kind", "checkin", "--channel", "call", "--on", "2026-11-30", "--db", postgres.url])
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(try owner.rows("SELECT last_touch_on FROM account WHERE key = $1", [account]) { $0.string(0) } == ["2026-11-30"])
    }
}
