import CSQLite

/// Binding by position without boxing arguments: the bulk-import path binds millions of
/// values, so it skips the `[any SQLBindable]` array of `bind(_:)`.
extension Statement {
    /// Readies the statement for new values (the previous ones are all overwritten).
    func rebind() { sqlite3_reset(handle) }

    func bind(text value: String?, at index: Int32) throws(SQLiteError) {
        guard var value else { return try bind(.null, at: index) }
        let code = value.withUTF8 { buffer in
            sqlite3_bind_text(handle, index, buffer.baseAddress, Int32(buffer.count), sqliteTransient)
        }
        guard code == SQLITE_OK else { throw SQLiteError(connection: database.handle, code: code, sql: sql) }
    }

    func bind(integer value: Int64?, at index: Int32) throws(SQLiteError) {
        guard let value else { return try bind(.null, at: index) }
        let code = sqlite3_bind_int64(handle, index, value)
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
