/// The one error of the PostgreSQL backend: the SQLSTATE, the server's message and detail,
/// and the SQL that failed (never its parameters: they may hold customer data, and a
/// connection string may hold a password).
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// The five-character SQLSTATE (`42501` insufficient privilege); `08006` for a
    /// connection that failed or was lost.
    public let sqlState: String
    public let message: String
    public let detail: String?
    public let sql: String?

    public init(sqlState: String, message: String, detail: String? = nil, sql: String? = nil) {
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.sql = sql
    }

    public var description: String {
        var text = "\(message) (SQLSTATE \(sqlState))"
        if let detail, !detail.isEmpty { text += "; \(detail)" }
        if let sql { text += " in: \(sql.prefix(200))" }
        return text
    }

    /// A serialization failure or a deadlock: the transaction may be run again as a whole.
    public var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }

    /// A grant or a row-level security policy refused the statement.
    public var isPermissionDenied: Bool { sqlState == "42501" }
}
