import Foundation
import RapportCore

// `rapport-bench export --db PATH [--kind touches] [--runs 3] [--sqlite3 PATH]`: exports one
// kind of a loaded SQLite database (e.g. the `import` benchmark's DIR/rapport.db; it is
// only read) as CSV through `TableExport` to a file beside it, and, in the same run, the
// hand-written join of the same columns with the sqlite3 shell's `-csv` mode (touches only:
// the largest table, the one that must stream). Prints the times, their ratio, the rows and
// the peak memory of this process (which only the export uses: it must not grow with the
// table).

func exportBench(_ arguments: ArraySlice<String>) throws {
    var options = try BenchOptions(arguments)
    guard let db = try options.value("--db") else { throw BenchError("--db PATH is required") }
    guard let kind = ImportKind(rawValue: try options.value("--kind") ?? "touches") else {
        throw BenchError("--kind must be one of \(ImportKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let rounds = Int(try options.value("--runs") ?? "3") ?? 0
    guard rounds >= 1 else { throw BenchError("--runs must be a whole number, at least 1") }
    let shell = try options.value("--sqlite3") ?? "/usr/bin/sqlite3"
    try options.finish()
    let store = try openRapportStore(location: db)
    let out = db + ".export-bench.csv"
    defer { try? FileManager.default.removeItem(atPath: out) }
    let clock = ContinuousClock()
    for round in 1...rounds {
        var rows = 0
        let rapport = try clock.measure { rows = try TableExport.write(kind, from: store, format: .csv, to: out) }
        var line = String(format: "round %d: rapport export %@ %6.2f s (%d rows, %.0f MB)", round, kind.rawValue,
                          seconds(rapport), rows, Double((try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0) / 1e6)
        if kind == .touches {
            let baseline = try clock.measure {
                let status = try spawnAndWait(shell, ["-csv", "-cmd", "PRAGMA cache_size = -65536", db, """
                    SELECT a.key, c.key, r.handle, t.date, t.channel, t.kind, t.note FROM touch t
                    JOIN account a ON a.id = t.account_id LEFT JOIN contact c ON c.id = t.contact_id
                    JOIN rep r ON r.id = t.rep_id ORDER BY t.id
                    """], stdout: out + ".shell")
                guard status == 0 else { throw BenchError("the sqlite3 shell failed: status \(status)") }
            }
            try? FileManager.default.removeItem(atPath: out + ".shell")
            line += String(format: ", sqlite3 -csv %6.2f s, %.2f×", seconds(baseline), seconds(rapport) / seconds(baseline))
        }
        print(line)
    }
    print(String(format: "peak memory %.0f MB", peakMemoryMB()))
}
