import Foundation
import RapportCore

// `rapport-bench agenda --db PATH [--generate] [--date D] [--rep HANDLE] [--runs N]
//                      [--occasions calendar|festival|none] [--profile | --today-only] [--without-payer]`
//
// Times the agenda on a large database in-process — all reps, one rep, one day and a
// week — against the sqlite3 shell running one hand-written query that lists the accounts
// whose check-in is due (same database, same run), and prints peak memory. `--generate`
// builds a database at the spec's scale first (100 000 accounts, 300 000 contacts,
// 2 000 000 touches, 300 000 invoices) when the file does not exist. The occasions are the
// shipped holiday calendar (as `rapport today` uses it); `--occasions festival` adds a
// synthetic greeting and gift occasion two days ahead in every country instead (the
// busiest kind of day), `none` leaves occasions out.
enum AgendaBench {
    static func run(_ arguments: ArraySlice<String>) throws {
        var options = [String: String]()
        var flags = Set<String>()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("--") else { throw BenchError("unexpected argument \(argument)") }
            let name = String(argument.dropFirst(2))
            if ["generate", "profile", "today-only", "without-payer"].contains(name) { flags.insert(name); continue }
            guard let value = rest.popFirst() else { throw BenchError("--\(name) needs a value") }
            options[name] = value
        }
        guard let path = options["db"] else { throw BenchError("--db PATH is required") }
        let date = try options["date"].map { text in
            guard let date = CivilDate(text) else { throw BenchError("--date must be YYYY-MM-DD") }
            return date
        } ?? CivilDate(year: 2026, month: 11, day: 29)!
        let runs = Int(options["runs"] ?? "5") ?? 5

        if flags.contains("generate"), !FileManager.default.fileExists(atPath: path) {
            let started = Date()
            try AgendaBenchData.generate(path: path)
            print("generated \(path) in \(seconds(since: started))")
        }
        // Opening migrates an older file once; that is not part of the timings.
        let db = try Database.openRapport(path: path)
        var config = try shippedConfig()
        // `--without-payer`: no tier gets the payer reason, so its source is never read
        // (what the payer reason costs, measured in one build).
        if flags.contains("without-payer") { config.payerTiers = [] }
        let occasionKind = options["occasions"] ?? "calendar"
        let occasions: any OccasionSource
        switch occasionKind {
        case "calendar": occasions = try shippedOccasions(config: config)
        case "festival": occasions = FestivalOccasions(date: date)
        case "none": occasions = NoOccasions()
        default: throw BenchError("--occasions must be calendar, festival or none")
        }
        let rep = try options["rep"] ?? (db.scalar("SELECT handle FROM rep ORDER BY handle LIMIT 1").flatMap {
            if case .text(let handle) = $0 { return handle } else { return nil }
        } ?? "")

        // The items are handed back and freed after the clock stops, as `rapport today` and
        // `rapport agenda` keep them until the process exits (`KeptUntilExit`); what freeing
        // them would cost is timed and shown apart.
        var freeing: [Timing] = [], freeingWeek: [Timing] = [], lastTiming = Timing(wall: 0, cpu: 0)
        func agenda(_ rep: String?) throws -> Int {
            var items: [AgendaItem] = []
            let made = try time { items = try agendaItems(db: db, config: config, occasions: occasions, date: date, rep: rep) }
            let count = items.count
            let freed = try time { items = [] }
            if rep == nil { freeing.append(freed) }
            lastTiming = made
            return count
        }
        func week() throws -> Int {
            var days: [AgendaDay] = []
            let made = try time {
                days = try agendaDays(db: db, config: config, occasions: occasions, from: date, through: date.adding(days: 6), rep: nil)
            }
            let count = days.reduce(0) { $0 + $1.items.count }
            freeingWeek.append(try time { days = [] })
            lastTiming = made
            return count
        }

