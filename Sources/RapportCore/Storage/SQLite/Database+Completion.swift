import CSQLite

/// The key reads of shell completion.
extension Database {
    /// A read-only connection that waits at most 100 ms for a writer's lock (a bulk import
    /// holds one): a completion offers nothing rather than stall the shell.
    static func reading(path: String) throws -> Database {
        let db = try Database(path: path, mode: .readOnly)
        sqlite3_busy_timeout(db.handle, 100)
        return db
    }

    public func accountKeys(prefix: String, limit: Int) throws -> [String] {
        leadingKeys(try rows("SELECT key FROM account WHERE key >= ? ORDER BY key LIMIT ?", [prefix, limit]) { $0.string(0) }, startingWith: prefix)
    }

    public func repHandles(prefix: String, limit: Int) throws -> [String] {
        leadingKeys(try rows("SELECT handle FROM rep WHERE handle >= ? ORDER BY handle LIMIT ?", [prefix, limit]) { $0.string(0) }, startingWith: prefix)
    }
}
