#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes written to a file descriptor through a buffer, in large writes. A failed write
/// (a full disk, a closed pipe) throws with the output's name.
final class FileOutput {
    let descriptor: Int32
    /// How messages name the output: a path, or "standard output".
    let name: String
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 16
    /// Bytes written so far (flushed or not).
    private(set) var count: Int64 = 0

    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        buffer.reserveCapacity(Self.capacity + 4_096)
    }

    func append(_ byte: UInt8) throws {
        buffer.append(byte)
        count += 1
        if buffer.count >= Self.capacity { try flush() }
    }

    func append<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws {
        buffer.append(contentsOf: bytes)
        count += Int64(bytes.count)
        if buffer.count >= Self.capacity { try flush() }
    }

    func append(_ text: String) throws { try append(text.utf8) }

    func flush() throws {
        try buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw RapportError.io("cannot write \(name): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
