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

    static let accountsHeader = "key,name,tier,owner,country,region,locale,created_on,status"
    static let contactsHeader = "key,account,name,salutation,title,role,status,phone,email,chat,channel,locale,birthday,birthday_calendar"

    /// The shipped reps, then accounts and contacts given as CSV rows (headers above).
    func importCustomers(accounts: [String], contacts: [String]) throws {
        #expect(exitCode(["import", "reps", Self.fixture("reps.csv"), "--db", db]) == 0)
        for (kind, header, rows) in [("accounts", Self.accountsHeader, accounts), ("contacts", Self.contactsHeader, contacts)] {
            let url = directory.appendingPathComponent("\(kind).csv")
            try ([header] + rows).map { $0 + "\n" }.joined().write(to: url, atomically: true, encoding: .utf8)
            #expect(exitCode(["import", kind, url.path, "--db", db]) == 0, "\(kind)")
        }
    }

    /// The text of every draft `rapport drafts --date DATE` writes.
    func drafts(date: String) throws -> [String] {
        let out = directory.appendingPathComponent("drafts-\(date)")
        #expect(exitCode(["drafts", "--db", db, "--date", date, "--out", out.path, "--format", "txt"]) == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        return try names.map { try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8) }
    }

    func count(_ sql: String) throws -> Int? {
        try Database.openRapport(path: db).scalarInt(sql)
    }
}
