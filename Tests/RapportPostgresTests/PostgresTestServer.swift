import Foundation
import RapportCore
import Testing

/// The PostgreSQL server the team-mode tests run against: `RAPPORT_TEST_POSTGRES`, the URL
/// of a role that may create databases and roles (`.ci/run` starts a throwaway cluster and
/// sets it). Without it the suites are skipped, and say so.
enum PostgresTestServer {
    static let url: String? = {
        let value = ProcessInfo.processInfo.environment["RAPPORT_TEST_POSTGRES"] ?? ""
        return value.isEmpty ? nil : value
    }()

    static var isAvailable: Bool { url != nil }

    static let skipNote: Comment = "no PostgreSQL server: set RAPPORT_TEST_POSTGRES (what .ci/run does) to run the team-mode suite"

    /// The URL of database `name` on the same server, as the same role.
    static func url(database name: String, user: String? = nil, password: String? = nil) -> String {
        var parts = URLComponents(string: url!)!
        parts.path = "/" + name
        if let user {
            parts.user = user
            parts.password = password
        }
        return parts.string!
    }

    /// The host and port of the server.
    static var hostAndPort: (String, Int) {
        let parts = URLComponents(string: url!)!
        return (parts.host ?? "127.0.0.1", parts.port ?? 5432)
    }
}

/// A fresh, empty database for one test (and the roles it creates), dropped afterwards.
final class ScratchPostgres {
    let name: String
    let url: String
    private var roles: [String] = []

    init() throws {
        name = "rapport_t_" + UUID().uuidString.prefix(8).lowercased()
        try Self.admin("CREATE DATABASE \(name)")
        url = PostgresTestServer.url(database: name)
    }

    deinit {
        try? Self.admin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        for role in roles { try? Self.admin("DROP ROLE IF EXISTS \(role)") }
    }

    /// A login role with a password, dropped with the database; returns its URL here.
    func role(_ base: String) throws -> (name: String, url: String) {
        let role = "\(base)_\(name.suffix(8))"
        let password = "pw-\(UUID().uuidString.prefix(12))"
        try Self.admin("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'")
        roles.append(role)
        return (role, PostgresTestServer.url(database: name, user: role, password: password))
    }

    /// Runs SQL as the test server's role on its own database.
    static func admin(_ sql: String) throws {
        let connection = try PostgresConnection(url: PostgresTestServer.url!)
        try connection.execute(sql)
    }

    /// Runs SQL as `url` through psql (what a rep could type by hand); returns its output.
    static func psql(_ url: String, _ sql: String) throws -> (status: Int32, output: String) {
        let result = try run("/usr/bin/env", ["psql", url, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql])
        return (result.status, result.stdout + result.stderr)
    }
}

/// The package's built executables (`swift test` builds them beside the test bundle).
enum Built {
    static let folder: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let debug = url.appendingPathComponent(".build/debug")
        if FileManager.default.fileExists(atPath: debug.appendingPathComponent("rapport").path) { return debug }
        return Bundle.main.bundleURL
    }()

    static var rapport: String { folder.appendingPathComponent("rapport").path }
    static var bench: String { folder.appendingPathComponent("rapport-bench").path }

    /// The package root (demo/, fixtures).
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()
}

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a program to its end, collecting its output (through files, so a large output
/// cannot fill a pipe and stall it).
func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env["RAPPORT_DB"] = nil
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-run-\(UUID().uuidString)")
    let (outPath, errPath) = (base.path + ".out", base.path + ".err")
    FileManager.default.createFile(atPath: outPath, contents: nil)
    FileManager.default.createFile(atPath: errPath, contents: nil)
    defer {
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }
    process.standardOutput = FileHandle(forWritingAtPath: outPath)
    process.standardError = FileHandle(forWritingAtPath: errPath)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus,
        stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
}

/// `rapport ARGUMENTS`.
@discardableResult
func rapport(_ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
    try run(Built.rapport, arguments, environment: environment)
}

/// Imports every kind of `folder`'s CSV files into `db`, as the README's admin would.
func importAll(from folder: URL, into db: String) throws {
    for kind in ImportKind.allCases {
        let file = folder.appendingPathComponent("\(kind.rawValue).csv").path
        guard FileManager.default.fileExists(atPath: file) else { continue }
        let result = try rapport(["import", kind.rawValue, file, "--db", db])
        #expect(result.status == 0, "import \(kind.rawValue) into \(PostgresURL.redacted(db)): \(result.stderr)")
    }
}
