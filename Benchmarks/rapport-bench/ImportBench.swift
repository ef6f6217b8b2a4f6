import Foundation
import RapportCore

// `rapport-bench import --dir DIR [--runs 3] [--sqlite3 PATH]`: imports the CSV files of
// `generate` into a fresh Rapport database through the public Importer (DIR/rapport.db,
// kept for the agenda and audit benchmarks), then, in the same run, the same files with the
// sqlite3 shell's `.import --csv --skip 1` into tables shaped like the files, in a fresh
// database with the same schema. The two alternate for `--runs` rounds (the machine may be
// shared: the best and the median of each side are compared). Prints both times, their
// ratio (target: at most 2×) and the peak memory of the Rapport import (target: < 300 MB).

let importOrder: [ImportKind] = [.reps, .accounts, .contacts, .events, .touches, .invoices, .payments, .promises, .snoozes]

func importBench(_ arguments: ArraySlice<String>) throws {
    var options = try BenchOptions(arguments)
    let dir = try options.directory()
    let rounds = Int(try options.value("--runs") ?? "3") ?? 0
    guard rounds >= 1 else { throw BenchError("--runs must be a whole number, at least 1") }
    let shell = try options.value("--sqlite3") ?? "/usr/bin/sqlite3"
    try options.finish()
    let files = importOrder.map { (kind: $0, path: dir + "/" + $0.rawValue + ".csv") }
    for file in files where !FileManager.default.fileExists(atPath: file.path) {
        throw BenchError("\(file.path) is missing; run `rapport-bench generate --dir \(dir)` first")
    }
    let csvBytes = files.reduce(0) { $0 + fileSize($1.path) }
    let rapportPath = dir + "/rapport.db"
    let baselinePath = dir + "/sqlite3-baseline.db"
    var rapportTimes: [Double] = []
    var shellTimes: [Double] = []
    var peak = 0.0

    for round in 1...rounds {
        print("round \(round) of \(rounds)")
        let (rapportTime, rows) = try importWithRapport(files, into: rapportPath)
        peak = max(peak, peakMemoryMB())
        let (shellTime, shellRows) = try importWithShell(shell, files, into: baselinePath)
        if shellRows != rows { print("warning: the shell loaded \(shellRows) rows, Rapport read \(rows)") }
        print(String(format: "  rapport import %6.2f s, sqlite3 .import %6.2f s (%d rows, %.0f MB of CSV)",
                     rapportTime, shellTime, rows, Double(csvBytes) / 1e6))
        rapportTimes.append(rapportTime)
        shellTimes.append(shellTime)
    }
    removeDatabase(baselinePath)

    let best = (rapportTimes.min() ?? 0, shellTimes.min() ?? 0)
    let middle = (median(rapportTimes), median(shellTimes))
    print(String(format: "rapport import:  best %6.2f s, median %6.2f s; peak memory %.0f MB; database %.0f MB",
                 best.0, middle.0, peak, Double(fileSize(rapportPath)) / 1e6))
    print(String(format: "sqlite3 .import: best %6.2f s, median %6.2f s", best.1, middle.1))
    let ratio = best.0 / best.1
    print(String(format: "ratio: %.2f× best to best, %.2f× median to median (target ≤ 2×) %@; peak memory %.0f MB (target < 300 MB) %@",
                 ratio, middle.0 / middle.1, ratio <= 2 ? "met" : "MISSED", peak, peak < 300 ? "met" : "MISSED"))
}

/// All the files through `Importer`, into a fresh database; the seconds and the rows read.
private func importWithRapport(_ files: [(kind: ImportKind, path: String)], into path: String) throws -> (Double, Int) {
    removeDatabase(path)
    let clock = ContinuousClock()
    var rows = 0
    let elapsed = try clock.measure {
        let db = try Database.openRapport(path: path, mode: .create)
        let importer = Importer(database: db)
        for file in files {
            let started = clock.now
            let summary = try importer.importFile(kind: file.kind, path: file.path)
            rows += summary.rows
            print(String(format: "    %-9@ %9d rows %7.2f s  (%d inserted, %d updated, %d skipped)",
                         file.kind.rawValue, summary.rows, seconds(clock.now - started),
                         summary.inserted, summary.updated, summary.skipped))
        }
    }
    return (seconds(elapsed), rows)
}

/// The same files with the shell's `.import`, into tables shaped like them, in a fresh
/// database with the Rapport schema; the seconds and the rows loaded.
private func importWithShell(_ shell: String, _ files: [(kind: ImportKind, path: String)], into path: String) throws -> (Double, Int) {
    removeDatabase(path)
    do {
        let db = try Database.openRapport(path: path, mode: .create)
        for kind in importOrder {
            try db.execute("CREATE TABLE csv_\(kind.rawValue) (\(kind.columns.map { "\($0.name) TEXT" }.joined(separator: ", ")))")
        }
    }
    let script = files.map { ".import --csv --skip 1 \"\($0.path)\" csv_\($0.kind.rawValue)" }.joined(separator: "\n") + "\n"
    let elapsed = try ContinuousClock().measure { try runShell(shell, database: path, script: script) }
    let baseline = try Database(path: path, mode: .readOnly)
    var rows = 0
    for kind in importOrder { rows += try baseline.scalarInt("SELECT count(*) FROM csv_\(kind.rawValue)") ?? 0 }
    return (seconds(elapsed), rows)
}

private func runShell(_ shell: String, database: String, script: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: shell)
    process.arguments = [database]
    let input = Pipe()
    process.standardInput = input
    try process.run()
    input.fileHandleForWriting.write(Data(script.utf8))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw BenchError("\(shell) exited with \(process.terminationStatus)") }
}

private func removeDatabase(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// The process's peak resident memory (VmHWM), in MB.
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kB = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kB / 1024
}
