import CPostgres
import Foundation

/// One connection to a PostgreSQL server through libpq: parameters always bound (text
/// format, never spliced into SQL), a cache of prepared statements keyed by SQL text,
/// transactions that roll back on any throw (savepoints when nested), whole-transaction
/// retries on serialization failures and deadlocks, and COPY FROM STDIN for bulk loads.
///
/// libpq itself reads the URL, `PGPASSWORD`, `~/.pgpass`, `sslmode` and the other
/// `PG*` variables, so they are honoured exactly as psql honours them.
public final class PostgresConnection {
    let handle: OpaquePointer
    /// The URL with its password removed: what messages may show.
    public let location: String
    private var prepared: [String: String] = [:]
    private var transactionDepth = 0

    public init(url: String) throws(PostgresError) {
        location = PostgresURL.redacted(url)
        guard let connection = PQconnectdb(url) else {
            throw PostgresError(sqlState: "08006", message: "cannot connect to \(location): out of memory")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = PostgresURL.scrub(String(cString: PQerrorMessage(connection)), url: url)
            PQfinish(connection)
            throw PostgresError(
                sqlState: Self.connectionState(message),
                message: "cannot connect to \(location): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        handle = connection
        // Notices (`CREATE … IF NOT EXISTS` skipping) are not for the user.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        try execute("SET client_encoding = 'UTF8'")
        // JIT compilation pays off for long analytic queries; Rapport's are index reads of
        // a few hundred milliseconds at most, which it made slower (180 ms of compiling in
        // a 270 ms read of the unpaid invoices).
        try execute("SET jit = off")
    }

    deinit { PQfinish(handle) }

    /// libpq reports a failed connection as text only: the SQLSTATE the server sent, as
    /// far as its message tells (no database, refused authentication), else "failed".
    private static func connectionState(_ message: String) -> String {
        if message.contains("does not exist"), message.contains("database") { return "3D000" }
        if message.contains("authentication failed") || message.contains("no pg_hba.conf entry")
            || message.contains("no password supplied") { return "28000" }
        if message.contains("permission denied") { return "42501" }
        return "08006"
    }

    /// The role the session runs as (`current_user`).
    public func currentRole() throws -> String {
        try scalarText("SELECT current_user::text") ?? ""
    }

    // MARK: statements

    /// Runs one statement with `arguments` bound as $1, $2, … (prepared once per SQL text),
    /// or a script of several statements when there are no arguments. Returns the rows
    /// affected (INSERT, UPDATE, DELETE) or returned.
    @discardableResult
    public func execute(_ sql: String, _ arguments: [any SQLBindable] = []) throws(PostgresError) -> Int {
        let result = try run(sql, arguments)
        return result.affectedRows
    }

    /// Runs a query and returns its result (rows read in place through `PostgresRow`).
    public func query(_ sql: String, _ arguments: [any SQLBindable] = []) throws(PostgresError) -> PostgresResult {
        try run(sql, arguments)
    }

    /// Runs a query and hands each row to `body`.
    public func forEachRow(_ sql: String, _ arguments: [any SQLBindable] = [], _ body: (PostgresRow) throws -> Void) throws {
        let result = try run(sql, arguments)
        for index in 0..<result.rowCount { try body(PostgresRow(result: result, index: index)) }
    }

    /// Runs a query (without parameters) through a cursor and hands each row to `body`,
    /// `batch` rows fetched at a time: a result of millions of rows is never held whole, as
    /// `forEachRow`'s would be. The cursor lives in a transaction of its own (a savepoint
    /// inside one already open) and reads one snapshot; it is planned for reading every row.
    public func streamRows(_ sql: String, batch: Int = 10_000, _ body: (PostgresRow) throws -> Void) throws {
        try transaction {
            try execute("SET LOCAL cursor_tuple_fraction = 1")
            _ = try check(PQexec(handle, "DECLARE rapport_stream NO SCROLL CURSOR FOR " + sql), sql: sql)
            while true {
                let result = try check(PQexec(handle, "FETCH FORWARD \(batch) FROM rapport_stream"), sql: sql)
                guard result.rowCount > 0 else { break }
                for index in 0..<result.rowCount { try body(PostgresRow(result: result, index: index)) }
            }
            _ = try check(PQexec(handle, "CLOSE rapport_stream"), sql: sql)
        }
    }

    /// Maps each row of a query.
    public func rows<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ transform: (PostgresRow) throws -> T) throws -> [T] {
        let result = try run(sql, arguments)
        return try (0..<result.rowCount).map { try transform(PostgresRow(result: result, index: $0)) }
    }

    public func scalarText(_ sql: String, _ arguments: [any SQLBindable] = []) throws(PostgresError) -> String? {
        let result = try run(sql, arguments)
        guard result.rowCount > 0 else { return nil }
        return PostgresRow(result: result, index: 0).optionalString(0)
    }

    public func scalarInt(_ sql: String, _ arguments: [any SQLBindable] = []) throws(PostgresError) -> Int? {
        try scalarText(sql, arguments).flatMap { Int($0) }
    }

    private func run(_ sql: String, _ arguments: [any SQLBindable]) throws(PostgresError) -> PostgresResult {
        let raw: OpaquePointer?
        if arguments.isEmpty, sql.contains(";") {
            raw = PQexec(handle, sql)
        } else {
            let name = try statementName(for: sql)
            let texts = arguments.map { Self.text(of: $0.sqlValue) }
            raw = Self.withCStrings(texts) { pointers in
                PQexecPrepared(handle, name, Int32(pointers.count), pointers, nil, nil, 0)
            }
        }
        return try check(raw, sql: sql)
    }

    /// The name of the prepared statement for `sql`, preparing it on first use.
    private func statementName(for sql: String) throws(PostgresError) -> String {
        if let name = prepared[sql] { return name }
        let name = "rapport_\(prepared.count + 1)"
        _ = try check(PQprepare(handle, name, sql, 0, nil), sql: sql)
        prepared[sql] = name
        return name
    }

    /// The result, or the error it carries (the result is freed either way).
    private func check(_ raw: OpaquePointer?, sql: String) throws(PostgresError) -> PostgresResult {
        guard let raw else { throw connectionError(sql: sql) }
        switch PQresultStatus(raw) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_COPY_IN, PGRES_EMPTY_QUERY:
            return PostgresResult(raw)
        default:
            let error = Self.error(of: raw, sql: sql, connection: handle)
            PQclear(raw)
            throw error
        }
    }

