#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The central directory of a zip archive (an .xlsx file is one), read with `pread` so
/// the entries can then be streamed one at a time (`ZipEntryReader`). Only what a
/// workbook needs: stored and deflated entries, ZIP64 sizes, one disk, no encryption.
///
/// Not ZIPFoundation: its reader hides where an entry's data starts, so the data can only
/// be had through its own inflate loop, which on Linux hands zlib more input bytes than it
/// read and, for deflate data that does not end before the end of the file, spins forever
/// (measured with 0.9.20: a 200-byte crafted file never returns). An import must fail
/// cleanly on any file.
final class ZipArchive {
    struct Entry {
        let name: String
        let method: UInt16
        let flags: UInt16
        let crc: UInt32
        let compressedSize: UInt64
        let size: UInt64
        let headerOffset: UInt64

        var isEncrypted: Bool { flags & 1 != 0 }
    }

    private let descriptor: Int32
    let fileSize: UInt64
    private(set) var entries: [Entry] = []
    /// Entries by lower-cased name: package part names are compared without regard to case.
    private var index: [String: Int] = [:]

    /// The zip file signatures: a local file header starts the first entry; an empty
    /// archive is only its end record.
    static let localHeaderSignature: UInt32 = 0x0403_4B50
    static let emptyArchiveSignature: UInt32 = 0x0605_4B50

