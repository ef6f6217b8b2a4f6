import ArgumentParser
import Foundation
import RapportCore

/// The options every subcommand accepts after its name.
struct GlobalOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The SQLite file, or a postgres://USER@HOST/DB URL for a team's server (default: $RAPPORT_DB, else ./rapport.db).", valueName: "path|url"),
            completion: .file())
    var db: String?

    @Option(help: ArgumentHelp("The config folder (default: ./config if present, else the shipped defaults).", valueName: "dir"),
            completion: .directory)
    var config: String?

    @Option(help: ArgumentHelp("The day to act as today (YYYY-MM-DD).", valueName: "date"))
    var date: String?

    func validate() throws {
        if let date, CivilDate(date) == nil {
            throw ValidationError("--date must be a real date as YYYY-MM-DD, got '\(date)'")
        }
        var isDirectory: ObjCBool = false
        if let config, !(FileManager.default.fileExists(atPath: config, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw ValidationError("--config must be a folder, and '\(config)' is not one")
        }
    }

    var databasePath: String { Self.databasePath(db: db) }

    /// `--db`, else $RAPPORT_DB, else ./rapport.db (shell completion reads the same one).
    static func databasePath(db: String?) -> String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["RAPPORT_DB"], !env.isEmpty { return env }
        return "rapport.db"
    }

    /// The config folder in force, if any beyond the shipped defaults.
    var configDirectory: URL? {
        if let config { return URL(fileURLWithPath: config) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: "config", isDirectory: &isDirectory), isDirectory.boolValue {
            return URL(fileURLWithPath: "config")
        }
        return ShippedResources.configDirectory
    }

    /// Opens the database for a command that needs one — a SQLite file, or a PostgreSQL
    /// server for a `postgres://` URL; a missing file or database exits 66 and says how to
    /// create it.
    func openDatabase() throws -> any RapportStore {
        let location = databasePath
        if PostgresURL.isPostgres(location) { return try openRapportStore(location: location) }
        guard FileManager.default.fileExists(atPath: location) else {
            throw RapportError.noInput("no database at \(location); create one with `rapport init --db \(location)`")
        }
        do {
            return try Database.openRapport(path: location)
        } catch let error as SQLiteError {
            throw RapportError.io("cannot open \(location): \(error.message)")
        }
    }

    /// `--date`, else the local date (in the configured time zone when one is given).
    func today(timeZone: TimeZone = .current) -> CivilDate {
        if let date, let parsed = CivilDate(date) { return parsed }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// `--format` and `--rep` for listing commands. The default format is a table on a
/// terminal and JSON when piped.
struct ListingOptions: ParsableArguments {
    @Option(help: "Output format: table, json or csv (default: table on a terminal, json otherwise).")
    var format: OutputFormat?

    @Option(help: ArgumentHelp("Only this rep's accounts.", valueName: "handle"), completion: Completion.repHandle)
    var rep: String?

    var resolvedFormat: OutputFormat { format ?? Terminal.defaultFormat(table: .table, json: .json) }
}

/// `--rep` as the connection's role allows it: a rep's role defaults to its own accounts
/// and may not ask for another rep's (exit 77, rather than an empty list).
func repScope(_ asked: String?, access: TeamAccess) throws -> String? {
    guard case .rep(let handle, let role) = access else { return asked }
    guard let asked, asked != handle else { return handle }
    throw RapportError.noPermission("role \(role) acts as rep \(handle): it may not read rep \(asked)'s accounts")
}
