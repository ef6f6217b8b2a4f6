#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the CSV reader gets its bytes from, a chunk at a time, so a file of any size is
/// read in bounded memory.
protocol ByteSource: AnyObject {
    /// Fills up to `capacity` bytes at `buffer`; returns how many, 0 at the end.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(ByteSourceError) -> Int
}

enum ByteSourceError: Error, Equatable {
    case cannotOpen(String)
    case readFailed(String)
    /// Bytes that are not text in the encoding being decoded.
    case invalidText
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}

/// A file read with `read(2)`.
final class FileByteSource: ByteSource {
    private let descriptor: Int32

    init(path: String) throws(ByteSourceError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        var status = stat()
        if fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw .cannotOpen("is a directory")
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(ByteSourceError) -> Int {
        while true {
            let count = systemRead(descriptor, buffer, capacity)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw .readFailed(String(cString: strerror(errno)))
        }
    }
}

/// GB18030 bytes (as Chinese Excel and WPS export CSV) converted to UTF-8 with glibc's
/// iconv, chunk by chunk; a multi-byte character split across two reads is carried over.
final class GB18030ByteSource: ByteSource {
    private let inner: any ByteSource
    private let converter: iconv_t
    private let input: UnsafeMutablePointer<UInt8>
    private let inputCapacity = 1 << 16
    private var pending = 0          // unconverted bytes at the start of `input`
    private var innerAtEnd = false
    private var failed = false       // invalid bytes met: report once the good output is out

    init(wrapping inner: any ByteSource) throws(ByteSourceError) {
        guard let cd = iconv_open("UTF-8", "GB18030"), Int(bitPattern: cd) != -1 else {
            throw .cannotOpen("this system's iconv cannot decode GB18030")
        }
        self.inner = inner
        self.converter = cd
        self.input = .allocate(capacity: inputCapacity)
    }

    deinit {
        iconv_close(converter)
        input.deallocate()
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(ByteSourceError) -> Int {
        // A GB18030 character is at most 4 bytes and becomes at most 4 UTF-8 bytes.
        precondition(capacity >= 8, "output chunk too small")
        if failed { throw .invalidText }
        var produced = 0
        while produced == 0 {
            if pending < inputCapacity, !innerAtEnd {
                let count = try inner.read(into: input + pending, capacity: inputCapacity - pending)
                if count == 0 { innerAtEnd = true }
                pending += count
            }
            if pending == 0 { return 0 }
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(input).assumingMemoryBound(to: CChar.self)
            var inLeft = pending
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: CChar.self)
            var outLeft = capacity
            let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            let stoppedWith = result == -1 ? errno : 0
            produced = capacity - outLeft
            // Keep what was not converted (an incomplete character, or the rest after E2BIG).
            if inLeft > 0 { memmove(input, input + (pending - inLeft), inLeft) }
            pending = inLeft
            switch stoppedWith {
            case 0, E2BIG:
                break
            case EINVAL:
                // An incomplete character at the end of the input read so far.
                if innerAtEnd {
                    failed = true
                    if produced == 0 { throw .invalidText }
                }
            default:  // EILSEQ: not GB18030
                failed = true
                if produced == 0 { throw .invalidText }
            }
        }
        return produced
    }
}
