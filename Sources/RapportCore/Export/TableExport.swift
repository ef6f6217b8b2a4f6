#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `rapport export KIND`: every stored row of one kind, streamed from the database to a
/// CSV or xlsx table in exactly the columns and formats `rapport import KIND` reads, so
/// that exporting and importing into an empty database gives the same data back
/// (docs/export.md).
public enum TableExport {
    public enum Format: String, CaseIterable, Sendable {
        case csv, xlsx
    }

    /// Writes the rows of `kind` in `format` to `path` — under a temporary name, moved into
    /// place once complete — or, when `path` is nil, to standard output. A CSV file gets a
    /// UTF-8 byte-order mark (what Excel needs to read it as UTF-8); standard output none.
    /// Returns the number of rows.
    public static func write(_ kind: ImportKind, from store: any RapportStore, format: Format, to path: String?) throws -> Int {
        switch (format, path) {
        case (.csv, nil):
            let output = FileOutput(descriptor: STDOUT_FILENO, name: "standard output")
            return try run(kind, store, CSVTableWriter(output: output, byteOrderMark: false))
        case (.csv, let path?):
            return try PlacedFile.write(path) { file in
                try run(kind, store, CSVTableWriter(output: FileOutput(descriptor: file.descriptor, name: path), byteOrderMark: true))
            }
        case (.xlsx, let path?):
            return try PlacedFile.write(path) { file in
                try run(kind, store, XLSXTableWriter(archive: file, sheetName: kind.rawValue))
            }
        case (.xlsx, nil):
            return try workbookToStandardOutput(kind, store)
        }
    }

    private static func run(_ kind: ImportKind, _ store: any RapportStore, _ writer: some TableWriter) throws -> Int {
        try writer.begin(columns: kind.exportColumns)
        let rows = try store.exportRows(kind) { try writer.write($0) }
        try writer.finish()
        return rows
    }

    /// A workbook is a ZIP archive, written with seeks: it is made in a temporary file,
    /// then copied to standard output.
    private static func workbookToStandardOutput(_ kind: ImportKind, _ store: any RapportStore) throws -> Int {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        return try PlacedFile.scratch(in: directory) { file in
            let rows = try run(kind, store, XLSXTableWriter(archive: file, sheetName: kind.rawValue))
            let output = FileOutput(descriptor: STDOUT_FILENO, name: "standard output")
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            var offset: off_t = 0
            while true {
                let count = chunk.withUnsafeMutableBytes { pread(file.descriptor, $0.baseAddress, $0.count, offset) }
                guard count >= 0 else { throw RapportError.io("cannot read back \(file.temporaryPath): \(String(cString: strerror(errno)))") }
                if count == 0 { break }
                try output.append(chunk[..<count])
                offset += off_t(count)
            }
            try output.flush()
            return rows
        }
    }
}
