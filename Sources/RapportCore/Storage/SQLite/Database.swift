import CSQLite

/// One connection to a Rapport SQLite file: WAL journal, enforced foreign keys, a busy
/// timeout, and a cache of prepared statements keyed by SQL text.
public final class Database {
    let handle: OpaquePointer
    public let path: String
    private var statements: [String: Statement] = [:]
    private var transactionDepth = 0

    public enum Mode: Sendable {
        /// The file must exist (every command but `init` and `demo`).
        case existing
        /// Create the file when it is missing.
        case create
        case readOnly
    }

    public init(path: String, mode: Mode = .existing) throws(SQLiteError) {
        var connection: OpaquePointer?
        let flags: Int32
        switch mode {
        case .existing: flags = SQLITE_OPEN_READWRITE
        case .create: flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags = SQLITE_OPEN_READONLY
        }
        let code = sqlite3_open_v2(path, &connection, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let connection else {
            let error = SQLiteError(connection: connection, code: code, sql: nil)
            sqlite3_close_v2(connection)
            throw error
        }
        self.handle = connection
        self.path = path
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, Self.busyTimeoutMilliseconds)
        if mode != .readOnly {
            do {
                try execute("PRAGMA journal_mode = WAL")
            } catch where error.isBusy {
                // A bulk import holds the file in rollback-journal mode for its duration
                // (`withRollbackJournal`) and sets WAL again when it ends; reads and writes
                // still work meanwhile, waiting for its lock like any other.
            }
        }
        try execute("PRAGMA foreign_keys = ON")
        try execute("PRAGMA synchronous = NORMAL")
    }

    /// How long a statement waits for another connection's lock before failing.
    static let busyTimeoutMilliseconds: Int32 = 5_000

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// A cached prepared statement for `sql`.
    public func statement(_ sql: String) throws(SQLiteError) -> Statement {
        if let cached = statements[sql] { return cached }
        let statement = try Statement(database: self, sql: sql)
        statements[sql] = statement
        return statement
    }

    /// Runs one statement with arguments (cached), or several `;`-separated statements
    /// without arguments (not cached: schema scripts).
    public func execute(_ sql: String, _ arguments: [any SQLBindable] = []) throws(SQLiteError) {
        if arguments.isEmpty, sql.contains(";") {
            var error: UnsafeMutablePointer<CChar>?
            let code = sqlite3_exec(handle, sql, nil, nil, &error)
            if code != SQLITE_OK {
                let message = error.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
                sqlite3_free(error)
                throw SQLiteError(extendedCode: sqlite3_extended_errcode(handle), message: message, sql: sql)
            }
            return
        }
        try statement(sql).run(arguments)
    }

    /// Runs a query and hands each row to `body`.
    public func forEachRow(_ sql: String, _ arguments: [any SQLBindable] = [], _ body: (Row) throws -> Void) throws {
        try statement(sql).forEachRow(arguments, body)
    }

    /// Maps each row of a query.
    public func rows<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ transform: (Row) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEachRow(sql, arguments) { result.append(try transform($0)) }
        return result
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> SQLValue? {
        var value: SQLValue?
        let statement = try statement(sql)
        try statement.bind(arguments)
        if try statement.step() { value = Row(statement: statement).value(0) }
        sqlite3_reset(statement.handle)
        return value
    }

    public func scalarText(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> String? {
        if case .text(let v) = try scalar(sql, arguments) { return v }
        return nil
    }

    public func scalarInt(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> Int? {
        if case .integer(let v) = try scalar(sql, arguments) { return Int(v) }
        return nil
    }

    /// Runs `body` with an integer pragma (`cache_size`, `threads`) set to `value`, and puts
    /// its previous value back afterwards, whether `body` returns or throws.
    func with<T>(pragma name: String, _ value: Int, _ body: () throws -> T) throws -> T {
        let previous = try scalarInt("PRAGMA \(name)")
        try execute("PRAGMA \(name) = \(value)")
        defer { if let previous { try? execute("PRAGMA \(name) = \(previous)") } }
        return try body()
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws
    /// and rethrows that first error. Nested calls use savepoints.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let savepoint = "rapport_\(transactionDepth)"
        try execute(transactionDepth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        let result: T
        do {
            result = try body()
        } catch {
            transactionDepth -= 1
            // The original error matters more than a failed rollback.
            if transactionDepth == 0 {
                try? execute("ROLLBACK")
            } else {
                try? execute("ROLLBACK TO \(savepoint)")
                try? execute("RELEASE \(savepoint)")
            }
            throw error
        }
        transactionDepth -= 1
        do {
            try execute(transactionDepth == 0 ? "COMMIT" : "RELEASE \(savepoint)")
        } catch {
            if transactionDepth == 0 { try? execute("ROLLBACK") }
            throw error
        }
        return result
    }

    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}