        if flags.contains("today-only") {
            // Only `today` over all reps, repeated: what a profiler should see; the time to
            // free the items is shown apart.
            for _ in 0..<runs {
                var items: [AgendaItem] = []
                let made = try time { items = try agendaItems(db: db, config: config, occasions: occasions, date: date, rep: nil) }
                let count = items.count
                let freed = try time { items = [] }
                print(String(format: "today %.1f ms wall, %.1f ms cpu (%d items), of which freeing the items %.1f ms wall",
                             (made.wall + freed.wall) * 1000, (made.cpu + freed.cpu) * 1000, count, freed.wall * 1000))
            }
            return
        }
        if flags.contains("profile") {
            // Only the all-reps day, repeated, for a profiler (`perf record`): as `today` runs
            // it (two halves on two threads), then serially split between loading (with the
            // contacts to reach of every account loaded) and the rules.
            for _ in 0..<runs {
                var count = 0
                let whole = try time { count = try agenda(nil) }
                print(String(format: "today %.1f ms wall, %.1f ms cpu (%d items)", whole.wall * 1000, whole.cpu * 1000, count), terminator: "; ")
                let context = AgendaContext(date: date, config: config, occasions: occasions)
                var histories: [AgendaHistory] = []
                let load = try time { histories = try db.agendaHistories(from: date, through: date, rep: nil, context: context) }
                let rules = try time { _ = try AgendaRules.days(histories, from: date, through: date, context: context) }
                print(String(format: "load %.1f ms wall, %.1f ms cpu (%d accounts); rules %.1f ms wall, %.1f ms cpu; max RSS %.1f MB",
                             load.wall * 1000, load.cpu * 1000, histories.count, rules.wall * 1000, rules.cpu * 1000, peakMemoryMB()))
            }
            return
        }
        var shell: [Timing] = [], grouped: [Timing] = [], all: [Timing] = [], one: [Timing] = [], weekly: [Timing] = []
        var counts = (all: 0, one: 0, week: 0, due: 0, dueGrouped: 0)
        for _ in 0..<runs {
            let (dueCount, shellTime) = try sqliteShell(path: path, sql: checkinDueSQL(date: date, config: config))
            counts.due = dueCount
            shell.append(shellTime)
            let (groupedCount, groupedTime) = try sqliteShell(path: path, sql: checkinDueGroupedSQL(date: date, config: config))
            counts.dueGrouped = groupedCount
            grouped.append(groupedTime)
            counts.all = try agenda(nil)
            all.append(lastTiming)
            counts.one = try agenda(rep)
            one.append(lastTiming)
        }
        let todayMemory = peakMemoryMB()
        for _ in 0..<runs {
            counts.week = try week()
            weekly.append(lastTiming)
        }
        // Best of the runs; wall time and CPU time (user + system) both, since a shared
        // machine's load inflates wall times of the two sides differently.
        func best(_ values: [Timing]) -> Timing {
            Timing(wall: values.map(\.wall).min() ?? 0, cpu: values.map(\.cpu).min() ?? 0)
        }
        func line(_ label: String, _ t: Timing, _ note: String) {
            print(label.padding(toLength: 42, withPad: " ", startingAt: 0)
                + String(format: "wall %7.1f ms  cpu %7.1f ms  ", t.wall * 1000, t.cpu * 1000) + note)
        }
        let (s, g, a, o, w) = (best(shell), best(grouped), best(all), best(one), best(weekly))
        print("agenda benchmark on \(path), date \(date), best of \(runs) runs, occasions: \(occasionKind)")
        line("  sqlite3 shell, check-in due (index)", s, "\(counts.due) accounts due (reference)")
        line("  sqlite3 shell, check-in due (GROUP BY)", g, "\(counts.dueGrouped) accounts due")
        line("  today, all reps (in-process)", a, String(format: "%d items; ratio wall %.2f×, cpu %.2f× (target ≤ 1.5×)", counts.all, a.wall / s.wall, a.cpu / s.cpu))
        line("  (then freeing those items)", best(freeing), "not paid by `rapport today`, which exits without freeing them")
        line("  today, rep \(rep)", o, "\(counts.one) items (target < 150 ms)")
        line("  agenda, 7 days, all reps", w, String(format: "%d items; %.2f× one day wall, %.2f× cpu (target < 7×)", counts.week, w.wall / a.wall, w.cpu / a.cpu))
        line("  (then freeing the week's items)", best(freeingWeek), "not paid by `rapport agenda` either")
        print(String(format: "  peak memory (max RSS): today %.1f MB (target < 300 MB); with the all-reps week held at once %.1f MB", todayMemory, peakMemoryMB()))
    }

    /// The shipped settings, as `rapport today` loads them.
    static func shippedConfig() throws -> RapportConfig {
        try RapportConfig.load(directory: ShippedResources.configDirectory)
    }

    /// The shipped holiday calendar, as `rapport today` loads it.
    static func shippedOccasions(config: RapportConfig) throws -> any OccasionSource {
        AgendaOccasions(calendar: try HolidayCalendar.load(shipped: ShippedResources.configDirectory, user: nil, config: config))
    }

    /// The hand-written reference: accounts whose check-in is due on `date` — the last touch
    /// on or before `date` searched in the touch table's (account_id, date) index for each
    /// account (not the kept `account.last_touch_on`), plus the cadence of the account or
    /// its tier. The faster of the two honest forms, hence the reference.
    static func checkinDueSQL(date: CivilDate, config: RapportConfig) -> String {
        let cases = config.cadence.sorted { $0.key < $1.key }.map { "WHEN '\($0.key)' THEN \($0.value)" }.joined(separator: " ")
        return """
            SELECT a.key FROM account a
            WHERE a.status = 'active' AND a.created_on <= '\(date)'
              AND date(COALESCE((SELECT MAX(t.date) FROM touch t WHERE t.account_id = a.id AND t.date <= '\(date)'), a.created_on),
                       '+' || COALESCE(a.cadence_days, CASE a.tier \(cases) ELSE \(config.cadence.values.max() ?? 30) END) || ' days') <= '\(date)';
            """
    }

    /// The same answer with the last touches from one GROUP BY over the touch table.
    static func checkinDueGroupedSQL(date: CivilDate, config: RapportConfig) -> String {
        let cases = config.cadence.sorted { $0.key < $1.key }.map { "WHEN '\($0.key)' THEN \($0.value)" }.joined(separator: " ")
        return """
            SELECT a.key FROM account a
            LEFT JOIN (SELECT account_id, MAX(date) AS last FROM touch WHERE date <= '\(date)' GROUP BY account_id) t ON t.account_id = a.id
            WHERE a.status = 'active' AND a.created_on <= '\(date)'
              AND date(COALESCE(t.last, a.created_on),
                       '+' || COALESCE(a.cadence_days, CASE a.tier \(cases) ELSE \(config.cadence.values.max() ?? 30) END) || ' days') <= '\(date)';
            """
    }

    struct Timing {
        var wall: Double
        var cpu: Double
    }

    /// Runs `sql` through the sqlite3 shell, its output to a file; returns the row count and
    /// its time, process start included (as a user would run it). posix_spawn + waitpid:
    /// Foundation's `Process` adds tens of milliseconds of its own on Linux, which would
    /// flatter the ratio.
    static func sqliteShell(path: String, sql: String) throws -> (Int, Timing) {
        guard let shell = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map({ $0 + "/sqlite3" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw BenchError("sqlite3 shell not found on PATH")
        }
        let output = NSTemporaryDirectory() + "rapport-bench-agenda-\(getpid()).txt"
        defer { unlink(output) }
        let started = Date()
        let cpuBefore = cpuSeconds(RUSAGE_CHILDREN)
        let status = try spawnAndWait(shell, ["-readonly", path, sql], stdout: output)
        let timing = Timing(wall: Date().timeIntervalSince(started), cpu: cpuSeconds(RUSAGE_CHILDREN) - cpuBefore)
        guard status == 0 else { throw BenchError("sqlite3 shell failed with status \(status)") }
        let data = FileManager.default.contents(atPath: output) ?? Data()
        return (data.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }, timing)
    }

    static func time(_ body: () throws -> Void) throws -> Timing {
        let started = Date()
        let cpuBefore = cpuSeconds(RUSAGE_SELF)
        try body()
        return Timing(wall: Date().timeIntervalSince(started), cpu: cpuSeconds(RUSAGE_SELF) - cpuBefore)
    }

    /// User + system CPU seconds of this process or of its waited-for children.
    static func cpuSeconds(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(who.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func seconds(since start: Date) -> String { String(format: "%.1f s", Date().timeIntervalSince(start)) }

    static func peakMemoryMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux (the benchmark's platform)
    }
}


/// No occasions (`--occasions none`).
struct NoOccasions: OccasionSource {
    func occasions(country: String, year: Int) throws -> [OccasionDate] { [] }
}

/// A greeting and gift occasion two days after the benchmark date, in every country.
struct FestivalOccasions: OccasionSource {
    let date: CivilDate
    func occasions(country: String, year: Int) throws -> [OccasionDate] {
        let day = date.adding(days: 2)
        guard day.year == year else { return [] }
        return [OccasionDate(key: "festival", date: day, names: ["en": "Festival"], isGift: true)]
    }
}
