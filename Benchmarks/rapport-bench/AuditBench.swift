import Foundation
import RapportCore

// rapport-bench audit --db PATH [--from D --to D] [--runs N] [--generate]
//
// Times a one-year audit in-process (load + metrics, then JSON encoding separately) and,
// in the same run, a hand-written SQL equivalent of the per-account gap computation in
// the sqlite3 shell (LAG over the distinct touch dates per account). Prints the best of
// N runs of each, their ratio, and peak memory. `--generate` first builds a database at
// the issue's scale (100 000 accounts, 2 000 000 touches over 2024–2025, 300 000 invoices
// with payments) when PATH does not exist.
enum AuditBench {
    static func run(_ arguments: ArraySlice<String>) throws {
        var options = try BenchOptions(arguments)
        let path = try options.value("--db") ?? { throw BenchError("--db PATH is required") }()
        let from = try options.date("--from") ?? CivilDate(year: 2025, month: 1, day: 1)!
        let to = try options.date("--to") ?? CivilDate(year: 2025, month: 12, day: 31)!
        let runsText = try options.value("--runs") ?? "3"
        guard let runs = Int(runsText), runs >= 1 else { throw BenchError("--runs must be a whole number ≥ 1, got \(runsText)") }
        let generate = options.flag("--generate")
        let sqlite3 = try options.value("--sqlite3") ?? "/usr/bin/sqlite3"
        try options.finish()

        if !FileManager.default.fileExists(atPath: path) {
            guard generate else { throw BenchError("no database at \(path) (add --generate to build one)") }
            let started = Date()
            try AuditBenchData.generate(path: path)
            print("generated \(path) in \(seconds(since: started)) s")
        }
        let period = try AuditPeriod(from: from, to: to)
        let config = RapportConfig()
        let sql = gapSQL(period: period, config: config)
        let sqlFile = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-audit-gaps-\(getpid()).sql")
        try sql.write(to: sqlFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: sqlFile) }

