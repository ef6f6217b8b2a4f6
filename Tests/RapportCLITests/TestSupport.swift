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

/// The `rapport` executable `swift test` built beside the test bundle; nil when it is not there.
let builtRapport: String? = {
    let path = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rapport").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}()

/// The package root (demo/, Tests/).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Whether `tool` is on $PATH.
func onPath(_ tool: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
    }
}

/// Runs a program to its end in `directory`, with `environment` over this one's (nil values removed),
/// collecting its output through files (a large output cannot fill a pipe and stall it).
func runProgram(
    _ program: String, _ arguments: [String], environment: [String: String?] = [:], in directory: URL? = nil
) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-run-\(UUID().uuidString)").path
    let (outPath, errPath) = (base + ".out", base + ".err")
    FileManager.default.createFile(atPath: outPath, contents: nil)
    FileManager.default.createFile(atPath: errPath, contents: nil)
    defer { for path in [outPath, errPath] { try? FileManager.default.removeItem(atPath: path) } }
    process.standardOutput = FileHandle(forWritingAtPath: outPath)
    process.standardError = FileHandle(forWritingAtPath: errPath)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    return (process.terminationStatus, text(outPath), text(errPath))
}
