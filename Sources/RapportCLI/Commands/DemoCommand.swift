import ArgumentParser
import Foundation
import RapportCore

/// `rapport demo`: a fresh database from the shipped demo CSVs — through the real import —
/// then the morning agenda of the demo's story day.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo database from the shipped demo data and show the agenda on it.",
        discussion: """
            The demo database (default ./rapport-demo.db, never $RAPPORT_DB) is replaced on each \
            run; a file that is not a Rapport demo database is never overwritten. The story \
            (demo/README.md) is set on \(DemoCommand.storyDate); --date shows another day.
            """)

    static let storyDate = "2026-11-23"
    /// Marks a demo file in the SQLite header, so the demo never replaces a real database.
    static let applicationID = 0x5241_5044  // "RAPD"

    @Option(help: ArgumentHelp("Where to build the demo database: a file, or a postgres:// URL.", valueName: "path|url"))
    var db: String = "rapport-demo.db"

    @Option(help: ArgumentHelp("The config folder (default: ./config if present, else the shipped defaults).", valueName: "dir"))
    var config: String?

    @Option(help: ArgumentHelp("The day to show (default: the story day, \(DemoCommand.storyDate)).", valueName: "date"))
    var date: String?

    func validate() throws {
        if let date, CivilDate(date) == nil { throw ValidationError("--date must be a real date as YYYY-MM-DD, got '\(date)'") }
    }

    func run() throws {
        try guarded {
            guard let demo = ShippedResources.root?.appendingPathComponent("demo"),
                  FileManager.default.fileExists(atPath: demo.path) else {
                throw RapportError.noInput("cannot find the shipped demo data; set RAPPORT_HOME to the Rapport folder")
            }
            let global = try GlobalOptions.parse(
                ["--db", db, "--date", date ?? Self.storyDate] + (config.map { ["--config", $0] } ?? []))
            let settings = try global.rapportConfig()
            let database = try freshDemoDatabase()
            var rows = 0
            for kind in ImportKind.allCases {
                rows += try database.importFile(
                    kind: kind, path: demo.appendingPathComponent("\(kind.rawValue).csv").path, encoding: nil,
                    config: settings, progress: nil).inserted
            }
            let today = global.today(config: settings)
            let shown = PostgresURL.redacted(db)
            Emit.text("Demo database \(shown): \(rows) rows imported from \(demo.path) (the story: demo/README.md).\n")
            try TodayReport.emit(
                db: database, config: settings, occasions: global.occasionSource(config: settings), date: today,
                rep: nil, limit: nil, explain: false, format: .table)
            Emit.text("""

                Try next:
                  rapport today  --db \(shown) --date \(today) --explain
                  rapport drafts --db \(shown) --date \(today)
                  rapport audit  --db \(shown) --from 2026-01-01 --to \(today)
                """)
        }
    }

    /// An empty demo database in place of the previous one: a SQLite file marked in its
    /// header, or a PostgreSQL schema marked by a table of its own.
    private func freshDemoDatabase() throws -> any RapportStore {
        if PostgresURL.isPostgres(db) { return try PostgresDatabase.replaceDemo(url: db) }
        try removeOldDemo()
        let database = try Database.openRapport(path: db, mode: .create)
        try database.execute("PRAGMA application_id = \(Self.applicationID)")
        return database
    }

    /// Deletes the previous demo file, refusing any file the demo did not make.
    private func removeOldDemo() throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: db) else { return }
        let id: Int
        do {
            id = try Database(path: db, mode: .readOnly).scalarInt("PRAGMA application_id") ?? 0
        } catch {
            id = 0
        }
        guard id == Self.applicationID else {
            throw RapportError.usage("\(db) exists and is not a Rapport demo database; remove it or choose another --db")
        }
        for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: db + suffix) {
            do { try fm.removeItem(atPath: db + suffix) } catch {
                throw RapportError.io("cannot replace \(db + suffix): \(error.localizedDescription)")
            }
        }
    }
}
