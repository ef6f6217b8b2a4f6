import Foundation
import RapportCore
import Testing

/// `rapport import` on PostgreSQL follows every rule of the CSV path exactly as on SQLite:
/// the same problems (all of them, `FILE:LINE: field: reason`, did-you-mean), the same
/// exit codes and counts, GB18030 and BOM files, idempotent re-imports, and a failed import
/// leaves the database unchanged.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct ImportParityTests {
    static let fixtures = Built.root.appendingPathComponent("Tests/RapportCoreTests/Fixtures/import")

    /// Each import in turn on both, from the same start: output and exit code equal.
    static let steps: [(kind: String, file: String)] = [
        ("reps", "reps.csv"), ("reps", "reps-sql.csv"), ("accounts", "accounts-unknown-column.csv"), ("accounts", "accounts.csv"),
        ("accounts", "accounts.csv"), ("accounts", "accounts-updated.csv"), ("accounts", "accounts-formula.csv"),
        ("accounts", "accounts-gb18030.csv"), ("accounts", "accounts-latin1.csv"), ("contacts", "contacts-five-errors.csv"),
        ("contacts", "contacts-bom.csv"), ("contacts", "contacts.csv"), ("events", "events.csv"), ("events", "events.csv"),
        // Duplicates into the empty table first (the direct COPY path), then into a full one.
        ("touches", "touches-unknown-account.csv"), ("touches", "touches-duplicates.csv"), ("touches", "touches.csv"),
        ("touches", "touches-duplicates.csv"),
        ("touches", "touches-crlf.csv"), ("touches", "touches-multiline.csv"), ("touches", "touches.csv"),
        ("invoices", "invoices-decimals.csv"), ("invoices", "invoices.csv"), ("payments", "payments.csv"),
        ("payments", "payments.csv"), ("promises", "promises.csv"), ("snoozes", "snoozes.csv"), ("snoozes", "snoozes.csv"),
    ]

    @Test func everyImportRuleGivesTheSameAnswerOnBoth() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqlite = folder.appendingPathComponent("parity.db").path
        let postgres = try ScratchPostgres()
        for db in [sqlite, postgres.url] { #expect(try rapport(["init", "--db", db]).status == 0) }
        var failures = 0
        for step in Self.steps {
            let path = Self.fixtures.appendingPathComponent(step.file).path
            let a = try rapport(["import", step.kind, path, "--db", sqlite])
            let b = try rapport(["import", step.kind, path, "--db", postgres.url])
            #expect(a.status == b.status, "\(step.file): exit \(a.status) vs \(b.status): \(b.stderr)")
            #expect(a.stdout == b.stdout, "\(step.file): \(a.stdout) vs \(b.stdout)")
            #expect(a.stderr == b.stderr, "\(step.file): \(a.stderr) vs \(b.stderr)")
            if a.status != 0 { failures += 1 }
        }
        #expect(failures >= 6, "the fixtures' bad files were refused")
        // The end states agree (and the bad files changed nothing on either).
        try #require(try rapport(["today", "--date", "2026-11-23", "--format", "json", "--db", sqlite]).status == 0)
        for date in ["2026-11-23", "2026-02-17"] {
            let a = try rapport(["today", "--date", date, "--format", "json", "--explain", "--db", sqlite])
            let b = try rapport(["today", "--date", date, "--format", "json", "--explain", "--db", postgres.url])
            #expect(a.stdout == b.stdout)
        }
        let owner = try PostgresConnection(url: postgres.url)
        let file = try Database.openRapport(path: sqlite)
        for table in ["rep", "account", "contact", "event", "touch", "invoice", "payment", "promise", "snooze"] {
            #expect(try owner.scalarInt("SELECT count(*) FROM \(table)") == (try file.scalarInt("SELECT count(*) FROM \(table)")), "\(table)")
        }
        // A name with quotes and a formula-looking cell are stored as text, nothing else.
        #expect(try owner.scalarInt("SELECT count(*) FROM rep WHERE name LIKE '%''%' OR name LIKE '%;%'") ==
                (try file.scalarInt("SELECT count(*) FROM rep WHERE name LIKE '%''%' OR name LIKE '%;%'")))
    }
}
