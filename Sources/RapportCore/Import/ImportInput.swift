/// What an import's check pass reads: a CSV file, or the CSV rows a file of another format
/// (a vCard address book) was turned into, so both go through the same validators and
/// writer.
struct ImportInput {
    /// The file as the user named it: in every message and in the summary.
    let path: String
    /// Bytes of CSV text (it decides whether stored keys are loaded whole).
    let size: Int
    /// The CSV text, read in the encoding asked for.
    let open: (ImportEncoding) throws -> CSVReader
    /// The problem list a check pass starts with, made inside the import's session (a
    /// converted file brings what its conversion found, checked against the stored keys).
    let problems: (any ImportKeySource) throws -> ImportProblems

    /// A CSV file on disk.
    static func csvFile(_ path: String) -> ImportInput {
        ImportInput(
            path: path, size: Importer.size(of: path), open: { try Importer.openReader(path, $0) },
            problems: { _ in ImportProblems(file: path) })
    }
}

/// Bytes already in memory (text made from another format) as a reader's source.
final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(ByteSourceError) -> Int {
        let count = min(capacity, bytes.count - position)
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress, count > 0 else { return }
            buffer.update(from: base + position, count: count)
        }
        position += count
        return count
    }
}
