/// One row of `rapport export`: its cells' UTF-8 text in the kind's column order
/// (`ImportKind.columns`), an empty cell for a NULL. One record is filled again for every
/// row, so a table of millions of rows costs no allocation per row.
public struct ExportRecord {
    private var bytes: [UInt8] = []
    /// Where each cell ends in `bytes`.
    private var ends: [Int] = []

    public init() {
        bytes.reserveCapacity(1 << 12)
        ends.reserveCapacity(16)
    }

    public var count: Int { ends.count }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    mutating func append(_ cell: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: cell)
        ends.append(bytes.count)
    }

    mutating func append(_ cell: String) {
        bytes.append(contentsOf: cell.utf8)
        ends.append(bytes.count)
    }

    /// Runs `body` with each cell's bytes in column order.
    public func forEachCell(_ body: (_ column: Int, _ cell: UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { all in
            var start = 0
            for (column, end) in ends.enumerated() {
                try body(column, UnsafeBufferPointer(rebasing: all[start..<end]))
                start = end
            }
        }
    }

    /// The cells as strings (for tests and messages).
    public var cells: [String] {
        var cells: [String] = []
        forEachCell { _, cell in cells.append(String(decoding: cell, as: UTF8.self)) }
        return cells
    }
}

/// A column of an export: its name in the header, and whether it holds money (a number
/// in a spreadsheet) rather than text.
public struct ExportColumn: Equatable, Sendable {
    public let name: String
    public let isAmount: Bool
}

extension ImportKind {
    /// The columns an export writes: exactly the ones an import of the kind reads, in the
    /// spec's order, so an exported file imports as it is.
    public var exportColumns: [ExportColumn] {
        columns.map { ExportColumn(name: $0.name, isAmount: $0.name == "amount") }
    }
}