    init(path: String) throws(WorkbookError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw WorkbookError(kind: .cannotOpen, message: "cannot open: \(String(cString: strerror(errno)))") }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else {
            close(fd)
            throw WorkbookError(kind: .cannotOpen, message: "cannot open: is a directory")
        }
        descriptor = fd
        fileSize = UInt64(status.st_size)
        try readDirectory()
    }

    deinit { close(descriptor) }

    func entry(named name: String) -> Entry? {
        index[name.lowercased()].map { entries[$0] }
    }

    /// Reads `count` bytes at `offset`, all of them or an error.
    func read(at offset: UInt64, count: Int, into buffer: UnsafeMutableRawPointer) throws(WorkbookError) {
        guard offset <= fileSize, UInt64(count) <= fileSize - offset else { throw Self.damaged("an entry reaches past the end of the file") }
        var done = 0
        while done < count {
            let got = pread(descriptor, buffer + done, count - done, off_t(offset) + off_t(done))
            if got < 0 {
                if errno == EINTR { continue }
                throw WorkbookError(kind: .unreadable, message: "cannot read: \(String(cString: strerror(errno)))")
            }
            if got == 0 { throw Self.damaged("the file ends early") }
            done += got
        }
    }

    func bytes(at offset: UInt64, count: Int) throws(WorkbookError) -> [UInt8] {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
        defer { buffer.deallocate() }
        try read(at: offset, count: count, into: buffer)
        return Array(UnsafeBufferPointer(start: buffer, count: count))
    }

    static func damaged(_ reason: String) -> WorkbookError {
        .damaged("the zip archive is damaged: \(reason)")
    }

    // MARK: - The directory

    private func readDirectory() throws(WorkbookError) {
        // The end record is the last 22 bytes, or sits before a comment of up to 64 KB.
        let tailCount = Int(min(fileSize, 22 + 0xFFFF))
        guard tailCount >= 22 else { throw try notZip() }
        let tail = try bytes(at: fileSize - UInt64(tailCount), count: tailCount)
        var found: Int?
        var at = tailCount - 22
        while at >= 0 {
            if tail.u32(at) == Self.emptyArchiveSignature, at + 22 + Int(tail.u16(at + 20)) <= tailCount {
                found = at
                break
            }
            at -= 1
        }
        guard let end = found else { throw try notZip() }
        let endOffset = fileSize - UInt64(tailCount - end)
        guard tail.u16(end + 4) == 0, tail.u16(end + 6) == 0 else {
            throw WorkbookError.notWorkbook("a zip archive split over several files (disks), which a workbook never is")
        }
        var count = UInt64(tail.u16(end + 10))
        var size = UInt64(tail.u32(end + 12))
        var start = UInt64(tail.u32(end + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || start == 0xFFFF_FFFF {
            (count, size, start) = try zip64Directory(endOffset: endOffset)
        }
        guard start <= endOffset, size <= endOffset - start else { throw Self.damaged("its directory lies outside the file") }
        guard size <= 256 << 20, count <= 1 << 20 else { throw Self.damaged("its directory is implausibly large") }
        let directory = try bytes(at: start, count: Int(size))
        var position = 0
        entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard position + 46 <= directory.count, directory.u32(position) == 0x0201_4B50 else {
                throw Self.damaged("its directory has a broken entry")
            }
            let nameLength = Int(directory.u16(position + 28))
            let extraLength = Int(directory.u16(position + 30))
            let commentLength = Int(directory.u16(position + 32))
            let next = position + 46 + nameLength + extraLength + commentLength
            guard next <= directory.count else { throw Self.damaged("its directory has a broken entry") }
            let name = String(decoding: directory[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            var compressed = UInt64(directory.u32(position + 20))
            var uncompressed = UInt64(directory.u32(position + 24))
            var offset = UInt64(directory.u32(position + 42))
            // ZIP64: a 32-bit field of all ones is given in the extra field (id 1), in this order.
            var extra = position + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let id = directory.u16(extra)
                let length = Int(directory.u16(extra + 2))
                var field = extra + 4
                let fieldEnd = min(field + length, extraEnd)
                if id == 1 {
                    func wide(_ value: inout UInt64) {
                        guard value == 0xFFFF_FFFF, field + 8 <= fieldEnd else { return }
                        value = directory.u64(field)
                        field += 8
                    }
                    wide(&uncompressed)
                    wide(&compressed)
                    wide(&offset)
                }
                extra += 4 + length
            }
            index[name.lowercased()] = entries.count
            entries.append(Entry(
                name: name, method: directory.u16(position + 10), flags: directory.u16(position + 8),
                crc: directory.u32(position + 16), compressedSize: compressed, size: uncompressed, headerOffset: offset))
            position = next
        }
    }

    /// The ZIP64 end record, found through its locator just before the plain end record.
    private func zip64Directory(endOffset: UInt64) throws(WorkbookError) -> (count: UInt64, size: UInt64, start: UInt64) {
        guard endOffset >= 20 else { throw Self.damaged("its ZIP64 end record is missing") }
        let locator = try bytes(at: endOffset - 20, count: 20)
        guard locator.u32(0) == 0x0706_4B50 else { throw Self.damaged("its ZIP64 end record is missing") }
        let recordOffset = locator.u64(8)
        guard recordOffset < endOffset else { throw Self.damaged("its ZIP64 end record is missing") }
        let record = try bytes(at: recordOffset, count: 56)
        guard record.u32(0) == 0x0606_4B50 else { throw Self.damaged("its ZIP64 end record is missing") }
        return (record.u64(32), record.u64(40), record.u64(48))
    }

    /// Why a file without a zip end record cannot be read, by what it starts with.
    private func notZip() throws(WorkbookError) -> WorkbookError {
        let start = try bytes(at: 0, count: Int(min(fileSize, 8)))
        if start.count >= 4, start.u32(0) == Self.localHeaderSignature {
            return Self.damaged("its directory, at the end of the file, is missing (was the file cut short?)")
        }
        if start == Self.compoundFileSignature {
            return .notWorkbook("an Excel 97-2003 workbook (.xls) or a password-protected one; save it as Excel 2007-365 .xlsx without a password, or as CSV")
        }
        return .notWorkbook("not a zip archive, so not an .xlsx workbook (save it from the spreadsheet as Excel 2007-365 .xlsx, or as CSV)")
    }

    /// The start of an OLE compound file: old .xls workbooks, and encrypted .xlsx ones.
    static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Where an entry's data starts: after its local header, whose name and extra field
    /// lengths can differ from the directory's.
    func dataOffset(of entry: Entry) throws(WorkbookError) -> UInt64 {
        let header = try bytes(at: entry.headerOffset, count: 30)
        guard header.u32(0) == Self.localHeaderSignature else { throw Self.damaged("\(entry.name) has no local header") }
        let offset = entry.headerOffset + 30 + UInt64(header.u16(26)) + UInt64(header.u16(28))
        guard offset <= fileSize, entry.compressedSize <= fileSize - offset else {
            throw Self.damaged("\(entry.name) reaches past the end of the file")
        }
        return offset
    }
}

/// Little-endian fields of zip records.
extension [UInt8] {
    func u16(_ at: Int) -> UInt16 { UInt16(self[at]) | UInt16(self[at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
    func u64(_ at: Int) -> UInt64 { UInt64(u32(at)) | UInt64(u32(at + 4)) << 32 }
}