        var auditTimes: [Double] = []
        var auditCPU: [Double] = []
        var loadTimes: [Double] = []
        var encodeTimes: [Double] = []
        var payerTimes: [Double] = [], payerLines = 0
        var sqlTimes: [Double] = []
        var sqlCPU: [Double] = []
        var sqlPeak = ""
        var summary = ""
        var sqlSummary = ""
        // An older file is migrated once, read-write, before the read-only timed runs.
        _ = try Database.openRapport(path: path)
        // Alternate the two so both see the same page-cache state; run 0 only warms up.
        for round in 0...runs {
            let started = Date()
            let cpuStarted = cpuSeconds(children: false)
            let db = try Database.openRapport(path: path, mode: .readOnly)
            let input = try db.auditInput(period: period)
            let loaded = Date()
            let report = try AuditReport.compute(input, period: period, config: config)
            let computed = Date()
            let cpuUsed = cpuSeconds(children: false) - cpuStarted
            let json = report.json().utf8
            let encoded = Date()
            // The payer part alone (issue 14), as the money thread runs it after the ledger.
            let ledger = InvoiceLedger(invoices: input.invoices, payments: input.payments, asOf: period.to)
            let payersStarted = Date()
            let payers = PayerAudit.compute(
                ledger.entries.map(PayerInvoice.init), owners: Dictionary(uniqueKeysWithValues: input.accounts.map { ($0.key, $0.owner) }),
                reps: input.reps.map(\.handle), asOf: period.to, minWorsening: config.payerMinWorseningDays)
            if round > 0 { payerTimes.append(Date().timeIntervalSince(payersStarted)) }
            payerLines = payers.figures.count
            let compliant = report.accounts.count(where: \.compliant)
            summary = "\(report.accounts.count) accounts, \(compliant) compliant, "
                + "Σ max gap \(report.accounts.reduce(0) { $0 + $1.maxGapDays }), "
                + "\(input.touches.count) touches loaded, \(input.invoices.count) invoices, JSON \(json.count / 1_000_000) MB"

            let sqlStarted = Date()
            let sqlCPUStarted = cpuSeconds(children: true)
            let output = try runShell(sqlite3, database: path, script: sqlFile).split(separator: "\n")
            let sqlTime = Date().timeIntervalSince(sqlStarted)
            sqlSummary = output.first.map(String.init) ?? ""
            sqlPeak = output.first(where: { $0.hasPrefix("VmHWM:") }).map {
                $0.dropFirst(6).trimmingCharacters(in: .whitespaces)
            } ?? "?"
            if round > 0 {
                loadTimes.append(loaded.timeIntervalSince(started))
                auditTimes.append(computed.timeIntervalSince(started))
                auditCPU.append(cpuUsed)
                encodeTimes.append(encoded.timeIntervalSince(computed))
                sqlTimes.append(sqlTime)
                sqlCPU.append(cpuSeconds(children: true) - sqlCPUStarted)
            }
        }
        let best = auditTimes.min() ?? 0
        let bestSQL = sqlTimes.min() ?? 0
        print("period        \(period) (\(period.days) days), \(runs) timed runs after 1 warm-up")
        print("audit         \(summary)")
        print("sqlite3 gaps  \(sqlSummary.trimmingCharacters(in: .whitespacesAndNewlines)) (accounts|compliant|Σ max gap)")
        let bestCPU = auditCPU.min() ?? 0
        let bestSQLCPU = sqlCPU.min() ?? 0
        print(String(format: "in-process    load+metrics wall best %.3f s (load %.3f s), all %@; CPU best %.3f s",
                     best, loadTimes.min() ?? 0, format(auditTimes), bestCPU))
        print(String(format: "payers part   best %.3f s (%d lines; inside the money thread, beside the touches)", payerTimes.min() ?? 0, payerLines))
        print(String(format: "json encode   best %.3f s (not part of the audit time; the CLI's --format json cost)",
                     encodeTimes.min() ?? 0))
        print(String(format: "sqlite3 shell wall best %.3f s, all %@; CPU best %.3f s", bestSQL, format(sqlTimes), bestSQLCPU))
        print(String(format: "ratio         wall %.2f×, CPU %.2f× (target ≤ 3×); under 2 s: %@",
                     best / bestSQL, bestCPU / bestSQLCPU, best < 2 ? "yes" : "NO"))
        print("peak memory   rapport-bench \(peakKilobytes() / 1024) MB (VmHWM, includes JSON encoding), sqlite3 \(sqlPeak)")
    }

    /// The per-account gap computation in plain SQL: the points [anchor, distinct touch
    /// dates in the period, to] per account, LAG over them, the max gap against cadence.
    static func gapSQL(period: AuditPeriod, config: RapportConfig) -> String {
        let cadence = config.cadence.sorted { $0.key < $1.key }
            .map { "WHEN '\($0.key)' THEN \($0.value)" }.joined(separator: " ")
        let fallback = config.cadence.values.max() ?? 30
        return """
            WITH acc AS (
                SELECT a.id, coalesce(a.cadence_days, CASE a.tier \(cadence) ELSE \(fallback) END) AS cadence,
                       coalesce((SELECT max(date) FROM touch t WHERE t.account_id = a.id AND t.date < '\(period.from)'),
                                max(a.created_on, '\(period.from)')) AS anchor
                FROM account a WHERE a.created_on <= '\(period.to)'
            ),
            points AS (
                SELECT id AS account_id, anchor AS d FROM acc
                UNION SELECT id, '\(period.to)' FROM acc
                UNION SELECT t.account_id, t.date FROM touch t JOIN acc ON acc.id = t.account_id
                      WHERE t.date BETWEEN '\(period.from)' AND '\(period.to)'
            ),
            gaps AS (
                SELECT account_id,
                       julianday(d) - julianday(lag(d) OVER (PARTITION BY account_id ORDER BY d)) AS gap
                FROM points
            ),
            per_account AS (
                SELECT account_id, cast(max(gap) AS integer) AS max_gap FROM gaps GROUP BY account_id
            )
            SELECT count(*), sum(max_gap <= cadence), sum(max_gap)
            FROM per_account JOIN acc ON acc.id = per_account.account_id;
            .shell grep VmHWM /proc/$PPID/status 2>/dev/null

            """
    }

    static func runShell(_ executable: String, database: String, script: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-readonly", "-bail", database, ".read \(script.path)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("sqlite3 exited \(process.terminationStatus)") }
        return String(decoding: output, as: UTF8.self)
    }

    /// This process's peak resident set size in kilobytes. (A child's ru_maxrss is no use
    /// for sqlite3: Linux folds the parent's RSS at fork into it, so the shell reports its
    /// own VmHWM from /proc instead.)
    static func peakKilobytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss / 1024
        #endif
    }

    /// User + system CPU seconds of this process, or of its waited-for children: under a
    /// busy machine this is steadier than wall time.
    static func cpuSeconds(children: Bool) -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t((children ? RUSAGE_CHILDREN : RUSAGE_SELF).rawValue), &usage)
        #else
        getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func seconds(since start: Date) -> String { String(format: "%.1f", Date().timeIntervalSince(start)) }

    static func format(_ times: [Double]) -> String {
        times.map { String(format: "%.3f", $0) }.joined(separator: " ")
    }
}

