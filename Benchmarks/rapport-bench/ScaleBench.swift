import Foundation
import RapportCore

// `rapport-bench scale --dir DIR [--scales 0.1,1,10] [--runs 3] [--date 2026-11-29]
//                     [--rapport PATH] [--results FILE.json] [--svg FILE.svg] [--plot-only]
//                     [--reuse-import]`
//
// The same measurements at growing sizes (docs/scale.md). For each scale (× 100 000
// accounts) the data of `generate` is made in DIR/scale-S (kept: a later run reuses it),
// then, each Rapport step a `rapport` process as a user runs it (wall time, best of the
// runs; peak memory, the max RSS wait4 reports):
//   - import: `rapport import KIND FILE` for the nine kinds into a fresh database, against
//     the sqlite3 shell's `.import` of the same files into tables shaped like them
//     (`importWithShell`, as `rapport-bench import` does it);
//   - `rapport today --format json` over all reps against the hand-written check-in-due
//     query through the sqlite3 shell (`AgendaBench.checkinDueSQL`, the reference of
//     `rapport-bench agenda`), and the same day in process (`agendaItems`, as that bench
//     times it);
//   - one rep's `today` (process, and in process);
//   - `rapport agenda` of the week from the date, all reps, as JSON.
// Each figure is printed per size with its growth factor from the previous size; the
// figures are written as JSON (`--results`, default DIR/scale.json) and plotted as SVG
// (`--svg`); `--plot-only` redraws the SVG from the results file; `--reuse-import` keeps
// a size's database and import figures from the results file (the other steps measured
// again). Each command runs under /usr/bin/time for its peak memory (`measuredUnderTime`).
enum ScaleBench {
    /// The figures of one size.
    struct Point: Codable {
        var scale: Double
        var accounts: Int
        var rows: Int
        var generate: Measure?
        var importRapport: Measure
        var importShell: Double
        var today: Measure
        var todayInProcess: Double
        var checkinQuery: Double
        var items: Int
        var oneRep: Measure
        var oneRepInProcess: Double
        var week: Measure
    }

    /// A command's best wall time of the runs and its peak memory.
    struct Measure: Codable {
        var seconds: Double
        var peakMB: Double
    }

    static func run(_ arguments: ArraySlice<String>) throws {
        var options = try BenchOptions(arguments)
        let dir = try options.directory()
        let scales = try (options.value("--scales") ?? "0.1,1,10").split(separator: ",").map { text in
            guard let scale = Double(text), scale > 0 else { throw BenchError("--scales: not a positive number: \(text)") }
            return scale
        }
        let runs = Int(try options.value("--runs") ?? "3") ?? 0
        let date = try options.date("--date") ?? benchToday
        let rapport = try options.value("--rapport") ?? sibling("rapport")
        let resultsPath = try options.value("--results") ?? dir + "/scale.json"
        let svgPath = try options.value("--svg")
        let plotOnly = options.flag("--plot-only")
        let reuseImport = options.flag("--reuse-import")
        try options.finish()
        guard runs >= 1 else { throw BenchError("--runs must be at least 1") }

        let earlier = (try? JSONDecoder().decode([Point].self, from: Data(contentsOf: URL(fileURLWithPath: resultsPath)))) ?? []
        var points: [Point] = []
        if plotOnly {
            points = earlier
        } else {
            guard FileManager.default.isExecutableFile(atPath: rapport) else { throw BenchError("\(rapport) is not an executable: build it or give --rapport") }
            for scale in scales {
                let imported = reuseImport ? earlier.first { $0.scale == scale } : nil
                let point = try measure(
                    scale: scale, dir: dir + "/scale-\(label(scale))", runs: runs, date: date, rapport: rapport, imported: imported)
                points.append(point)
                // Written after each size: a long run interrupted keeps what it measured.
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try encoder.encode(points).write(to: URL(fileURLWithPath: resultsPath))
                say(summary(points))
            }
        }
        if let svgPath {
            try ScalePlot.svg(points).write(toFile: svgPath, atomically: true, encoding: .utf8)
            say("plot written to \(svgPath)")
        }
    }

