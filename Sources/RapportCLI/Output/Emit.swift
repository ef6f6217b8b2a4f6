import Foundation
import RapportCore

/// Writing a command's result to stdout in the chosen format.
enum Emit {
    /// Pretty, key-sorted JSON with dates as `YYYY-MM-DD` and no escaped slashes.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// JSON already written (`JSONText` ends it with a newline).
    static func json(bytes: [UInt8]) throws {
        let out = BufferedOutput.standardOutput()
        try out.write(bytes)
        try out.flush()
    }

    /// A header row and data rows, each cell neutralised against formula injection; each
    /// row made and written in turn (pass a lazy sequence: no list of rows is built).
    static func csv(header: [String], rows: some Sequence<[String]>) throws {
        let out = BufferedOutput.standardOutput()
        try out.csvRow(header)
        for row in rows { try out.csvRow(row) }
        try out.flush()
    }

    static func text(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
