import Foundation

enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case io(String)

    var description: String {
        switch self {
        case .usage(let message), .io(let message): return message
        }
    }
}

/// `--name value` options of a benchmark; unknown names are an error.
struct BenchOptions {
    private var values: [String: String] = [:]

    init(_ arguments: ArraySlice<String>, known: Set<String>) throws {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard flag.hasPrefix("--"), known.contains(String(flag.dropFirst(2))) else {
                throw BenchError.usage("unknown option \(flag); expected \(known.sorted().map { "--" + $0 }.joined(separator: ", "))")
            }
            guard let value = rest.popFirst() else { throw BenchError.usage("\(flag) needs a value") }
            values[String(flag.dropFirst(2))] = value
        }
    }

    func string(_ name: String) -> String? { values[name] }
    func double(_ name: String) -> Double? { values[name].flatMap(Double.init) }

    /// `--dir`, created when missing.
    func directory() throws -> String {
        guard let dir = values["dir"] else { throw BenchError.usage("--dir DIR is required") }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
