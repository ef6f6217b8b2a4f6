import Foundation
import RapportCore

/// What a command prints, written through a 64 KB buffer as it is made: to standard output
/// or a file (`write(2)`; a failure is an I/O error, exit 74), or kept in memory (tests).
/// The long outputs — a week's agenda is 300 MB of JSON, an audit 90 MB — go through one,
/// so no command holds its whole output, nor a copy of it, in memory.
final class BufferedOutput {
    /// The buffer's size, and how much JSON is made before it is written.
    static let chunk = 1 << 16

    private let descriptor: Int32?
    private let name: String
    private var buffer: [UInt8] = []
    /// Everything written, when kept in memory.
    private(set) var collected: [UInt8] = []

    init(descriptor: Int32?, name: String) {
        self.descriptor = descriptor
        self.name = name
        buffer.reserveCapacity(Self.chunk)
    }

    static func standardOutput() -> BufferedOutput { BufferedOutput(descriptor: STDOUT_FILENO, name: "standard output") }

    /// Kept in memory (`collected`).
    static func memory() -> BufferedOutput { BufferedOutput(descriptor: nil, name: "memory") }

    /// Writes the file at `path` through `body`, atomically: into a new file beside it,
    /// renamed over it once complete, so a failure leaves `path` as it was and nothing else
    /// behind (as `Data.write(to:options: .atomic)`, without the whole text in memory).
    static func replacingFile(at path: String, _ body: (BufferedOutput) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial").path
        let descriptor = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw RapportError.io("cannot write \(path): \(String(cString: strerror(errno)))") }
        var open = true, renamed = false
        defer {
            if open { close(descriptor) }
            if !renamed { unlink(partial) }
        }
        let out = BufferedOutput(descriptor: descriptor, name: path)
        try body(out)
        try out.flush()
        open = false
        guard close(descriptor) == 0, rename(partial, path) == 0 else {
            throw RapportError.io("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        renamed = true
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write($0) }
    }

    /// `text` and a newline.
    func line(_ text: String) throws {
        try write(text)
        try write("\n")
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try write($0) }
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        if buffer.count + bytes.count > Self.chunk { try flush() }
        // A large piece goes out as it is rather than through the buffer.
        if bytes.count >= Self.chunk { try send(bytes) } else { buffer.append(contentsOf: bytes) }
    }

    /// The JSON made so far (its open containers stay open).
    func write(_ json: inout JSONText) throws {
        try json.drain { try write($0) }
    }

    /// `write(json)` once it holds a chunk: called after each element of a long array.
    func writeIfFull(_ json: inout JSONText) throws {
        if json.bytes.count >= Self.chunk { try write(&json) }
    }

    /// One CSV row, each cell neutralised against formula injection (`CSVCell`).
    func csvRow(_ cells: [String]) throws {
        try line(CSVCell.row(cells))
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBufferPointer { try send($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func send(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let descriptor else {
            collected.append(contentsOf: bytes)
            return
        }
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Foundation.write(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                throw RapportError.io("cannot write \(name): \(String(cString: strerror(errno)))")
            }
            next += written
            left -= written
        }
    }
}