/// A database at the issue's scale, built with recursive CTEs in half a minute. Values
/// come from hashing the row number, so every run builds the same data; touch dates use a
/// quadratic hash so an account's touches are not evenly spaced.
enum AuditBenchData {
    static func generate(path: String) throws {
        let db = try Database.openRapport(path: path, mode: .create)
        try db.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        try db.transaction {
            try db.execute("""
                INSERT INTO rep (id, handle, name)
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
                SELECT i, printf('rep%03d', i), printf('Rep %d', i) FROM n;

                INSERT INTO account (id, key, name, tier, owner_id, country, created_on, status)
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
                SELECT i, printf('ACC-%06d', i), printf('Account %d', i),
                       CASE WHEN i % 10 < 2 THEN 'A' WHEN i % 10 < 5 THEN 'B' ELSE 'C' END,
                       1 + i % 200, 'CN', date('2022-01-01', '+' || ((i * 7919) % 1500) || ' days'),
                       CASE WHEN i % 50 = 0 THEN 'dormant' ELSE 'active' END
                FROM n;

                INSERT INTO touch (account_id, rep_id, date, channel, kind)
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000)
                SELECT 1 + (i * 48271) % 100000,
                       CASE WHEN i % 10 = 0 THEN 1 + (i * 31) % 200 ELSE 1 + ((1 + (i * 48271) % 100000) % 200) END,
                       date('2024-01-01', '+' || (((i * i * 7919) % 1000003) % 731) || ' days'),
                       CASE i % 5 WHEN 0 THEN 'call' WHEN 1 THEN 'chat' WHEN 2 THEN 'visit' WHEN 3 THEN 'email' ELSE 'sms' END,
                       CASE i % 9 WHEN 0 THEN 'greeting' WHEN 1 THEN 'gift' WHEN 2 THEN 'care' WHEN 3 THEN 'collection'
                                  WHEN 4 THEN 'visit' WHEN 5 THEN 'other' ELSE 'checkin' END
                FROM n;

                INSERT INTO invoice (id, number, account_id, issued_on, due_on, amount, currency)
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000),
                     d(i, issued) AS (SELECT i, date('2024-01-01', '+' || ((i * 7901) % 731) || ' days') FROM n)
                SELECT i, printf('INV-%07d', i), 1 + (i * 7817) % 100000, issued,
                       date(issued, '+' || (30 + 30 * (i % 3)) || ' days'),
                       100000 + (i * 2654435761) % 50000000,
                       CASE WHEN i % 20 = 0 THEN 'USD' WHEN i % 20 = 1 THEN 'JPY' ELSE 'CNY' END
                FROM d;

                INSERT INTO payment (invoice_id, paid_on, amount)
                SELECT id, date(issued_on, '+' || (id % 120) || ' days'),
                       CASE WHEN id % 4 = 0 THEN amount / 2 ELSE amount END
                FROM invoice WHERE id % 6 <> 0;

                INSERT INTO payment (invoice_id, paid_on, amount)
                SELECT id, date(issued_on, '+' || (90 + id % 60) || ' days'), amount - amount / 2
                FROM invoice WHERE id % 4 = 0 AND id % 8 = 0;

                INSERT INTO promise (account_id, invoice_id, promised_on, amount, currency)
                SELECT account_id, CASE WHEN id % 2 = 0 THEN id END, date(due_on, '+20 days'), amount, currency
                FROM invoice WHERE id % 15 = 0;
                """)
        }
        try db.execute("ANALYZE")
    }
}
