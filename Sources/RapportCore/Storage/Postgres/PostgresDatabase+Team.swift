/// `rapport team` on PostgreSQL: a role's row in `rep_role` (which the row-level security
/// policies read on every statement, so a grant or a revoke takes effect at once) and its
/// table privileges. Roles themselves are the server's (`CREATE ROLE … LOGIN`): Rapport
/// never creates one and never sees a password.
extension PostgresDatabase: TeamStore {
    /// What every team member may read.
    static let readTables = ["rep", "account", "contact", "event", "touch", "invoice", "payment", "promise", "snooze", "rep_role", "rapport_schema"]

    public func teamGrant(handle: String, role: String?, manager: Bool) throws -> TeamMember {
        let role = role ?? handle
        return try ownerOnly("team grant") {
            try connection.transaction {
                try connection.execute("SELECT pg_advisory_xact_lock(\(Self.migrationLock))")
                guard let rep = try connection.rows("SELECT id, name FROM rep WHERE handle = $1", [handle], { ($0.int64(0), $0.string(1)) }).first else {
                    throw try unknownRep(handle)
                }
                guard try connection.scalarInt("SELECT count(*) FROM pg_roles WHERE rolname = $1", [role]) == 1 else {
                    throw RapportError.data(
                        "there is no PostgreSQL role '\(role)'; create it first (CREATE ROLE \(Self.quoted(role)) LOGIN PASSWORD '…'), or name another with --role")
                }
                guard try connection.scalarText("SELECT $1::text = current_user::text", [role]) == "f" else {
                    throw RapportError.data("role '\(role)' owns the database; grant access to the reps' own roles")
                }
                try connection.execute("""
                    INSERT INTO rep_role (role, rep_id, manager) VALUES ($1, $2, $3)
                    ON CONFLICT (role) DO UPDATE SET rep_id = excluded.rep_id, manager = excluded.manager
                    """, [role, rep.0, manager ? "true" : "false"])
                let who = Self.quoted(role)
                let schema = try connection.scalarText("SELECT quote_ident(current_schema())") ?? "public"
                try connection.execute("GRANT USAGE ON SCHEMA \(schema) TO \(who)")
                try connection.execute("GRANT SELECT ON \(Self.readTables.joined(separator: ", ")) TO \(who)")
                try connection.execute("GRANT INSERT ON touch TO \(who)")
                if manager {
                    try connection.execute("REVOKE INSERT, UPDATE ON promise, snooze FROM \(who)")
                } else {
                    try connection.execute("GRANT INSERT ON promise, snooze TO \(who)")
                    try connection.execute("GRANT UPDATE (until) ON snooze TO \(who)")
                }
                return TeamMember(handle: handle, name: rep.1, role: role, manager: manager)
            }
        }
    }

    public func teamRevoke(handle: String) throws -> [String] {
        try ownerOnly("team revoke") {
            try connection.transaction {
                try connection.execute("SELECT pg_advisory_xact_lock(\(Self.migrationLock))")
                guard try connection.scalarInt("SELECT count(*) FROM rep WHERE handle = $1", [handle]) == 1 else {
                    throw try unknownRep(handle)
                }
                let roles = try connection.rows(
                    "DELETE FROM rep_role WHERE rep_id = (SELECT id FROM rep WHERE handle = $1) RETURNING role", [handle]
                ) { $0.string(0) }
                let schema = try connection.scalarText("SELECT quote_ident(current_schema())") ?? "public"
                for role in roles.sorted() {
                    // Only the grants `teamGrant` made (a role may have others of its own).
                    let who = Self.quoted(role)
                    try connection.execute("REVOKE ALL ON \(Self.readTables.joined(separator: ", ")) FROM \(who)")
                    try connection.execute("REVOKE USAGE ON SCHEMA \(schema) FROM \(who)")
                }
                return roles.sorted()
            }
        }
    }

    public func teamList() throws -> [TeamMember] {
        try mapErrors {
            try connection.rows("""
                SELECT r.handle, r.name, rr.role, COALESCE(rr.manager, false)
                FROM rep r LEFT JOIN rep_role rr ON rr.rep_id = r.id
                ORDER BY r.handle, rr.role
                """) { TeamMember(handle: $0.string(0), name: $0.string(1), role: $0.optionalString(2), manager: $0.bool(3)) }
        }
    }

    /// Runs a team change as the owner only (another role gets exit 77 and no change).
    private func ownerOnly<T>(_ what: String, _ body: () throws -> T) throws -> T {
        guard access == .owner else {
            throw RapportError.noPermission("`rapport \(what)` needs the owner of the database's tables; \(roleDescription) may not change the team")
        }
        return try mapErrors(body)
    }

    /// An identifier quoted for SQL (a role is a name, never spliced in unquoted).
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingAll("\"", with: "\"\"") + "\""
    }
}
