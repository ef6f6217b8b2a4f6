import Foundation
import RapportCore

// `rapport-bench payers --db PATH [--date D] [--runs N]`
//
// Times `rapport payers` over all reps in-process — the SQL load (`payerInvoices`), the
// figures (`PayerFigures.compute`) and the JSON — against the sqlite3 shell running one
// hand-written query that computes the same figures (exact paid-off dates through a
// running sum of the payments, both years, on-time share, averages, nearest-rank p90,
// trend, open amount, ranked) on the same file in the same run. Best of N, wall and CPU.
enum PayersBench {
    static func run(_ arguments: ArraySlice<String>) throws {
        var options = try BenchOptions(arguments)
        guard let path = try options.value("--db") else { throw BenchError("--db PATH is required") }
        let date = try options.date("--date") ?? benchToday
        let runs = Int(try options.value("--runs") ?? "5") ?? 5
        try options.finish()
        let db = try Database.openRapport(path: path)

        var lines = 0, bytes = 0
        var best = AgendaBench.Timing(wall: .infinity, cpu: .infinity)
        // The parts of the best run: SQL load, figures, JSON.
        var parts: [Double] = []
        for _ in 0..<runs {
            var split: [Double] = []
            let timing = try AgendaBench.time {
                var mark = Date()
                func lap() { split.append(Date().timeIntervalSince(mark)); mark = Date() }
                let (invoices, owners) = try db.payerInvoices(asOf: date, rep: nil)
                lap()
                let figures = PayerFigures.compute(invoices, owners: owners, asOf: date)
                lap()
                lines = figures.count
                bytes = PayerFigures.json(figures).count
                lap()
            }
            if timing.wall < best.wall { parts = split }
            best = AgendaBench.Timing(wall: min(best.wall, timing.wall), cpu: min(best.cpu, timing.cpu))
        }
        var shellBest = AgendaBench.Timing(wall: .infinity, cpu: .infinity)
        var shellRows = 0
        for _ in 0..<runs {
            let (rows, timing) = try AgendaBench.sqliteShell(path: path, sql: shellQuery(date))
            shellRows = rows
            shellBest = AgendaBench.Timing(wall: min(shellBest.wall, timing.wall), cpu: min(shellBest.cpu, timing.cpu))
        }
        print("payers benchmark on \(path), date \(date), best of \(runs) runs")
        print(String(format: "  sqlite3 shell, hand-written figures   wall %7.1f ms  cpu %7.1f ms  %d lines", shellBest.wall * 1000, shellBest.cpu * 1000, shellRows))
        print(String(format: "  payers, all reps (in-process, JSON)  wall %7.1f ms  cpu %7.1f ms  %d lines, %d bytes of JSON; ratio wall %.2f×, cpu %.2f× (targets < 1 s, ≤ 3×)",
                     best.wall * 1000, best.cpu * 1000, lines, bytes, best.wall / shellBest.wall, best.cpu / shellBest.cpu))
        print(String(format: "  (best run: load %.1f ms, figures %.1f ms, JSON %.1f ms)", parts[0] * 1000, parts[1] * 1000, parts[2] * 1000))
        print(String(format: "  peak memory (max RSS) %.1f MB", AgendaBench.peakMemoryMB()))
    }

    /// The figures of docs/payers.md in one statement, for the shell (the date written in).
    static func shellQuery(_ date: CivilDate) -> String {
        let d = "'\(date)'"
        return """
            WITH cum AS (
                SELECT p.invoice_id, p.paid_on, SUM(p.amount) OVER (PARTITION BY p.invoice_id ORDER BY p.paid_on) AS total
                FROM payment p WHERE p.paid_on <= \(d)),
            settled AS (
                SELECT c.invoice_id, MIN(c.paid_on) AS paid_off FROM cum c JOIN invoice i ON i.id = c.invoice_id
                WHERE c.total >= i.amount GROUP BY c.invoice_id),
            paid AS (SELECT invoice_id, MAX(total) AS paid FROM cum GROUP BY invoice_id),
            inv AS (
                SELECT i.account_id, i.currency, i.due_on,
                       CASE WHEN i.due_on > date(\(d), '-365 days') THEN 1 WHEN i.due_on > date(\(d), '-730 days') THEN 0 END AS yr,
                       MAX(0, i.amount - COALESCE(pd.paid, 0)) AS balance,
                       MAX(0, CAST(julianday(COALESCE(s.paid_off, \(d))) - julianday(i.due_on) AS INTEGER)) AS days
                FROM invoice i JOIN account a ON a.id = i.account_id
                LEFT JOIN settled s ON s.invoice_id = i.id LEFT JOIN paid pd ON pd.invoice_id = i.id
                WHERE i.issued_on <= \(d) AND a.created_on <= \(d)),
            w AS (
                SELECT account_id, currency, yr, days,
                       ROW_NUMBER() OVER (PARTITION BY account_id, currency, yr ORDER BY days) AS r,
                       COUNT(*) OVER (PARTITION BY account_id, currency, yr) AS n
                FROM inv WHERE yr IS NOT NULL AND due_on <= \(d)),
            f AS (
                SELECT account_id, currency, SUM(yr = 1) AS invoices, SUM(yr = 1 AND days = 0) AS on_time,
                       AVG(CASE WHEN yr = 1 THEN days END) AS avg_days,
                       MAX(CASE WHEN yr = 1 AND r = (9 * n + 9) / 10 THEN days END) AS p90,
                       AVG(CASE WHEN yr = 0 THEN days END) AS prior_avg
                FROM w GROUP BY account_id, currency),
            o AS (SELECT account_id, currency, SUM(balance) AS open FROM inv WHERE balance > 0 GROUP BY account_id, currency)
            SELECT a.key, r.handle, f.currency, f.invoices, round(1.0 * f.on_time / NULLIF(f.invoices, 0), 4),
                   round(f.avg_days, 1), f.p90, round(f.prior_avg, 1), round(f.avg_days - f.prior_avg, 1) AS trend,
                   COALESCE(o.open, 0) AS open
            FROM f JOIN account a ON a.id = f.account_id JOIN rep r ON r.id = a.owner_id
            LEFT JOIN o ON o.account_id = f.account_id AND o.currency = f.currency
            ORDER BY trend IS NULL, trend DESC, open DESC, a.key, f.currency;
            """
    }
}
