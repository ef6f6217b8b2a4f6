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