    /// `imported`: an earlier run's figures for this size, whose database is still there
    /// (`--reuse-import`): its generate and import figures are kept, the rest measured again.
    private static func measure(scale: Double, dir: String, runs: Int, date: CivilDate, rapport: String, imported earlier: Point?) throws -> Point {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        say("scale \(label(scale)) in \(dir)")
        var generated = earlier?.generate
        if !FileManager.default.fileExists(atPath: dir + "/snoozes.csv") {
            let made = try child(sibling("rapport-bench"), ["generate", "--dir", dir, "--scale", "\(scale)"], stdout: dir + "/generate.log")
            generated = Measure(seconds: made.wall, peakMB: made.peakMB)
            say(String(format: "  generate            %8.2f s %7.0f MB", made.wall, made.peakMB))
        }
        let files = importOrder.map { (kind: $0, path: dir + "/" + $0.rawValue + ".csv") }

        // Import: each kind a process, into a fresh database; then the shell's `.import`.
        let db = dir + "/rapport.db"
        var (imported, shell, rows) = (Measure(seconds: 0, peakMB: 0), 0.0, 0)
        if let earlier, FileManager.default.fileExists(atPath: db) {
            (imported, shell, rows) = (earlier.importRapport, earlier.importShell, earlier.rows)
            say("  import: the database and figures of the earlier run")
        } else {
            removeDatabase(db)
            _ = try child(rapport, ["init", "--db", db])
            for file in files {
                let run = try child(rapport, ["import", file.kind.rawValue, file.path, "--db", db])
                imported.seconds += run.wall
                imported.peakMB = max(imported.peakMB, run.peakMB)
                say(String(format: "  import %-12@ %8.2f s %7.0f MB", file.kind.rawValue, run.wall, run.peakMB))
            }
            let baseline = dir + "/sqlite3-baseline.db"
            (shell, rows) = try importWithShell("/usr/bin/sqlite3", files, into: baseline)
            removeDatabase(baseline)
        }
        say(String(format: "  import, all kinds   %8.2f s %7.0f MB; sqlite3 .import %.2f s (%d rows)", imported.seconds, imported.peakMB, shell, rows))

        // The day over all reps, one rep, the week: processes, and the day in process.
        let store = try Database.openRapport(path: db)
        let accounts = try store.scalarInt("SELECT count(*) FROM account") ?? 0
        guard case .text(let rep)? = try store.scalar("SELECT handle FROM rep ORDER BY handle LIMIT 1") else { throw BenchError("no rep in \(db)") }
        let config = try AgendaBench.shippedConfig()
        let occasions = try AgendaBench.shippedOccasions(config: config)
        let day = ["--date", date.description, "--format", "json", "--db", db]
        var today = Measure(seconds: .infinity, peakMB: 0), oneRep = today, week = today
        var (query, inProcess, oneInProcess, items) = (Double.infinity, Double.infinity, Double.infinity, 0)
        for _ in 0..<runs {
            query = min(query, try AgendaBench.sqliteShell(path: db, sql: AgendaBench.checkinDueSQL(date: date, config: config)).1.wall)
            today.add(try child(rapport, ["today"] + day))
            oneRep.add(try child(rapport, ["today", "--rep", rep] + day))
            var all: [AgendaItem] = []
            inProcess = min(inProcess, try AgendaBench.time { all = try agendaItems(db: store, config: config, occasions: occasions, date: date, rep: nil) }.wall)
            items = all.count
            all = []
            oneInProcess = min(oneInProcess, try AgendaBench.time { _ = try agendaItems(db: store, config: config, occasions: occasions, date: date, rep: rep) }.wall)
        }
        // A week at a million accounts takes a minute: one run from 5 on.
        for _ in 0..<(scale >= 5 ? 1 : runs) {
            week.add(try child(rapport, ["agenda", "--from", date.description, "--to", date.adding(days: 6).description, "--format", "json", "--db", db]))
        }
        return Point(
            scale: scale, accounts: accounts, rows: rows, generate: generated, importRapport: imported, importShell: shell,
            today: today, todayInProcess: inProcess, checkinQuery: query, items: items, oneRep: oneRep,
            oneRepInProcess: oneInProcess, week: week)
    }

