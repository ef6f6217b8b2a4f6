import ArgumentParser
import Foundation
import RapportCore
import Testing
@testable import RapportCLI

/// Runs `rapport ARGUMENTS` in-process; returns the exit code it would end with.
func exitCode(_ arguments: [String]) -> Int32 {
    do {
        var command = try RapportCommand.parseAsRoot(arguments)
        try command.run()
        return 0
    } catch {
        return RapportCommand.exitCode(for: error).rawValue
    }
}

/// A folder with an initialised database, removed afterwards.
final class CLIScratch {
    let directory: URL
    let db: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        db = directory.appendingPathComponent("cli.db").path
        #expect(exitCode(["init", "--db", db]) == 0)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RapportCoreTests/Fixtures/import/\(name)").path
    }

    func importWorld() {
        for kind in ["reps", "accounts", "contacts", "events", "touches", "invoices", "payments", "promises", "snoozes"] {
            #expect(exitCode(["import", kind, Self.fixture("\(kind).csv"), "--db", db]) == 0, "\(kind)")
        }
    }

    func count(_ sql: String) throws -> Int? {
        try Database.openRapport(path: db).scalarInt(sql)
    }
}