    private func connectionError(sql: String?) -> PostgresError {
        PostgresError(sqlState: "08006", message: String(cString: PQerrorMessage(handle)), sql: sql)
    }

    static func error(of result: OpaquePointer, sql: String?, connection: OpaquePointer) -> PostgresError {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0) }
        }
        // PG_DIAG_SQLSTATE 'C', PG_DIAG_MESSAGE_PRIMARY 'M', PG_DIAG_MESSAGE_DETAIL 'D'
        let message = field(Int32(UInt8(ascii: "M"))) ?? String(cString: PQerrorMessage(connection))
        return PostgresError(
            sqlState: field(Int32(UInt8(ascii: "C"))) ?? "08006",
            message: message.trimmingCharacters(in: .whitespacesAndNewlines),
            detail: field(Int32(UInt8(ascii: "D"))), sql: sql)
    }

    /// A bound value as PostgreSQL's text input format; nil is SQL NULL.
    static func text(of value: SQLValue) -> String? {
        switch value {
        case .null: return nil
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .text(let v): return v
        }
    }

    private static func withCStrings<T>(_ texts: [String?], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
        var owned: [UnsafeMutablePointer<CChar>?] = texts.map { $0.map { strdup($0) } }
        defer { for pointer in owned { free(pointer) } }
        return body(owned.indices.map { UnsafePointer(owned[$0]) })
    }

    // MARK: transactions

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws and
    /// rethrows that first error. Nested calls use savepoints.
    public func transaction<T>(isolation: String? = nil, _ body: () throws -> T) throws -> T {
        let savepoint = "rapport_\(transactionDepth)"
        if transactionDepth == 0 {
            try execute(isolation.map { "BEGIN ISOLATION LEVEL \($0)" } ?? "BEGIN")
        } else {
            try execute("SAVEPOINT \(savepoint)")
        }
        transactionDepth += 1
        let result: T
        do {
            result = try body()
        } catch {
            transactionDepth -= 1
            // The original error matters more than a failed rollback.
            if transactionDepth == 0 {
                _ = try? execute("ROLLBACK")
            } else {
                _ = try? execute("ROLLBACK TO SAVEPOINT \(savepoint)")
                _ = try? execute("RELEASE SAVEPOINT \(savepoint)")
            }
            throw error
        }
        transactionDepth -= 1
        do {
            try execute(transactionDepth == 0 ? "COMMIT" : "RELEASE SAVEPOINT \(savepoint)")
        } catch {
            if transactionDepth == 0 { _ = try? execute("ROLLBACK") }
            throw error
        }
        return result
    }

    /// `transaction`, run again (up to `attempts` times, with a short random pause) when
    /// the server aborts it for a serialization failure or a deadlock: what another
    /// writer's transaction can cause, and what may safely be retried because nothing of
    /// the failed attempt was committed.
    public func retryingTransaction<T>(isolation: String? = nil, attempts: Int = 8, _ body: () throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try transaction(isolation: isolation, body)
            } catch let error as PostgresError where error.isRetryable && attempt < attempts && transactionDepth == 0 {
                attempt += 1
                usleep(UInt32.random(in: 1_000...(20_000 * UInt32(attempt))))
            }
        }
    }

    public var isInTransaction: Bool { transactionDepth > 0 }

    // MARK: COPY

    /// Runs `COPY … FROM STDIN` (text format) with the data `produce` writes through the
    /// `send` it is given, in chunks. Returns the rows copied.
    @discardableResult
    public func copy(_ sql: String, _ produce: (_ send: ([UInt8]) throws -> Void) throws -> Void) throws -> Int {
        _ = try check(PQexec(handle, sql), sql: sql)
        var failure: Error?
        do {
            try produce { chunk in
                let sent = chunk.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
                }
                guard sent == 1 else { throw self.connectionError(sql: sql) }
            }
        } catch {
            failure = error
        }
        // Ending the COPY with an error message makes the server abort it.
        guard PQputCopyEnd(handle, failure == nil ? nil : "rapport: the import stopped") == 1 else { throw connectionError(sql: sql) }
        var copied = 0
        var serverError: PostgresError?
        while let raw = PQgetResult(handle) {
            if PQresultStatus(raw) == PGRES_COMMAND_OK {
                copied = Int(String(cString: PQcmdTuples(raw))) ?? 0
            } else if serverError == nil {
                serverError = Self.error(of: raw, sql: sql, connection: handle)
            }
            PQclear(raw)
        }
        if let failure { throw failure }
        if let serverError { throw serverError }
        return copied
    }
}

