import Foundation
import RapportCore

// `rapport-bench import --dir DIR`: imports the CSV files of `generate` into a fresh
// Rapport database (DIR/rapport.db, kept for the agenda and audit benchmarks), then, in the
// same run, the same files with the sqlite3 shell's `.import` into tables shaped like the
// files in a fresh database with the same schema. Prints both times, their ratio (target:
// at most 2×) and the peak memory of the Rapport import (target: under 300 MB).

let importOrder: [ImportKind] = [.reps, .accounts, .contacts, .events, .touches, .invoices, .payments, .promises, .snoozes]

func importBench(_ arguments: ArraySlice<String>) throws {
    var options = try BenchOptions(arguments)
    let dir = try options.directory()
    let shell = try options.value("--sqlite3") ?? "/usr/bin/sqlite3"
    try options.finish()
    let files = importOrder.map { (kind: $0, path: dir + "/" + $0.rawValue + ".csv") }
    for file in files where !FileManager.default.fileExists(atPath: file.path) {
        throw BenchError("\(file.path) is missing; run `rapport-bench generate --dir \(dir)` first")
    }
    let clock = ContinuousClock()

    // Rapport, through the public Importer.
    let rapportPath = dir + "/rapport.db"
    removeDatabase(rapportPath)
    var rows = 0
    var bytes = 0
    let rapportTime = try clock.measure {
        let db = try Database.openRapport(path: rapportPath, mode: .create)
        let importer = Importer(database: db)
        for file in files {
            let started = clock.now
            let summary = try importer.importFile(kind: file.kind, path: file.path)
            let size = fileSize(file.path)
            rows += summary.rows
            bytes += size
            print(String(format: "  %-9@ %9d rows %7.1f MB %7.2f s  (%d inserted, %d updated, %d skipped)",
                         file.kind.rawValue, summary.rows, Double(size) / 1e6, seconds(clock.now - started),
                         summary.inserted, summary.updated, summary.skipped))
        }
    }
    let peak = peakMemoryMB()
    print(String(format: "rapport import:  %7.2f s  %d rows, %.0f MB of CSV; peak memory %.0f MB; database %.0f MB",
                 seconds(rapportTime), rows, Double(bytes) / 1e6, peak, Double(fileSize(rapportPath)) / 1e6))

    // The sqlite3 shell, into plain tables shaped like the files, in a database with the same schema.
    let baselinePath = dir + "/sqlite3-baseline.db"
    removeDatabase(baselinePath)
    do {
        let db = try Database.openRapport(path: baselinePath, mode: .create)
        for kind in importOrder {
            try db.execute("CREATE TABLE csv_\(kind.rawValue) (\(kind.columns.map { "\($0.name) TEXT" }.joined(separator: ", ")))")
        }
    }
    let script = files.map { ".import --csv --skip 1 \"\($0.path)\" csv_\($0.kind.rawValue)" }.joined(separator: "\n") + "\n"
    let shellTime = try clock.measure { try runShell(shell, database: baselinePath, script: script) }
    let baseline = try Database(path: baselinePath, mode: .readOnly)
    var shellRows = 0
    for kind in importOrder { shellRows += try baseline.scalarInt("SELECT count(*) FROM csv_\(kind.rawValue)") ?? 0 }
    print(String(format: "sqlite3 .import: %7.2f s  %d rows", seconds(shellTime), shellRows))
    if shellRows != rows { print("warning: the shell loaded \(shellRows) rows, Rapport read \(rows)") }

    let ratio = seconds(rapportTime) / seconds(shellTime)
    print(String(format: "ratio: %.2f× (target ≤ 2×) %@; peak memory %.0f MB (target < 300 MB) %@",
                 ratio, ratio <= 2 ? "met" : "MISSED", peak, peak < 300 ? "met" : "MISSED"))
    removeDatabase(baselinePath)
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

private func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
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
