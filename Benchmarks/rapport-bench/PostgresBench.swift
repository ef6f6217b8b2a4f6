import Foundation
import RapportCore

// Team mode on a PostgreSQL server on this machine (docs/team.md, "Speed"):
//
//   rapport-bench pg-import --dir DIR --url URL [--runs 3]
//     The CSV files of `generate` imported through Rapport into a fresh database
//     (rapport_bench, kept for the other benchmarks), and in the same run the same files
//     with psql's `\copy … (FORMAT csv, HEADER)` into tables shaped like them, in a fresh
//     database with the Rapport schema (what the SQLite bench does with `.import`), and
//     into Rapport's own tables by hand-written SQL (`PostgresSameTables`): the issue's
//     "psql \copy of the same CSV files into the same tables", which the ratio is taken of.
//   rapport-bench pg-agenda --url URL [--date D] [--runs 5]
//     `today` over all reps and for one rep, in process, against the hand-written
//     check-in-due query through psql (the same query as the SQLite bench's, in
//     PostgreSQL's dialect).
//   rapport-bench pg-audit --url URL [--from D --to D] [--runs 3]
//     A one-year audit in process (load and metrics).
//   rapport-bench pg-load --url URL [--reps 50] [--seconds 60]
//     50 reps at once, each on its own connection as its own rep, in a loop: today, 20
//     touch logs, drafts; throughput, p50/p99 latency per operation, errors.
// URL: a role that may create databases (the database part is replaced).

enum PostgresBench {
    static let database = "rapport_bench"

    // MARK: import

    static func importRun(_ arguments: ArraySlice<String>) throws {
        var options = try BenchOptions(arguments)
        let dir = try options.directory()
        let url = try options.value("--url") ?? { throw BenchError("--url postgres://… is required") }()
        let rounds = Int(try options.value("--runs") ?? "3") ?? 0
        try options.finish()
        guard rounds >= 1 else { throw BenchError("--runs must be at least 1") }
        let files = importOrder.map { (kind: $0, path: dir + "/" + $0.rawValue + ".csv") }
        var rapportTimes: [Double] = [], copyTimes: [Double] = [], sameTimes: [Double] = []
        for round in 1...rounds {
            print("round \(round) of \(rounds)")
            let target = try recreate(database, on: url)
            let clock = ContinuousClock()
            var rows = 0
            let rapport = try clock.measure {
                let db = try PostgresDatabase.openRapport(url: target, create: true)
                for file in files {
                    let started = clock.now
                    let summary = try db.importFile(kind: file.kind, path: file.path, encoding: nil, config: RapportConfig(), progress: nil)
                    rows += summary.rows
                    print(String(format: "    %-9@ %9d rows %7.2f s  (%d inserted, %d updated, %d skipped)",
                                 file.kind.rawValue, summary.rows, seconds(clock.now - started),
                                 summary.inserted, summary.updated, summary.skipped))
                }
            }
            let baseline = try recreate(database + "_copy", on: url)
            _ = try PostgresDatabase.openRapport(url: baseline, create: true)
            let connection = try PostgresConnection(url: baseline)
            for kind in importOrder {
                try connection.execute("CREATE TABLE csv_\(kind.rawValue) (\(kind.columns.map { "\($0.name) text" }.joined(separator: ", ")))")
            }
            let script = files.map { "\\copy csv_\($0.kind.rawValue) FROM '\($0.path)' WITH (FORMAT csv, HEADER)" }.joined(separator: "\n")
            let copy = try clock.measure { try psql(baseline, script: script) }
            try dropDatabase(database + "_copy", on: url)
            let same = try recreate(database + "_same", on: url)
            _ = try PostgresDatabase.openRapport(url: same, create: true)
            let sameTables = try clock.measure { try psql(same, script: PostgresSameTables.script(files)) }
            try dropDatabase(database + "_same", on: url)
            rapportTimes.append(seconds(rapport))
            copyTimes.append(seconds(copy))
            sameTimes.append(seconds(sameTables))
            print(String(format: "  rapport import %6.2f s, psql \\copy into plain tables %6.2f s, into Rapport's tables %6.2f s (%d rows)",
                         seconds(rapport), seconds(copy), seconds(sameTables), rows))
        }
        let ratio = rapportTimes.min()! / sameTimes.min()!
        print(String(format: "rapport import: best %.2f s; psql \\copy into plain tables: best %.2f s (%.2f×); into Rapport's tables: best %.2f s, ratio %.2f× (target ≤ 2×) %@; peak memory %.0f MB",
                     rapportTimes.min()!, copyTimes.min()!, rapportTimes.min()! / copyTimes.min()!, sameTimes.min()!, ratio,
                     ratio <= 2 ? "met" : "MISSED", peakMemoryMB()))
    }

