import Foundation
import Testing
@testable import RapportCLI
@testable import RapportCore

/// The buffered writer every long output goes through: bytes in the order written, small
/// and large pieces mixed; a failed write an I/O error (exit 74), never a crash or a
/// silently short file; `--out` files replaced whole or not at all.
@Suite struct BufferedOutputTests {
    @Test func piecesComeOutInOrder() throws {
        let out = BufferedOutput.memory()
        var expected: [UInt8] = []
        for n in 0..<300 {
            // Small pieces, and now and then one larger than the buffer.
            let piece = n % 50 == 7 ? [UInt8](repeating: UInt8(n % 251), count: BufferedOutput.chunk + n) : Array("line \(n) 李\n".utf8)
            try out.write(piece)
            expected += piece
        }
        var json = JSONText()
        json.beginArray()
        json.int(1)
        try out.write(&json)
        #expect(json.bytes.isEmpty)  // drained, the array still open
        json.int(2)
        json.endArray()
        try out.write(&json)
        expected += Array("[\n  1,\n  2\n]\n".utf8)
        try out.flush()
        #expect(out.collected == expected)
    }

    @Test func aFailedWriteIsAnIOError() throws {
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        defer { close(full) }
        let out = BufferedOutput(descriptor: full, name: "/dev/full")
        try out.write("fits in the buffer")
        do {
            try out.flush()
            Issue.record("writing to /dev/full succeeded")
        } catch let error as RapportError {
            #expect(error.code == .ioError)
            #expect(error.message.hasPrefix("cannot write /dev/full: "))
        }
    }

    @Test func aFileIsReplacedWholeOrNotAtAll() throws {
        struct Broken: Error {}
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.json").path
        try BufferedOutput.replacingFile(at: path) { out in
            for n in 0..<20_000 { try out.line("row \(n)") }
        }
        let first = try String(contentsOfFile: path, encoding: .utf8)
        #expect(first.hasPrefix("row 0\nrow 1\n") && first.hasSuffix("row 19999\n"))
        // A failure halfway leaves the old file as it was, and no partial file beside it.
        #expect(throws: Broken.self) {
            try BufferedOutput.replacingFile(at: path) { out in
                for n in 0..<20_000 { try out.line("new \(n)") }
                throw Broken()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
        // No such folder: an I/O error naming the file.
        let nowhere = folder.appendingPathComponent("no/such/dir/a.json").path
        #expect { try BufferedOutput.replacingFile(at: nowhere) { try $0.write("x") } } throws: { error in
            (error as? RapportError).map { $0.code == .ioError && $0.message.hasPrefix("cannot write \(nowhere): ") } ?? false
        }
    }
}
