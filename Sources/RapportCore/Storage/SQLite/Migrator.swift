/// Schema migrations applied in order. The file's `PRAGMA user_version` is the number
/// of migrations already applied; each pending one runs in its own transaction and is
/// committed only when `foreign_key_check` finds no violation.
public struct Migrator: Sendable {
    public struct Migration: Sendable {
        public let name: String
        public let sql: String
    }

    public private(set) var migrations: [Migration] = []

    public init() {}

    public mutating func register(_ name: String, _ sql: String) {
        migrations.append(Migration(name: name, sql: sql))
    }

    public var latestVersion: Int { migrations.count }

    public static func version(of db: Database) throws -> Int {
        try db.scalarInt("PRAGMA user_version") ?? 0
    }

    /// Applies the migrations past the file's version, up to `target` (default: all).
    public func migrate(_ db: Database, upTo target: Int? = nil) throws {
        let current = try Self.version(of: db)
        let goal = target ?? latestVersion
        guard current <= latestVersion else {
            throw SQLiteError(
                extendedCode: 0,
                message: "database schema version \(current) is newer than this rapport (\(latestVersion)); upgrade rapport")
        }
        guard current < goal else { return }
        for version in current..<goal {
            let migration = migrations[version]
            try db.transaction {
                // A migration may be PostgreSQL's alone (an empty one here keeps the versions equal).
                if !migration.sql.isEmpty { try db.execute(migration.sql) }
                var violations: [String] = []
                try db.forEachRow("PRAGMA foreign_key_check") { row in
                    violations.append("\(row.string(0)) row \(row.int(1)) → \(row.string(2))")
                }
                guard violations.isEmpty else {
                    throw SQLiteError(
                        extendedCode: 787,  // SQLITE_CONSTRAINT_FOREIGNKEY
                        message: "migration \(migration.name) leaves foreign-key violations: "
                            + violations.prefix(5).joined(separator: ", "))
                }
                try db.execute("PRAGMA user_version = \(version + 1)")
            }
        }
    }
}
