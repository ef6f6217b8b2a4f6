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
    static func json(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { FileHandle.standardOutput.write(Data(buffer: $0)) }
    }

    /// A header row and data rows, each cell neutralised against formula injection.
    static func csv(header: [String], rows: [[String]]) {
        var out = CSVCell.row(header) + "\n"
        for row in rows { out += CSVCell.row(row) + "\n" }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    static func text(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