    // MARK: agenda

    static func agendaRun(_ arguments: ArraySlice<String>) throws {
        var options = try BenchOptions(arguments)
        let url = try options.value("--url") ?? { throw BenchError("--url postgres://… is required") }()
        let date = try options.date("--date") ?? benchToday
        let runs = Int(try options.value("--runs") ?? "5") ?? 5
        try options.finish()
        let target = databaseURL(url, database)
        let (config, occasions) = try shippedSettings()
        let db = try PostgresDatabase.openRapport(url: target)
        let rep = try db.connection.scalarText("SELECT handle FROM rep ORDER BY handle LIMIT 1") ?? ""
        let query = checkinDueSQL(date: date, config: config)
        // The same rep connected as its own role, as a rep runs `rapport today` (row-level security).
        let asRep = try PostgresDatabase.openRapport(url: loginRole("bench_rep_own", actingAs: rep, owner: db, url: target))
        defer {
            _ = try? db.teamRevoke(handle: rep)
            _ = try? db.connection.execute("DROP ROLE IF EXISTS bench_rep_own")
        }
        var all: [Double] = [], one: [Double] = [], own: [Double] = [], week: [Double] = [], shell: [Double] = []
        var items = 0, due = 0
        let clock = ContinuousClock()
        // As in the SQLite bench, the items are freed after the clock stops (`rapport today`
        // keeps them until the process exits).
        var kept: [AgendaDay] = []
        for _ in 0..<runs {
            all.append(seconds(try clock.measure {
                kept = try db.agendaDays(config: config, occasions: occasions, from: date, through: date, rep: nil)
            }))
            items = kept.first?.items.count ?? 0
            kept = []
            one.append(seconds(try clock.measure {
                _ = try db.agendaDays(config: config, occasions: occasions, from: date, through: date, rep: rep)
            }))
            own.append(seconds(try clock.measure {
                _ = try asRep.agendaDays(config: config, occasions: occasions, from: date, through: date, rep: rep)
            }))
            week.append(seconds(try clock.measure {
                kept = try db.agendaDays(config: config, occasions: occasions, from: date, through: date.adding(days: 6), rep: nil)
            }))
            kept = []
            shell.append(seconds(try clock.measure { due = try psqlCount(target, query) }))
        }
        let ratio = all.min()! / shell.min()!
        print("today on \(date), best of \(runs):")
        print(String(format: "  all reps     %7.1f ms  (%d items)", all.min()! * 1000, items))
        print(String(format: "  psql query   %7.1f ms  (%d accounts due)", shell.min()! * 1000, due))
        print(String(format: "  ratio        %7.2f×   (target ≤ 1.5×) %@", ratio, ratio <= 1.5 ? "met" : "MISSED"))
        print(String(format: "  one rep      %7.1f ms as the owner, %.1f ms as its own role (%@; target < 100 ms) %@",
                     one.min()! * 1000, own.min()! * 1000, rep, max(one.min()!, own.min()!) < 0.1 ? "met" : "MISSED"))
        print(String(format: "  week         %7.1f ms  (%.1f× a day)", week.min()! * 1000, week.min()! / all.min()!))
        print(String(format: "  peak memory  %7.0f MB", peakMemoryMB()))
    }

    /// The SQLite bench's reference query (`AgendaBench.checkinDueSQL`) in PostgreSQL's
    /// dialect: the last touch on or before the date per account, through the
    /// (account_id, date) index, plus the account's or its tier's cadence.
    static func checkinDueSQL(date: CivilDate, config: RapportConfig) -> String {
        let cases = config.cadence.sorted { $0.key < $1.key }.map { "WHEN '\($0.key)' THEN \($0.value)" }.joined(separator: " ")
        return """
            SELECT a.key FROM account a
            WHERE a.status = 'active' AND a.created_on <= '\(date)'
              AND (COALESCE((SELECT MAX(t.date) FROM touch t WHERE t.account_id = a.id AND t.date <= '\(date)'), a.created_on)::date
                   + COALESCE(a.cadence_days, CASE a.tier \(cases) ELSE \(config.cadence.values.max() ?? 30) END)) <= '\(date)'::date
            """
    }

