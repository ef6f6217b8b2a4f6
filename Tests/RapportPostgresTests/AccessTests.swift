import Foundation
import RapportCore
import Testing

/// Team access is enforced by the database itself: what a rep's role reads through psql,
/// what `rapport` refuses with exit 77, what a manager sees, and that a revoke bites at once.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote), .serialized)
struct AccessTests {
    /// The demo (wang.lei owns HD-MACH, SZ-ELEC, GZ-PLAS; sarah.chen owns BUCKEYE, OLD-MILL)
    /// with a role for sarah.chen and a manager's role for zhao.min.
    private func team() throws -> (db: ScratchPostgres, sarah: String, manager: String, sarahRole: String) {
        let db = try ScratchPostgres()
        #expect(try rapport(["init", "--db", db.url]).status == 0)
        try importAll(from: Built.root.appendingPathComponent("demo"), into: db.url)
        let sarah = try db.role("sarah")
        let boss = try db.role("boss")
        let granted = try rapport(["team", "grant", "sarah.chen", "--role", sarah.name, "--db", db.url])
        #expect(granted.status == 0, "\(granted.stderr)")
        #expect(try rapport(["team", "grant", "zhao.min", "--role", boss.name, "--manager", "--db", db.url]).status == 0)
        return (db, sarah.url, boss.url, sarah.name)
    }