/// A query's result, freed with the last reference.
public final class PostgresResult {
    let handle: OpaquePointer
    public let rowCount: Int

    init(_ handle: OpaquePointer) {
        self.handle = handle
        rowCount = Int(PQntuples(handle))
    }

    deinit { PQclear(handle) }

    /// Rows an INSERT, UPDATE or DELETE changed, or a SELECT returned.
    var affectedRows: Int {
        let text = String(cString: PQcmdTuples(handle))
        return Int(text) ?? rowCount
    }
}

/// One row of a result, read by column index. Values come in text format.
public struct PostgresRow {
    let result: PostgresResult
    let index: Int

    public func isNull(_ column: Int) -> Bool { PQgetisnull(result.handle, Int32(index), Int32(column)) == 1 }

    public func string(_ column: Int) -> String {
        String(cString: PQgetvalue(result.handle, Int32(index), Int32(column)))
    }

    public func optionalString(_ column: Int) -> String? { isNull(column) ? nil : string(column) }

    /// The value's bytes, borrowed until the result is freed.
    func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8> {
        let pointer = PQgetvalue(result.handle, Int32(index), Int32(column))!
        let length = Int(PQgetlength(result.handle, Int32(index), Int32(column)))
        return UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
    }

    public func int64(_ column: Int) -> Int64 {
        var value: Int64 = 0, negative = false
        for byte in bytes(column) {
            if byte == UInt8(ascii: "-") { negative = true; continue }
            value = value &* 10 &+ Int64(byte &- 48)
        }
        return negative ? -value : value
    }

    public func int(_ column: Int) -> Int { Int(int64(column)) }

    public func optionalInt(_ column: Int) -> Int? { isNull(column) ? nil : int(column) }

    public func optionalInt64(_ column: Int) -> Int64? { isNull(column) ? nil : int64(column) }

    /// A boolean column (`t`/`f`) or an integer flag (0/1).
    public func bool(_ column: Int) -> Bool {
        guard !isNull(column), let first = bytes(column).first else { return false }
        return first == UInt8(ascii: "t") || (first >= UInt8(ascii: "1") && first <= UInt8(ascii: "9"))
    }

    /// A stored `YYYY-MM-DD`, parsed from its bytes; nil when NULL or malformed.
    public func date(_ column: Int) -> CivilDate? {
        isNull(column) ? nil : CivilDate(utf8: bytes(column))
    }
}