    // MARK: audit

    static func auditRun(_ arguments: ArraySlice<String>) throws {
        var options = try BenchOptions(arguments)
        let url = try options.value("--url") ?? { throw BenchError("--url postgres://… is required") }()
        let from = try options.date("--from") ?? CivilDate(year: 2025, month: 11, day: 30)!
        let to = try options.date("--to") ?? benchToday
        let runs = Int(try options.value("--runs") ?? "3") ?? 3
        try options.finish()
        let db = try PostgresDatabase.openRapport(url: databaseURL(url, database))
        let period = try AuditPeriod(from: from, to: to)
        var times: [Double] = []
        for _ in 0..<runs {
            times.append(seconds(try ContinuousClock().measure {
                let input = try db.auditInput(period: period, rep: nil)
                _ = try AuditReport.compute(input, period: period, config: RapportConfig())
            }))
        }
        print(String(format: "audit %@ – %@, best of %d: %.2f s (target < 3 s) %@; peak memory %.0f MB",
                     from.description, to.description, runs, times.min()!, times.min()! < 3 ? "met" : "MISSED", peakMemoryMB()))
    }

    // MARK: load

    /// One operation's latencies, in seconds.
    final class Latencies: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String: [Double]] = [:]
        private var failures: [String] = []

        func add(_ name: String, _ value: Double) { lock.withLock { values[name, default: []].append(value) } }
        func fail(_ message: String) { lock.withLock { failures.append(message) } }
        var snapshot: ([String: [Double]], [String]) { lock.withLock { (values, failures) } }
    }

    static func loadRun(_ arguments: ArraySlice<String>) throws {
        var options = try BenchOptions(arguments)
        let url = try options.value("--url") ?? { throw BenchError("--url postgres://… is required") }()
        let repCount = Int(try options.value("--reps") ?? "50") ?? 50
        let duration = Double(try options.value("--seconds") ?? "60") ?? 60
        let date = try options.date("--date") ?? benchToday
        try options.finish()
        let target = databaseURL(url, database)
        let owner = try PostgresDatabase.openRapport(url: target)
        // The reps with most accounts, each given a login role of its own (as on a real team).
        let handles = try owner.connection.rows(
            "SELECT r.handle FROM rep r JOIN account a ON a.owner_id = r.id GROUP BY r.handle ORDER BY count(*) DESC, r.handle LIMIT $1",
            [repCount]) { $0.string(0) }
        let urls = try handles.enumerated().map { try loginRole("bench_rep_\($0.offset)", actingAs: $0.element, owner: owner, url: target) }
        let (config, occasions) = try shippedSettings()
        let templates = ShippedResources.templatesDirectory
        let latencies = Latencies()
        let started = Date()
        let group = DispatchGroup()
        for (index, repURL) in urls.enumerated() {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let db = try PostgresDatabase.openRapport(url: repURL)
                    let accounts = try db.connection.rows("SELECT key FROM account ORDER BY key") { $0.string(0) }
                    var round = 0
                    while Date().timeIntervalSince(started) < duration {
                        round += 1
                        var items: [AgendaItem] = []
                        try measure("today", latencies) {
                            items = try agendaItems(db: db, config: config, occasions: occasions, date: date, rep: db.access.handle)
                        }
                        for touch in 0..<20 {
                            let account = accounts[(round * 20 + touch) % max(accounts.count, 1)]
                            try measure("touch log", latencies) {
                                _ = try db.recordTouch(TouchLog.Entry(
                                    account: account, date: date, channel: .call, kind: .checkin, note: "load \(index) \(round) \(touch)"))
                            }
                        }
                        try measure("drafts", latencies) {
                            let data = try db.draftData(accounts: Array(Set(items.map(\.account))), reps: [db.access.handle ?? ""])
                            let composer = DraftComposer(
                                library: try TemplateLibrary(user: nil, shipped: templates), data: data,
                                rules: try SalutationRules.load(directory: nil, shipped: ShippedResources.configDirectory),
                                occasions: OccasionCatalog(source: occasions), defaultLocale: config.defaultLocale)
                            _ = try composer.drafts(for: items)
                        }
                    }
                } catch {
                    latencies.fail("rep \(index): \(error)")
                }
            }
        }
        group.wait()
        let elapsed = Date().timeIntervalSince(started)
        let (values, failures) = latencies.snapshot
        print(String(format: "load: %d reps, %.0f s, one connection each", urls.count, elapsed))
        var operations = 0
        for name in ["today", "touch log", "drafts"] {
            let sorted = (values[name] ?? []).sorted()
            guard !sorted.isEmpty else { continue }
            operations += sorted.count
            func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] * 1000 }
            print(String(format: "  %-10@ %6d ops  %7.1f/s  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms",
                         name, sorted.count, Double(sorted.count) / elapsed, at(0.5), at(0.99), sorted.last! * 1000))
        }
        print(String(format: "  all        %6d ops  %7.1f/s; errors: %d", operations, Double(operations) / elapsed, failures.count))
        for failure in failures.prefix(5) { print("  error: \(failure)") }
        // Leave the file as it was: the load's touches and roles go.
        try owner.connection.execute("DELETE FROM touch WHERE note LIKE 'load %'")
        for (index, handle) in handles.enumerated() {
            _ = try owner.teamRevoke(handle: handle)
            try owner.connection.execute("DROP ROLE IF EXISTS bench_rep_\(index)")
        }
    }

    /// A login role `role` acting as rep `handle` (made again if there), and its URL.
    static func loginRole(_ role: String, actingAs handle: String, owner: PostgresDatabase, url: String) throws -> String {
        try owner.connection.execute("DROP ROLE IF EXISTS \(role)")
        try owner.connection.execute("CREATE ROLE \(role) LOGIN PASSWORD 'bench'")
        _ = try owner.teamGrant(handle: handle, role: role, manager: false)
        var parts = URLComponents(string: url)!
        parts.user = role
        parts.password = "bench"
        return parts.string!
    }

    private static func measure(_ name: String, _ latencies: Latencies, _ body: () throws -> Void) throws {
        let clock = ContinuousClock()
        var failure: Error?
        let elapsed = clock.measure {
            do { try body() } catch { failure = error }
        }
        if let failure {
            latencies.fail("\(name): \(failure)")
            throw failure
        }
        latencies.add(name, seconds(elapsed))
    }

    // MARK: helpers

    /// The shipped settings and holiday calendar, as `rapport today` loads them.
    static func shippedSettings() throws -> (RapportConfig, any OccasionSource) {
        let config = try RapportConfig.load(directory: ShippedResources.configDirectory)
        return (config, AgendaOccasions(calendar: try HolidayCalendar.load(shipped: ShippedResources.configDirectory, user: nil, config: config)))
    }

    /// `url` with its database part replaced.
    static func databaseURL(_ url: String, _ name: String) -> String {
        var parts = URLComponents(string: url)!
        parts.path = "/" + name
        return parts.string!
    }

    /// A fresh, empty database `name`; its URL.
    static func recreate(_ name: String, on url: String) throws -> String {
        try dropDatabase(name, on: url)
        try PostgresConnection(url: url).execute("CREATE DATABASE \(name)")
        return databaseURL(url, name)
    }

    static func dropDatabase(_ name: String, on url: String) throws {
        try PostgresConnection(url: url).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Runs a psql script (backslash commands allowed: a file, not `-c`).
    static func psql(_ url: String, script: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-pg-\(getpid()).sql")
        try script.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let status = try spawnAndWait("/usr/bin/psql", [url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.path])
        guard status == 0 else { throw BenchError("psql failed with status \(status)") }
    }

    /// Runs `sql` through psql, its rows to a file (as the sqlite3 reference does); the row count.
    static func psqlCount(_ url: String, _ sql: String) throws -> Int {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-pg-\(getpid()).out").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let status = try spawnAndWait("/usr/bin/psql", [url, "-X", "-A", "-t", "-c", sql], stdout: out)
        guard status == 0 else { throw BenchError("psql failed with status \(status)") }
        return (try String(contentsOfFile: out, encoding: .utf8)).split(separator: "\n").count
    }
}
