/// The key reads of shell completion. Keys are `COLLATE "C"`, so `>=` on the unique
/// index is the same byte order as on SQLite; a rep's role reads only its own accounts.
extension PostgresDatabase {
    public func accountKeys(prefix: String, limit: Int) throws -> [String] {
        try mapErrors {
            leadingKeys(try connection.rows("SELECT key FROM account WHERE key >= $1 ORDER BY key LIMIT $2", [prefix, limit]) { $0.string(0) },
                 startingWith: prefix)
        }
    }

    public func repHandles(prefix: String, limit: Int) throws -> [String] {
        try mapErrors {
            leadingKeys(try connection.rows("SELECT handle FROM rep WHERE handle >= $1 ORDER BY handle LIMIT $2", [prefix, limit]) { $0.string(0) },
                 startingWith: prefix)
        }
    }
}
