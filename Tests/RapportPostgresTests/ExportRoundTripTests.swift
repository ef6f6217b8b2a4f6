import Foundation
import RapportCore
import Testing

/// `rapport export` of every kind, imported into an empty database, gives the same data
/// back: the same `today`, `audit`, `drafts` and `payers` JSON on dates spread over a year,
/// and the same files when exported again. Through the built executable, on SQLite files
/// always and on PostgreSQL when a server is set (whose export is byte for byte SQLite's).
@Suite(.serialized)
struct ExportRoundTripTests {
    static let dates = ["2026-02-14", "2026-04-05", "2026-09-23", "2026-11-23", "2026-11-29", "2026-12-24", "2027-01-01"]

    /// A folder for one test, removed afterwards.
    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        /// A new subfolder.
        func folder(_ name: String) throws -> URL {
            let folder = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return folder
        }
    }

    /// `db` loaded from the CSV files of `source`.
    func loaded(_ source: URL, into db: String) throws {
        let created = try rapport(["init", "--db", db])
        try #require(created.status == 0, "\(created.stderr)")
        try importAll(from: source, into: db)
    }

    /// Every kind of `db` exported into `folder` as KIND.csv.
    func exportAll(_ db: String, into folder: URL) throws {
        for kind in ImportKind.allCases {
            let result = try rapport(["export", kind.rawValue, "--db", db, "--out", folder.appendingPathComponent("\(kind.rawValue).csv").path])
            #expect(result.status == 0, "export \(kind.rawValue): \(result.stderr)")
        }
    }

    /// The files of two export folders, byte for byte.
    func sameFiles(_ a: URL, _ b: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for kind in ImportKind.allCases {
            let name = "\(kind.rawValue).csv"
            let first = try Data(contentsOf: a.appendingPathComponent(name))
            #expect(first.count > 3 + kind.columns.count, "\(name) has its header", sourceLocation: sourceLocation)
            #expect(first == (try Data(contentsOf: b.appendingPathComponent(name))), "\(name) differs", sourceLocation: sourceLocation)
        }
    }

    /// The readings of the two databases are the same, byte for byte.
    func sameReadings(_ original: String, _ copy: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for date in Self.dates {
            let day = CivilDate(date)!
            for arguments in [
                ["today", "--date", date, "--format", "json", "--explain"],
                ["audit", "--from", day.adding(days: -364).description, "--to", date, "--format", "json",
                 "--penalty-rate", "0.0001", "--commission-rate", "0.03"],
                ["drafts", "--date", date, "--format", "json"],
                ["payers", "--date", date, "--format", "json"],
            ] {
                let a = try rapport(arguments + ["--db", original])
                let b = try rapport(arguments + ["--db", copy])
                #expect(a.status == 0 && b.status == 0, "\(arguments): \(a.stderr)\(b.stderr)", sourceLocation: sourceLocation)
                #expect(a.stdout == b.stdout, "\(arguments.joined(separator: " ")): the copy differs", sourceLocation: sourceLocation)
            }
        }
    }

    /// Loads `source` into a SQLite file, exports it, imports the export into `copy` (a
    /// SQLite path or a PostgreSQL URL), compares, and exports the copy again.
    func roundTrip(_ source: URL, copy: String, in folder: Folder) throws {
        let original = folder.path("original.db")
        try loaded(source, into: original)
        let first = try folder.folder("first")
        try exportAll(original, into: first)
        try loaded(first, into: copy)
        try sameReadings(original, copy)
        let second = try folder.folder("second")
        try exportAll(copy, into: second)
        try sameFiles(first, second)
    }

    @Test(arguments: ["demo", "Tests/RapportCoreTests/Fixtures/import"])
    func throughASQLiteFile(source: String) throws {
        let folder = try Folder()
        try roundTrip(Built.root.appendingPathComponent(source), copy: folder.path("copy.db"), in: folder)
    }

    /// The same through workbooks: every kind exported as .xlsx and imported from it into
    /// an empty file gives the same readings.
    @Test(arguments: ["demo", "Tests/RapportCoreTests/Fixtures/import"])
    func throughWorkbooks(source: String) throws {
        let folder = try Folder()
        let (original, copy) = (folder.path("original.db"), folder.path("copy.db"))
        try loaded(Built.root.appendingPathComponent(source), into: original)
        let created = try rapport(["init", "--db", copy])
        try #require(created.status == 0, "\(created.stderr)")
        let books = try folder.folder("books")
        for kind in ImportKind.allCases {
            let book = books.appendingPathComponent("\(kind.rawValue).xlsx").path
            let exported = try rapport(["export", kind.rawValue, "--format", "xlsx", "--db", original, "--out", book])
            #expect(exported.status == 0, "export \(kind.rawValue): \(exported.stderr)")
            let imported = try rapport(["import", kind.rawValue, book, "--db", copy])
            #expect(imported.status == 0, "import \(kind.rawValue): \(imported.stderr)")
        }
        try sameReadings(original, copy)
    }

    /// The benchmark generator's book at scale 0.003 (about 300 accounts): every country,
    /// tier and status, lunar birthdays, former influencers, partly paid invoices.
    @Test func aGeneratedBook() throws {
        let folder = try Folder()
        let generated = try run(Built.bench, ["generate", "--dir", folder.path("book"), "--scale", "0.003"])
        try #require(generated.status == 0, "rapport-bench generate: \(generated.stderr)")
        try roundTrip(folder.url.appendingPathComponent("book"), copy: folder.path("copy.db"), in: folder)
    }

    /// A SQLite file's export imported into PostgreSQL: the same readings, and PostgreSQL's
    /// export is the SQLite file's, byte for byte.
    @Test(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote), arguments: ["demo", "book"])
    func throughPostgreSQL(source: String) throws {
        let folder = try Folder()
        var from = Built.root.appendingPathComponent(source)
        if source == "book" {
            let generated = try run(Built.bench, ["generate", "--dir", folder.path("book"), "--scale", "0.003"])
            try #require(generated.status == 0, "rapport-bench generate: \(generated.stderr)")
            from = folder.url.appendingPathComponent("book")
        }
        let scratch = try ScratchPostgres()
        try roundTrip(from, copy: scratch.url, in: folder)
    }

    /// A rep's role exports what it may read: its own accounts and what hangs off them,
    /// and every rep (row-level security decides, as for every read).
    @Test(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipNote))
    func aRepsRoleExportsWhatItMayRead() throws {
        let scratch = try ScratchPostgres()
        try loaded(Built.root.appendingPathComponent("demo"), into: scratch.url)
        let role = try scratch.role("wang")
        let granted = try rapport(["team", "grant", "wang.lei", "--role", role.name, "--db", scratch.url])
        try #require(granted.status == 0, "\(granted.stderr)")
        func rows(_ kind: String, _ db: String) throws -> [[Substring]] {
            let result = try rapport(["export", kind, "--db", db])
            #expect(result.status == 0, "\(kind): \(result.stderr)")
            return result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        }
        let all = try rows("accounts", scratch.url)
        let mine = try rows("accounts", role.url)
        #expect(!mine.isEmpty && mine.count < all.count)
        #expect(mine == all.filter { $0[3] == "wang.lei" })
        let keys = Set(mine.map { $0[0] })
        let touches = try rows("touches", role.url)
        #expect(!touches.isEmpty && touches.allSatisfy { keys.contains($0[0]) })
        #expect(try rows("reps", role.url) == rows("reps", scratch.url))
    }

    /// On standard output: CSV without the byte-order mark, otherwise what `--out` writes;
    /// an xlsx workbook when standard output is not a terminal, the same bytes as `--out`'s.
    @Test func toStandardOutput() throws {
        let folder = try Folder()
        let db = folder.path("demo.db")
        try loaded(Built.root.appendingPathComponent("demo"), into: db)
        for format in ["csv", "xlsx"] {
            let file = folder.path("contacts-out.\(format)"), piped = folder.path("contacts-piped.\(format)")
            #expect(try rapport(["export", "contacts", "--db", db, "--out", file]).status == 0)
            let shell = try run("/bin/sh", ["-c", "\"$0\" export contacts --format \(format) --db \"$1\" > \"$2\"", Built.rapport, db, piped])
            #expect(shell.status == 0, "\(shell.stderr)")
            #expect(shell.stderr.isEmpty, "nothing but the table: \(shell.stderr)")
            let written = try Data(contentsOf: URL(fileURLWithPath: file))
            let printed = try Data(contentsOf: URL(fileURLWithPath: piped))
            #expect(format == "csv" ? written.dropFirst(3) == printed : written == printed, "\(format)")
        }
    }
}