    @Test func aRepSeesNoRowOfAnotherRepsAccountsThroughRawSQL() throws {
        let (db, sarah, _, _) = try team()
        _ = db
        // Every row a rep reads, table by table, is one of its own accounts' (as the owner
        // counts them), and there are such rows: the policy filters, it does not blank.
        let own = "(SELECT a.id FROM account a JOIN rep r ON r.id = a.owner_id WHERE r.handle = 'sarah.chen')"
        let tables: [(table: String, hers: String)] = [
            ("account", "SELECT count(*) FROM account WHERE id IN \(own)"),
            ("contact", "SELECT count(*) FROM contact WHERE account_id IN \(own)"),
            ("touch", "SELECT count(*) FROM touch WHERE account_id IN \(own)"),
            ("invoice", "SELECT count(*) FROM invoice WHERE account_id IN \(own)"),
            ("event", "SELECT count(*) FROM event WHERE account_id IN \(own)"),
            ("payment", "SELECT count(*) FROM payment WHERE invoice_id IN (SELECT id FROM invoice WHERE account_id IN \(own))"),
            ("promise", "SELECT count(*) FROM promise WHERE account_id IN \(own)"),
        ]
        let owner = try PostgresConnection(url: db.url)
        for (table, hers) in tables {
            let total = try owner.scalarInt("SELECT count(*) FROM \(table)") ?? 0
            let expected = try owner.scalarInt(hers) ?? -1
            let seen = try ScratchPostgres.psql(sarah, "SELECT count(*) FROM \(table)")
            #expect(seen.status == 0, "\(table): \(seen.output)")
            #expect(Int(seen.output.trimmingCharacters(in: .whitespacesAndNewlines)) == expected, "\(table): saw \(seen.output), hers \(expected)")
            if ["account", "contact", "touch", "invoice"].contains(table) {
                #expect(total > expected, "\(table): the demo has other reps' rows to hide")
            }
        }
        #expect(try ScratchPostgres.psql(sarah, "SELECT count(*) FROM contact c JOIN account a ON a.id = c.account_id WHERE a.key = 'HD-MACH'")
            .output.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        // Her own: both her accounts, their contacts and touches.
        #expect(try ScratchPostgres.psql(sarah, "SELECT string_agg(key, ',' ORDER BY key) FROM account").output
            .trimmingCharacters(in: .whitespacesAndNewlines) == "BUCKEYE,OLD-MILL")
        #expect(Int(try ScratchPostgres.psql(sarah, "SELECT count(*) FROM touch").output
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0)
        // Writing past the policy from psql fails in the database, not only in rapport.
        let forged = try ScratchPostgres.psql(sarah, """
            INSERT INTO touch (account_id, rep_id, date, channel, kind)
            SELECT 1, id, '2026-11-23', 'call', 'checkin' FROM rep WHERE handle = 'sarah.chen'
            """)
        #expect(forged.status != 0 && forged.output.contains("row-level security"), "\(forged.output)")
        #expect(try ScratchPostgres.psql(sarah, "UPDATE account SET name = 'x'").status != 0)
        #expect(try ScratchPostgres.psql(sarah, "DELETE FROM touch").status != 0)
    }

    @Test func aRepsCommandsDefaultToItselfAndAForbiddenWriteExits77ChangingNothing() throws {
        let (db, sarah, _, _) = try team()
        let before = try PostgresConnection(url: db.url).scalarInt("SELECT count(*) FROM touch")
        let other = try rapport(["touch", "log", "HD-MACH", "--kind", "checkin", "--channel", "call", "--db", sarah, "--date", "2026-11-23"])
        #expect(other.status == 77, "\(other.stderr)")
        #expect(other.stderr.contains("HD-MACH"))
        let asOther = try rapport(["touch", "log", "BUCKEYE", "--kind", "checkin", "--channel", "call", "--rep", "wang.lei", "--db", sarah, "--date", "2026-11-23"])
        #expect(asOther.status == 77, "\(asOther.stderr)")
        #expect(try rapport(["snooze", "SZ-ELEC", "collection", "--until", "2026-12-01", "--db", sarah]).status == 77)
        #expect(try rapport(["import", "touches", Built.root.appendingPathComponent("demo/touches.csv").path, "--db", sarah]).status == 77)
        #expect(try rapport(["team", "grant", "wang.lei", "--db", sarah]).status == 77)
        #expect(try rapport(["today", "--rep", "wang.lei", "--db", sarah, "--date", "2026-11-23"]).status == 77)
        #expect(try PostgresConnection(url: db.url).scalarInt("SELECT count(*) FROM touch") == before)

        // Her own account: logged as her.
        let own = try rapport(["touch", "log", "BUCKEYE", "--kind", "greeting", "--channel", "email", "--db", sarah, "--date", "2026-11-23"])
        #expect(own.status == 0, "\(own.stderr)")
        #expect(own.stdout.contains("by sarah.chen"))
        #expect(try rapport(["snooze", "OLD-MILL", "checkin", "--until", "2026-12-01", "--db", sarah]).status == 0)
        // today defaults to her accounts, and equals the owner's view of her.
        let mine = try rapport(["today", "--date", "2026-11-23", "--format", "json", "--db", sarah])
        let ownersView = try rapport(["today", "--date", "2026-11-23", "--format", "json", "--rep", "sarah.chen", "--db", db.url])
        #expect(mine.status == 0)
        #expect(mine.stdout == ownersView.stdout)
        #expect(!mine.stdout.contains("HD-MACH"))
        let drafts = try rapport(["drafts", "--date", "2026-11-23", "--format", "json", "--db", sarah])
        #expect(drafts.status == 0 && !drafts.stdout.contains("HD-MACH") && drafts.stdout.contains("OLD-MILL"))
    }

    @Test func aManagerSeesEverythingAndWritesOnlyItsOwnTouches() throws {
        let (db, _, manager, _) = try team()
        let everything = try rapport(["today", "--date", "2026-11-23", "--format", "json", "--db", db.url])
        let managers = try rapport(["today", "--date", "2026-11-23", "--format", "json", "--db", manager])
        #expect(managers.status == 0 && managers.stdout == everything.stdout)
        let audit = ["audit", "--from", "2026-01-01", "--to", "2026-11-23", "--format", "json"]
        #expect(try rapport(audit + ["--db", manager]).stdout == (try rapport(audit + ["--db", db.url])).stdout)
        let accounts = try PostgresConnection(url: db.url).scalarInt("SELECT count(*) FROM account") ?? -1
        #expect(Int(try ScratchPostgres.psql(manager, "SELECT count(*) FROM account").output.trimmingCharacters(in: .whitespacesAndNewlines)) == accounts)
        let logged = try rapport(["touch", "log", "HD-MACH", "--kind", "visit", "--channel", "visit", "--db", manager, "--date", "2026-11-23"])
        #expect(logged.status == 0 && logged.stdout.contains("by zhao.min"), "\(logged.stderr)")
        #expect(try rapport(["snooze", "HD-MACH", "collection", "--until", "2026-12-01", "--db", manager]).status == 77)
        #expect(try rapport(["touch", "log", "HD-MACH", "--kind", "visit", "--channel", "visit", "--rep", "wang.lei",
                             "--db", manager, "--date", "2026-11-23"]).status == 77)
    }

    /// Shell completion reads keys as the role: a rep is offered its own accounts only, the
    /// manager every one; a refused login offers nothing and prints nothing.
    @Test func completionOffersWhatTheRoleMayRead() throws {
        let (db, sarah, manager, _) = try team()
        func offered(_ url: String, _ typed: String) throws -> RunResult {
            try rapport(["---completion", "touch", "log", "--", "positional@0", "5", "\(typed.count)",
                         "rapport", "touch", "log", "--db", url, typed])
        }
        #expect(try offered(sarah, "").stdout == "BUCKEYE\nOLD-MILL\n")
        #expect(try offered(sarah, "HD").stdout == "")
        #expect(try offered(manager, "").stdout == "BUCKEYE\nGZ-PLAS\nHD-MACH\nNB-AUTO\nOLD-MILL\nSZ-ELEC\n")
        #expect(try offered(db.url, "S").stdout == "SZ-ELEC\n")
        let refused = try offered(PostgresTestServer.url(database: db.name, user: "nobody_\(db.name.suffix(8))", password: "wrong"), "")
        #expect(refused.status == 0 && refused.stdout.isEmpty && refused.stderr.isEmpty, "\(refused.stderr)")
    }

    @Test func revokeTakesEffectAtOnceEvenInAnOpenSession() throws {
        let (db, sarah, _, _) = try team()
        let session = try PostgresConnection(url: sarah)
        #expect(try session.scalarInt("SELECT count(*) FROM account") == 2)
        let revoked = try rapport(["team", "revoke", "sarah.chen", "--db", db.url])
        #expect(revoked.status == 0, "\(revoked.stderr)")
        // The same open connection, the next statement: nothing (or refused).
        let after = try? session.scalarInt("SELECT count(*) FROM account")
        #expect(after == nil || after == 0)
        #expect(try rapport(["today", "--date", "2026-11-23", "--db", sarah]).status == 77)
        let list = try rapport(["team", "list", "--format", "csv", "--db", db.url])
        #expect(list.stdout.contains("sarah.chen,Sarah Chen,,no"), "\(list.stdout)")
    }

    @Test func aRoleOnNoTeamReadsNothingAndNoPasswordIsEverPrinted() throws {
        let db = try ScratchPostgres()
        #expect(try rapport(["init", "--db", db.url]).status == 0)
        try importAll(from: Built.root.appendingPathComponent("demo"), into: db.url)
        let stranger = try db.role("stranger")
        let password = URLComponents(string: stranger.url)!.password!
        let owner = URLComponents(string: db.url)!.password ?? "rapport-owner-secret"
        var wrong = URLComponents(string: stranger.url)!
        wrong.password = "not-\(password)"
        var missing = URLComponents(string: db.url)!
        missing.path = "/no_such_database_here"
        let attempts: [(arguments: [String], code: Int32)] = [
            (["today", "--db", stranger.url], 77),
            (["audit", "--from", "2026-01-01", "--to", "2026-11-23", "--db", stranger.url], 77),
            (["today", "--db", wrong.string!], 77),
            (["today", "--db", missing.string!], 66),
            (["team", "grant", "nobody", "--db", db.url], 65),
            (["demo", "--db", db.url], 64),
            (["init", "--db", db.url], 0),
            (["today", "--db", db.url, "--date", "2026-11-23"], 0),
        ]
        // The password from PGPASSWORD, as libpq reads it (and refused without it).
        var bare = URLComponents(string: db.url)!
        bare.password = nil
        let fromEnvironment = try rapport(["today", "--db", bare.string!, "--date", "2026-11-23"], environment: ["PGPASSWORD": owner])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        let withoutPassword = try rapport(["today", "--db", bare.string!], environment: ["PGPASSWORD": "", "PGPASSFILE": "/nonexistent"])
        #expect(withoutPassword.status == 77, "\(withoutPassword.stderr)")
        for attempt in attempts {
            let result = try rapport(attempt.arguments)
            #expect(result.status == attempt.code, "\(attempt.arguments.first!): \(result.stderr)")
            for secret in [password, "not-\(password)", owner] {
                #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "\(attempt.arguments.first!) printed a password")
            }
        }
    }
}
