import ArgumentParser
import Foundation
import RapportCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty Rapport database (or bring an old one up to date).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try guarded {
            let path = global.databasePath
            if PostgresURL.isPostgres(path) {
                let (before, after) = try PostgresDatabase.initialize(url: path)
                let shown = PostgresURL.redacted(path)
                switch before {
                case nil: print("Created the Rapport schema in \(shown) (schema version \(after)).")
                case let before? where before < after: print("Upgraded \(shown) from schema version \(before) to \(after).")
                default: print("\(shown) is already up to date (schema version \(after)).")
                }
                return
            }
            let existed = FileManager.default.fileExists(atPath: path)
            let db: Database
            do {
                db = try Database(path: path, mode: .create)
            } catch let error as SQLiteError {
                throw RapportError.io("cannot create \(path): \(error.message)")
            }
            let before = try Migrator.version(of: db)
            try Schema.migrator.migrate(db)
            let after = try Migrator.version(of: db)
            if !existed {
                print("Created \(path) (schema version \(after)).")
            } else if before < after {
                print("Upgraded \(path) from schema version \(before) to \(after).")
            } else {
                print("\(path) is already up to date (schema version \(after)).")
            }
        }
    }
}