    /// Each size's figures, with the growth factor from the size before, and the ratios the
    /// targets are about.
    static func summary(_ points: [Point]) -> String {
        let rows: [(String, (Point) -> Double, String)] = [
            ("import, Rapport (s)", { $0.importRapport.seconds }, "%.2f"),
            ("import, sqlite3 .import (s)", { $0.importShell }, "%.2f"),
            ("  ratio", { $0.importRapport.seconds / $0.importShell }, "%.2f×"),
            ("today, all reps, process (s)", { $0.today.seconds }, "%.3f"),
            ("today, all reps, in process (s)", { $0.todayInProcess }, "%.3f"),
            ("check-in query, sqlite3 (s)", { $0.checkinQuery }, "%.3f"),
            ("  ratio in process", { $0.todayInProcess / $0.checkinQuery }, "%.2f×"),
            ("  ratio process", { $0.today.seconds / $0.checkinQuery }, "%.2f×"),
            ("today, one rep, process (ms)", { $0.oneRep.seconds * 1000 }, "%.0f"),
            ("today, one rep, in process (ms)", { $0.oneRepInProcess * 1000 }, "%.1f"),
            ("agenda week json (s)", { $0.week.seconds }, "%.2f"),
            ("peak MB, import", { $0.importRapport.peakMB }, "%.0f"),
            ("peak MB, today all reps", { $0.today.peakMB }, "%.0f"),
            ("peak MB, today one rep", { $0.oneRep.peakMB }, "%.0f"),
            ("peak MB, agenda week json", { $0.week.peakMB }, "%.0f"),
        ]
        var out = "figure".padding(toLength: 34, withPad: " ", startingAt: 0)
            + points.map { "\($0.accounts) accounts".leftPadded(24) }.joined() + "\n"
        out += "items today".padding(toLength: 34, withPad: " ", startingAt: 0) + points.map { "\($0.items)".leftPadded(24) }.joined() + "\n"
        for (name, value, format) in rows {
            out += name.padding(toLength: 34, withPad: " ", startingAt: 0)
            for (index, point) in points.enumerated() {
                var cell = String(format: format, value(point))
                // Growth from the size before (not for the ratios, which are already relative).
                if index > 0, !name.hasPrefix("  ") { cell += String(format: " (×%.1f)", value(point) / value(points[index - 1])) }
                out += cell.leftPadded(24)
            }
            out += "\n"
        }
        return out
    }

    private static func child(_ path: String, _ arguments: [String], stdout: String = "/dev/null") throws -> ChildRun {
        let run = try measuredUnderTime(path, arguments, stdout: stdout)
        guard run.status == 0 else { throw BenchError("\(path) \(arguments.joined(separator: " ")) exited with status \(run.status)") }
        return run
    }

    /// A line written at once (`print` to a file is buffered: a long run's log would show
    /// nothing until the end).
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// A program built next to this one.
    private static func sibling(_ name: String) -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name).path
    }

    static func label(_ scale: Double) -> String {
        scale == scale.rounded() ? String(Int(scale)) : String(scale)
    }
}

extension ScaleBench.Measure {
    /// The best time and the highest peak of the runs so far.
    mutating func add(_ run: ChildRun) {
        seconds = min(seconds, run.wall)
        peakMB = max(peakMB, run.peakMB)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
