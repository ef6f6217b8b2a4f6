import CSQLite

/// Binding by position without boxing arguments: the bulk-import path binds millions of
/// values, so it skips the `[any SQLBindable]` array of `bind(_:)`.
extension Statement {
    /// Readies the statement for new values (the previous ones are all overwritten).
    func rebind() { sqlite3_reset(handle) }

    func bind(text value: BoundText?, at index: Int32) throws(SQLiteError) {
        let code: Int32
        switch value {
        case nil:
            code = sqlite3_bind_null(handle, index)
        case .bytes(let bytes) where !bytes.isEmpty:
            // The record's bytes outlive the step that reads them: no copy needed.
            code = sqlite3_bind_text(handle, index, bytes.baseAddress, Int32(bytes.count), nil)
        case .bytes:
            code = sqlite3_bind_text(handle, index, "", 0, sqliteTransient)
        case .string(var string):
            code = string.withUTF8 { buffer in
                buffer.isEmpty
                    ? sqlite3_bind_text(handle, index, "", 0, sqliteTransient)
                    : sqlite3_bind_text(handle, index, buffer.baseAddress, Int32(buffer.count), sqliteTransient)
            }
        }
        guard code == SQLITE_OK else { throw SQLiteError(connection: database.handle, code: code, sql: sql) }
    }

    func bind(integer value: Int64?, at index: Int32) throws(SQLiteError) {
        let code = value.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index)
        guard code == SQLITE_OK else { throw SQLiteError(connection: database.handle, code: code, sql: sql) }
    }

    /// Binds column `index` of another statement's current row to parameter `index + 1`.
    func bind(columnOf row: Row, _ index: Int) throws(SQLiteError) {
        let code = sqlite3_bind_value(handle, Int32(index + 1), sqlite3_column_value(row.handle, Int32(index)))
        guard code == SQLITE_OK else { throw SQLiteError(connection: database.handle, code: code, sql: sql) }
    }

    /// Steps a statement that returns no rows, then resets it; returns the rows it changed.
    @discardableResult
    func execute() throws(SQLiteError) -> Int {
        while try step() {}
        let changed = Int(sqlite3_changes(database.handle))
        sqlite3_reset(handle)
        return changed
    }
}
