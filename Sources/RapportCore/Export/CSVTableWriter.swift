/// An export as CSV (RFC 4180): comma-separated, a cell quoted when it holds a comma, a
/// quote (doubled inside) or a line break, rows ended by LF as Rapport's other CSV
/// outputs end them, UTF-8 (with a byte-order mark when asked: what lets Excel open a
/// file as UTF-8). A cell that could run as a formula gets a leading `'`
/// (`CSVCell.needsGuard`), which the import takes off again, so the file imports as the
/// same values.
public final class CSVTableWriter: TableWriter {
    private let output: FileOutput
    private let byteOrderMark: Bool

    init(output: FileOutput, byteOrderMark: Bool) {
        self.output = output
        self.byteOrderMark = byteOrderMark
    }

    public func begin(columns: [ExportColumn]) throws {
        if byteOrderMark { try output.append([0xEF, 0xBB, 0xBF]) }
        for (index, column) in columns.enumerated() {
            if index > 0 { try output.append(UInt8(ascii: ",")) }
            var name = column.name
            try name.withUTF8 { try cell($0) }
        }
        try output.append(0x0A)
    }

    public func write(_ record: ExportRecord) throws {
        try record.forEachCell { column, bytes in
            if column > 0 { try output.append(UInt8(ascii: ",")) }
            try cell(bytes)
        }
        try output.append(0x0A)
    }

    public func finish() throws { try output.flush() }

    private func cell(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        let quoted = bytes.contains(where: CSVCell.needsQuotes)
        if quoted { try output.append(UInt8(ascii: "\"")) }
        if CSVCell.needsGuard(bytes) { try output.append(CSVCell.guardMark) }
        if quoted {
            var start = 0
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\"") {
                try output.append(UnsafeBufferPointer(rebasing: bytes[start...index]))
                start = index  // the quote again: doubled
            }
            try output.append(UnsafeBufferPointer(rebasing: bytes[start...]))
            try output.append(UInt8(ascii: "\""))
        } else {
            try output.append(bytes)
        }
    }
}
