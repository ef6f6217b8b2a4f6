import Foundation
import RapportCore

// `rapport-bench completion --db PATH [--rapport BIN] [--runs N]`
//
// Shell completion of account keys and rep handles (README, "Shell completion"): each TAB
// starts `rapport ---completion …`, which opens the database read-only and reads the keys
// that start with what is typed (at most 200). Timed two ways, median and best of N:
// in-process (open + read, the part Rapport controls) and end to end (the release
// `rapport` spawned as the shell spawns it, process start included), beside
// `rapport --version` (the start-up floor) and the sqlite3 shell running the same
// query. Target: under 50 ms a TAB. Run it on a copy of the data: a reader of a WAL file
// creates its -shm beside it.
enum CompletionBench {
    static func run(_ arguments: ArraySlice<String>) throws {
        var options = try BenchOptions(arguments)
        guard let path = try options.value("--db") else { throw BenchError("--db PATH is required") }
        let rapport = try options.value("--rapport")
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rapport").path
        let runs = Int(try options.value("--runs") ?? "20") ?? 20
        try options.finish()
        guard FileManager.default.isExecutableFile(atPath: rapport) else { throw BenchError("no rapport at \(rapport) (--rapport BIN)") }

        print("completion benchmark on \(path), \(runs) runs each (median / best; wall and CPU)")
        let sample = try openRapportStoreForReading(location: path).accountKeys(prefix: "", limit: 1).first ?? ""
        let prefixes = ["", String(sample.prefix(5)), String(sample.prefix(max(0, sample.count - 2)))]
        for prefix in prefixes {
            var count = 0
            let timings = try (0..<runs).map { _ in
                try AgendaBench.time { count = try openRapportStoreForReading(location: path).accountKeys(prefix: prefix, limit: 200).count }
            }
            report("in-process: open + account keys '\(prefix)'", timings, "\(count) keys")
        }
        let handles = try (0..<runs).map { _ in
            try AgendaBench.time { _ = try openRapportStoreForReading(location: path).repHandles(prefix: "", limit: 200) }
        }
        report("in-process: open + rep handles ''", handles, "")

        for prefix in prefixes {
            let words = ["---completion", "touch", "log", "--", "positional@0", "5", "\(prefix.count)", "rapport", "touch", "log", "--db", path, prefix]
            report("rapport ---completion touch log '\(prefix)'", try spawned(rapport, words, runs: runs), "")
        }
        report("rapport ---completion today --rep ''", try spawned(
            rapport, ["---completion", "today", "--", "--rep", "5", "0", "rapport", "today", "--db", path, "--rep", ""], runs: runs), "")
        report("rapport --version (start-up floor)", try spawned(rapport, ["--version"], runs: runs), "")
        let shell = try (0..<runs).map { _ in
            try AgendaBench.sqliteShell(path: path, sql: "SELECT key FROM account WHERE key >= '\(prefixes[1])' ORDER BY key LIMIT 200;").1
        }
        report("sqlite3 shell, the same query", shell, "(target for a TAB: < 50 ms)")
    }

    /// `program arguments` run `runs` times as a shell runs it, output discarded.
    static func spawned(_ program: String, _ arguments: [String], runs: Int) throws -> [AgendaBench.Timing] {
        try (0..<runs).map { _ in
            let started = Date()
            let cpuBefore = AgendaBench.cpuSeconds(RUSAGE_CHILDREN)
            let status = try spawnAndWait(program, arguments)
            guard status == 0 else { throw BenchError("\(program) \(arguments.joined(separator: " ")) exited \(status)") }
            return AgendaBench.Timing(wall: Date().timeIntervalSince(started), cpu: AgendaBench.cpuSeconds(RUSAGE_CHILDREN) - cpuBefore)
        }
    }

    static func report(_ name: String, _ timings: [AgendaBench.Timing], _ note: String) {
        func ms(_ values: [Double]) -> String {
            let sorted = values.sorted()
            return String(format: "%6.1f / %6.1f ms", sorted[sorted.count / 2] * 1000, sorted[0] * 1000)
        }
        print("  " + name.padding(toLength: 48, withPad: " ", startingAt: 0)
              + " wall " + ms(timings.map(\.wall)) + "   cpu " + ms(timings.map(\.cpu)) + (note.isEmpty ? "" : "  " + note))
    }
}
