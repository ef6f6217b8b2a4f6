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

/// A 64-bit fingerprint of a row's values (NULL, integers and text told apart), the same
/// whether the values come from a CSV record or from a stored row.
struct RowFingerprint: RowValueSink {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Folds in 64 bits: one full-width multiply, its halves folded (a byte-at-a-time hash
    /// chained ~120 dependent multiplies a touch row and cost the bulk write 0.4 s).
    private mutating func mix(_ word: UInt64) {
        let product = (value ^ word).multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
        value = product.high ^ product.low
    }

    mutating func integer(_ value: Int64?) {
        guard let value else { return mix(0) }
        mix(1)
        mix(UInt64(bitPattern: value))
    }

    mutating func text(_ value: BoundText?) {
        switch value {
        case nil: mix(0)
        case .bytes(let bytes): text(bytes)
        case .string(var string): string.withUTF8 { text($0) }
        }
    }

    /// Tag and length first, so no text can collide with NULL, an integer or another split.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        mix(2 | UInt64(bytes.count) << 8)
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        guard offset < bytes.count else { return }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
        mix(tail)
    }

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

    /// The fingerprint, its bits spread (FNV's low bits alone are weak for a Bloom filter).
    var finished: UInt64 {
        var h = value
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }
}
