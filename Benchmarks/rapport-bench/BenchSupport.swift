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
    try spawnMeasured(path, arguments, stdout: stdout).status
}

/// A finished child process: its wait status, wall and CPU (user + system) seconds, and
/// peak resident memory (wait4's `ru_maxrss`), in MB.
struct ChildRun {
    var status: Int32
    var wall: Double
    var cpu: Double
    var peakMB: Double
}

/// `spawnAndWait`, with what the child cost (its own rusage from wait4, not the sum of every
/// child so far). stderr goes to `stderr` (a file path) when given. Its peak memory is at
/// least this process's own peak: posix_spawn starts the child on this process's memory
/// (vfork), and the kernel counts that memory's high-water mark into the child's at exec
/// (`measuredUnderTime` measures a child alone).
func spawnMeasured(_ path: String, _ arguments: [String], stdout: String = "/dev/null", stderr: String? = nil) throws -> ChildRun {
    #if os(Linux)
    var actions = posix_spawn_file_actions_t()
    #else
    var actions: posix_spawn_file_actions_t?
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    if let stderr { posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600) }
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let started = Date()
    let code = posix_spawn(&pid, path, &actions, nil, argv, environ)
    guard code == 0 else { throw BenchError("cannot start \(path): error \(code)") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
    return ChildRun(
        status: status, wall: Date().timeIntervalSince(started), cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        peakMB: Double(usage.ru_maxrss) / 1024)  // kilobytes on Linux
}

/// `spawnMeasured` through `/usr/bin/time`, which forks a fresh child: its peak memory is
/// the command's own (time's `%M`), not this process's.
func measuredUnderTime(_ path: String, _ arguments: [String], stdout: String = "/dev/null") throws -> ChildRun {
    let time = "/usr/bin/time"
    guard FileManager.default.isExecutableFile(atPath: time) else { throw BenchError("\(time) is missing (apt-get install time)") }
    let report = NSTemporaryDirectory() + "rapport-bench-rss-\(getpid()).txt"
    defer { unlink(report) }
    var run = try spawnMeasured(time, ["-f", "%M", "-o", report, path] + arguments, stdout: stdout)
    let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
    guard let kilobytes = text.split(separator: "\n").last.flatMap({ Double($0) }) else { throw BenchError("\(time) gave no peak memory for \(path)") }
    run.peakMB = kilobytes / 1024
    return run
}
