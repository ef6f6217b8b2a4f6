import CSQLite

/// Binds a row's values to a statement's parameters ?1, ?2, … in order.
struct StatementBinder: RowValueSink {
    let statement: Statement
    private var index: Int32 = 0

    init(_ statement: Statement) {
        self.statement = statement
        statement.rebind()
    }

    mutating func integer(_ value: Int64?) throws {
        index += 1
        try statement.bind(integer: value, at: index)
    }

    mutating func text(_ value: BoundText?) throws {
        index += 1
        try statement.bind(text: value, at: index)
    }
}

extension RowFingerprint {
    /// The fingerprint of the current row of `row`, read column by column.
    static func of(_ row: Row) -> UInt64 {
        var fingerprint = RowFingerprint()
        for index in 0..<row.columnCount {
            switch sqlite3_column_type(row.handle, Int32(index)) {
            case SQLITE_NULL: fingerprint.mix(0)
            case SQLITE_INTEGER: fingerprint.integer(row.int64(index))
            default:
                let text = sqlite3_column_text(row.handle, Int32(index))
                let count = Int(sqlite3_column_bytes(row.handle, Int32(index)))
                fingerprint.text(UnsafeBufferPointer(start: text, count: count))
            }
        }
        return fingerprint.finished
    }
}
