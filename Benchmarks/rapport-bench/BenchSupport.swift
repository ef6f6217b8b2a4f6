import Foundation
import RapportCore

/// A benchmark that cannot run (bad arguments, missing data).
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// `--name value` and `--flag` options, each used at most once; anything left is an error.
struct BenchOptions {
    private var rest: [String]

    init(_ arguments: ArraySlice<String>) throws { rest = Array(arguments) }

    mutating func value(_ name: String) throws -> String? {
        guard let index = rest.firstIndex(of: name) else { return nil }
        guard index + 1 < rest.count else { throw BenchError("\(name) needs a value") }
        let value = rest[index + 1]
        rest.removeSubrange(index...(index + 1))
        return value
    }

    mutating func date(_ name: String) throws -> CivilDate? {
        guard let text = try value(name) else { return nil }
        guard let date = CivilDate(text) else { throw BenchError("\(name): not a YYYY-MM-DD date: \(text)") }
        return date
    }

    mutating func flag(_ name: String) -> Bool {
        guard let index = rest.firstIndex(of: name) else { return false }
        rest.remove(at: index)
        return true
    }

    func finish() throws {
        guard rest.isEmpty else { throw BenchError("unknown arguments: \(rest.joined(separator: " "))") }
    }

    /// `--dir DIR`, created when missing.
    mutating func directory() throws -> String {
        guard let dir = try value("--dir") else { throw BenchError("--dir DIR is required") }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// Runs `path` with stdout to `stdout` (a file path) and waits for it: posix_spawn + waitpid, since
/// Foundation's `Process` on Linux adds tens of milliseconds of its own to each run.
func spawnAndWait(_ path: String, _ arguments: [String], stdout: String = "/dev/null") throws -> Int32 {
    #if os(Linux)
    var actions = posix_spawn_file_actions_t()
    #else
    var actions: posix_spawn_file_actions_t?
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let code = posix_spawn(&pid, path, &actions, nil, argv, environ)
    guard code == 0 else { throw BenchError("cannot start \(path): error \(code)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return status
}
