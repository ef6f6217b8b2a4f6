#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file written under a temporary name beside its final one and renamed into
/// place once complete: a failed export leaves no partial file behind, and a file already
/// at the path is replaced only by a whole one.
struct PlacedFile {
    let path: String
    let temporaryPath: String
    let descriptor: Int32

    /// Runs `body` with a new temporary file beside `path`, then moves it to `path`; on any
    /// throw the temporary file is removed and `path` is left as it was. A file that cannot
    /// be created there exits 73.
    static func write<T>(_ path: String, _ body: (PlacedFile) throws -> T) throws -> T {
        let file = try create(beside: path)
        let result: T
        do {
            result = try body(file)
        } catch {
            file.discard()
            throw error
        }
        try file.commit()
        return result
    }

    /// Runs `body` with a temporary file in `directory` that is removed afterwards.
    static func scratch<T>(in directory: String, _ body: (PlacedFile) throws -> T) throws -> T {
        let file = try create(beside: directory + "/rapport-export")
        defer { file.discard() }
        return try body(file)
    }

    private func discard() {
        close(descriptor)
        unlink(temporaryPath)
    }

    private static func create(beside path: String) throws -> PlacedFile {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array((directory + "." + name + ".rapport-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw RapportError(.cannotCreate, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        // mkstemp makes the file private; an export gets the permissions any new file gets.
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        return PlacedFile(path: path, temporaryPath: template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) },
                          descriptor: descriptor)
    }

    private func commit() throws {
        let synced = fsync(descriptor) == 0
        let reason = String(cString: strerror(errno))
        close(descriptor)
        guard synced else {
            unlink(temporaryPath)
            throw RapportError.io("cannot write \(path): \(reason)")
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw RapportError(.cannotCreate, "cannot create \(path): \(reason)")
        }
    }
}
