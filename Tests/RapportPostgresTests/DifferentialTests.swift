import Foundation
import RapportCore
import Testing

/// The same data imported into a SQLite file and into PostgreSQL gives byte-identical
/// JSON and CSV from every reading command, on dates spread over a year: festival windows
/// (Spring Festival, Qingming and Easter, Dragon Boat, Mid-Autumn, Thanksgiving, Christmas),
/// year end and New Year, 28 February / 1 March, and 29 February of a leap year.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote), .serialized)
struct DifferentialTests {
    static let dates = [
        "2025-12-31", "2026-01-01", "2026-02-14", "2026-02-17", "2026-02-28", "2026-03-01", "2026-04-03",
        "2026-04-05", "2026-05-01", "2026-06-19", "2026-07-04", "2026-08-19", "2026-09-23", "2026-09-25",
        "2026-10-01", "2026-11-23", "2026-11-26", "2026-11-29", "2026-12-24", "2026-12-31", "2027-01-01",
        "2028-02-29",
    ]

    /// Both databases loaded from `folder`.
    private func pair(_ folder: URL) throws -> (sqlite: String, postgres: String, scratch: ScratchPostgres, files: URL) {
        let files = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        let sqlite = files.appendingPathComponent("same.db").path
        let scratch = try ScratchPostgres()
        for db in [sqlite, scratch.url] {
            let created = try rapport(["init", "--db", db])
            #expect(created.status == 0, "\(created.stderr)")
            try importAll(from: folder, into: db)
        }
        return (sqlite, scratch.url, scratch, files)
    }

    /// Runs `arguments` on both and expects the same exit code and the same bytes.
    private func same(_ arguments: [String], _ sqlite: String, _ postgres: String) throws {
        let a = try rapport(arguments + ["--db", sqlite])
        let b = try rapport(arguments + ["--db", postgres])
        #expect(a.status == 0, "\(arguments): \(a.stderr)")
        #expect(a.status == b.status, "\(arguments): exit \(a.status) vs \(b.status): \(b.stderr)")
        // An ICS file's DTSTAMP is the moment it was written: the one line allowed to differ.
        func comparable(_ text: String) -> String {
            // (Lines end in CRLF, one Character in Swift: split on any newline.)
            arguments.contains("ics") ? text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("DTSTAMP:") }.joined(separator: "\n") : text
        }
        #expect(comparable(a.stdout) == comparable(b.stdout), "\(arguments.joined(separator: " ")): SQLite and PostgreSQL differ")
        #expect(!a.stdout.isEmpty || arguments.first == "drafts", "\(arguments): no output")
    }

    private func compareEveryCommand(_ sqlite: String, _ postgres: String, rep: String?, weeks: Set<String>) throws {
        let repArguments = rep.map { ["--rep", $0] } ?? []
        for date in Self.dates {
            let day = CivilDate(date)!
            for format in ["json", "csv"] {
                try same(["today", "--date", date, "--format", format, "--explain"] + repArguments, sqlite, postgres)
                try same(["drafts", "--date", date, "--format", format] + repArguments, sqlite, postgres)
                try same(["payers", "--date", date, "--format", format] + repArguments, sqlite, postgres)
                try same(["audit", "--from", day.adding(days: -364).description, "--to", date, "--format", format,
                          "--penalty-rate", "0.0001", "--commission-rate", "0.03"] + repArguments, sqlite, postgres)
                if weeks.contains(date) {
                    try same(["agenda", "--from", date, "--to", day.adding(days: 6).description, "--format", format] + repArguments,
                             sqlite, postgres)
                }
            }
        }
        if weeks.contains("2026-11-23") {
            try same(["agenda", "--from", "2026-11-23", "--to", "2026-11-29", "--format", "ics"] + repArguments, sqlite, postgres)
        }
    }

    @Test func theDemo() throws {
        let (sqlite, postgres, scratch, files) = try pair(Built.root.appendingPathComponent("demo"))
        defer { _ = scratch; try? FileManager.default.removeItem(at: files) }
        try compareEveryCommand(sqlite, postgres, rep: nil, weeks: Set(Self.dates))
        try compareEveryCommand(sqlite, postgres, rep: "wang.lei", weeks: ["2026-11-23"])
        for account in ["HD-MACH", "BUCKEYE"] {
            try same(["holidays", "--account", account, "--year", "2026", "--format", "json"], sqlite, postgres)
        }
    }

    /// Shell completion offers the same keys, in the same (byte) order, from both.
    @Test func completionOffersTheSameKeys() throws {
        let (sqlite, postgres, scratch, files) = try pair(Built.root.appendingPathComponent("demo"))
        defer { _ = scratch; try? FileManager.default.removeItem(at: files) }
        for (argument, typed) in [("positional@0", ""), ("positional@0", "HD"), ("positional@0", "OLD-MILL"), ("positional@0", "x")] {
            let words = ["---completion", "snooze", "--", argument, "4", "\(typed.count)", "rapport", "snooze", "--db"]
            let a = try rapport(words + [sqlite, typed]), b = try rapport(words + [postgres, typed])
            #expect(a.status == 0 && a.stdout == b.stdout, "'\(typed)': \(a.stdout) vs \(b.stdout)")
        }
        let handles = ["---completion", "today", "--", "--rep", "5", "0", "rapport", "today", "--db"]
        let a = try rapport(handles + [sqlite, "--rep", ""]), b = try rapport(handles + [postgres, "--rep", ""])
        #expect(a.stdout == "sarah.chen\nwang.lei\nzhao.min\n" && a.stdout == b.stdout, "\(a.stdout) vs \(b.stdout)")
        let store = try openRapportStoreForReading(location: postgres)
        #expect(try store.accountKeys(prefix: "", limit: 2) == ["BUCKEYE", "GZ-PLAS"])
        #expect(try store.repHandles(prefix: "zh", limit: 200) == ["zhao.min"])
    }

    /// The importer's fixture world: lunar and leap-month birthdays, 29 February, former
    /// contacts, sensitive events, partial payments, promises, snoozes, two currencies.
    @Test func theFixtureWorld() throws {
        let folder = Built.root.appendingPathComponent("Tests/RapportCoreTests/Fixtures/import")
        let (sqlite, postgres, scratch, files) = try pair(folder)
        defer { _ = scratch; try? FileManager.default.removeItem(at: files) }
        try compareEveryCommand(sqlite, postgres, rep: nil, weeks: ["2026-02-14", "2026-09-23", "2026-11-23", "2026-12-31"])
    }

    /// A generated book of about 300 accounts (the benchmark generator at scale 0.003):
    /// every country, tier and status, lunar birthdays, former influencers, events,
    /// partly paid invoices, promises and snoozes.
    @Test func aGeneratedBook() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try run(Built.bench, ["generate", "--dir", folder.path, "--scale", "0.003"])
        try #require(generated.status == 0, "rapport-bench generate: \(generated.stderr)")
        let (sqlite, postgres, scratch, files) = try pair(folder)
        defer { _ = scratch; try? FileManager.default.removeItem(at: files) }
        let accounts = try rapport(["today", "--date", "2026-11-29", "--format", "json", "--db", sqlite])
        #expect(accounts.stdout.count > 10_000, "the generated book has a real agenda")
        try compareEveryCommand(sqlite, postgres, rep: nil, weeks: ["2026-09-23", "2026-11-23", "2026-12-24"])
        try compareEveryCommand(sqlite, postgres, rep: "guo.yong", weeks: [])
    }
}
