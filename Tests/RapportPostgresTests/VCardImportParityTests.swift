import Foundation
import RapportCore
import Testing

/// `rapport import contacts FILE.vcf --account KEY` on PostgreSQL answers as on SQLite: the
/// same contacts, counts, notes, problems and exit codes, and refused files change nothing.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
struct VCardImportParityTests {
    static let fixtures = Built.root.appendingPathComponent("Tests/RapportCoreTests/Fixtures")

    /// Each import in turn on both, from the same start.
    static let steps: [(file: String, account: String)] = [
        ("vcard/phone-2.1.vcf", "HD-MACH"), ("vcard/phone-2.1.vcf", "HD-MACH"), ("vcard/google-3.0.vcf", "BUCKEYE"),
        ("vcard/rfc6350-4.0.vcf", "SZ-ELEC"), ("vcard/rfc6350-4.0.vcf", "BUCKEYE"), ("vcard/broken.vcf", "BUCKEYE"),
        ("vcard/google-3.0.vcf", "BUKEYE"), ("vcard/rfc6350-4.0.vcf", "SZ-ELEC"),
    ]

    @Test func aVCardImportGivesTheSameAnswerOnBoth() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-vcard-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqlite = folder.appendingPathComponent("parity.db").path
        let postgres = try ScratchPostgres()
        for db in [sqlite, postgres.url] {
            #expect(try rapport(["init", "--db", db]).status == 0)
            for kind in ["reps", "accounts"] {
                let path = Self.fixtures.appendingPathComponent("import/\(kind).csv").path
                #expect(try rapport(["import", kind, path, "--db", db]).status == 0)
            }
        }
        var statuses: [Int32] = []
        for step in Self.steps {
            let path = Self.fixtures.appendingPathComponent(step.file).path
            let a = try rapport(["import", "contacts", path, "--account", step.account, "--db", sqlite])
            let b = try rapport(["import", "contacts", path, "--account", step.account, "--db", postgres.url])
            #expect(a.status == b.status, "\(step.file): exit \(a.status) vs \(b.status): \(b.stderr)")
            #expect(a.stdout == b.stdout, "\(step.file): \(a.stdout) vs \(b.stdout)")
            #expect(a.stderr == b.stderr, "\(step.file): \(a.stderr) vs \(b.stderr)")
            statuses.append(a.status)
        }
        #expect(statuses == [0, 0, 0, 0, 65, 65, 65, 0])
        let query = """
            SELECT c.key || '|' || a.key || '|' || c.name || '|' || coalesce(c.title, '-') || '|' || coalesce(c.role, '-')
                || '|' || coalesce(c.phone, '-') || '|' || coalesce(c.email, '-') || '|' || coalesce(c.birthday, '-')
                || '|' || c.birthday_calendar || '|' || coalesce(c.locale, '-') || '|' || c.status
            FROM contact c JOIN account a ON a.id = c.account_id ORDER BY c.key
            """
        let onPostgres = try PostgresConnection(url: postgres.url).rows(query) { $0.string(0) }
        let onSQLite = try Database.openRapport(path: sqlite).rows(query) { $0.string(0) }
        #expect(onPostgres == onSQLite)
        #expect(onPostgres.count == 8)
    }
}
