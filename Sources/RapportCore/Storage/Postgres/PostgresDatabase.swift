/// A Rapport database on a shared PostgreSQL server (team mode): the same schema version
/// and the same answers as a SQLite file, with access enforced by the server itself
/// (row-level security and grants; docs/team.md). One connection per command.
public final class PostgresDatabase {
    public let connection: PostgresConnection
    public private(set) var access: TeamAccess = .owner
    /// The URL as given (with its password, if any): kept only to open a second connection
    /// for work that reads in parallel (`sibling`); never shown.
    private let url: String

    init(connection: PostgresConnection, url: String) {
        self.connection = connection
        self.url = url
    }

    /// A second connection as the same role, for reads made on another thread beside this
    /// connection's (each connection is used by one thread only). Each statement reads its
    /// own snapshot on either connection, as on one.
    func sibling() throws -> PostgresDatabase {
        let other = try Self.connect(url: url)
        other.access = access
        return other
    }

    public var location: String { connection.location }

    /// Connects to `url`, brings the schema up to date when the role owns it (`create`:
    /// also when the database holds no Rapport schema yet), and finds out whom the role
    /// acts as. A rep's connection never migrates: it says the owner must run `init`.
    public static func openRapport(url: String, create: Bool = false) throws -> PostgresDatabase {
        let db = try connect(url: url)
        try db.mapErrors {
            let version: Int?
            do {
                version = try db.schemaVersion()
            } catch let error as PostgresError where error.isPermissionDenied {
                // Not even the schema version may be read: a role on no team.
                db.access = .none(role: try db.connection.currentRole())
                throw error
            }
            if version == nil, !create {
                throw RapportError.noInput("no Rapport database at \(db.location); create one with `rapport init --db URL`")
            }
            if version ?? 0 < PostgresSchema.migrations.count || version == nil {
                try db.migrate()
            } else if let version, version > PostgresSchema.migrations.count {
                throw RapportError.io(
                    "database schema version \(version) is newer than this rapport (\(PostgresSchema.migrations.count)); upgrade rapport")
            }
            db.access = try db.readAccess()
        }
        return db
    }

    /// A connection to `url`, not yet looked at.
    static func connect(url: String) throws -> PostgresDatabase {
        do {
            return PostgresDatabase(connection: try PostgresConnection(url: url), url: url)
        } catch {
            throw connectionFailure(error)
        }
    }

    /// A connection that could not be made: no such database exits 66 (as a missing file
    /// does), a refused login 77, anything else (no server, no route) 74.
    static func connectionFailure(_ error: PostgresError) -> RapportError {
        switch error.sqlState {
        case "3D000": return .noInput(error.message)
        case "28000", "42501": return .noPermission(error.message)
        default: return .io(error.message)
        }
    }

    // MARK: schema

    /// The number of migrations applied; nil when the database has no Rapport schema.
    func schemaVersion() throws -> Int? {
        guard try connection.scalarText("SELECT to_regclass('rapport_schema')::text") != nil else { return nil }
        return try connection.scalarInt("SELECT COALESCE(MAX(version), 0) FROM rapport_schema") ?? 0
    }

    /// Applies the pending migrations, each in its own transaction, under an advisory lock
    /// so two `init`s at once apply each migration once.
    func migrate() throws {
        let schema = try connection.scalarText("SELECT quote_ident(current_schema())") ?? "public"
        try connection.transaction {
            try connection.execute("SELECT pg_advisory_xact_lock(\(Self.migrationLock))")
            try connection.execute(
                "CREATE TABLE IF NOT EXISTS rapport_schema (version integer PRIMARY KEY, name text NOT NULL, applied_on timestamptz NOT NULL DEFAULT now())")
        }
        for (index, migration) in PostgresSchema.migrations.enumerated() {
            try connection.transaction {
                try connection.execute("SELECT pg_advisory_xact_lock(\(Self.migrationLock))")
                let applied = try connection.scalarInt("SELECT COALESCE(MAX(version), 0) FROM rapport_schema") ?? 0
                guard applied == index else { return }
                guard try isOwner() else {
                    throw RapportError.noPermission(
                        "the database schema is at version \(applied) of \(PostgresSchema.migrations.count); "
                            + "the owner of its tables brings it up to date with `rapport init`")
                }
                try connection.execute(migration.sql.replacingAll("@schema@", with: schema))
                try connection.execute("INSERT INTO rapport_schema (version, name) VALUES ($1, $2)", [index + 1, migration.name])
            }
        }
    }

    /// Serialises migrations (and team changes) across connections.
    static let migrationLock = 0x5241_5050  // "RAPP"
    /// Serialises imports: a keyed upsert and a key check of another import do not interleave.
    static let importLock = 0x5241_5049  // "RAPI"

    /// Whether the session's role owns the tables (or is a superuser): the only one that
    /// migrates, imports and manages the team.
    func isOwner() throws -> Bool {
        try connection.scalarText("""
            SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
                OR COALESCE(pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = to_regclass('rapport_schema')), 'MEMBER'), true)
            """) == "t"
    }

    /// Whom the role acts as: the owner, a rep or manager (`rep_role`), or nobody.
    func readAccess() throws -> TeamAccess {
        if try isOwner() { return .owner }
        let role = try connection.currentRole()
        var access = TeamAccess.none(role: role)
        do {
            try connection.forEachRow(
                "SELECT r.handle, rr.manager FROM rep_role rr JOIN rep r ON r.id = rr.rep_id WHERE rr.role = current_user"
            ) { row in
                access = row.bool(1) ? .manager(handle: row.string(0), role: role) : .rep(handle: row.string(0), role: role)
            }
        } catch let error as PostgresError where error.isPermissionDenied {
            // No grant at all: a role that is on no team.
        }
        return access
    }

    // MARK: errors

    /// Runs `body`, turning the server's errors into what the user is told: a refusal of
    /// the role's privileges exits 77 and says who may do it; anything else is an I/O error
    /// naming the server (never its password).
    func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgresError where error.isPermissionDenied {
            throw RapportError.noPermission(permissionMessage(error))
        } catch let error as PostgresError {
            throw RapportError.io("database error on \(location): \(error.message)")
        }
    }

    private func permissionMessage(_ error: PostgresError) -> String {
        switch access {
        case .owner:
            return "permission denied: \(error.message)"
        case .rep(let handle, let role):
            return "role \(role) acts as rep \(handle): it reads and writes only \(handle)'s accounts, and logs touches only as \(handle) (\(error.message))"
        case .manager(let handle, let role):
            return "role \(role) is a manager (\(handle)): it reads everything and writes only its own touches (\(error.message))"
        case .none(let role):
            return "role \(role) is not on the team of this database; its owner grants access with `rapport team grant HANDLE --role \(role)` (\(error.message))"
        }
    }
}

extension PostgresDatabase {
    /// `rapport init` on a server: creates the schema in the (existing) database, or
    /// migrates it; returns the version before (nil: none) and after.
    public static func initialize(url: String) throws -> (before: Int?, after: Int) {
        let db = try connect(url: url)
        return try db.mapErrors {
            let before = try db.schemaVersion()
            try db.migrate()
            return (before, try db.schemaVersion() ?? 0)
        }
    }
}

extension PostgresDatabase {
    /// The Rapport objects, for `replaceDemo` (tables first: dropping them drops their
    /// triggers and policies).
    static let demoTables = ["rapport_demo", "snooze", "promise", "payment", "invoice", "touch", "event", "contact", "rep_role", "account", "rep", "rapport_schema"]
    static let demoFunctions = [
        "rapport_rep_id", "rapport_is_manager", "rapport_account_exists", "rapport_refresh_paid", "rapport_payment_added",
        "rapport_payment_removed", "rapport_payment_changed", "rapport_refresh_last_touch", "rapport_touch_added",
        "rapport_touch_removed", "rapport_touch_changed", "rapport_refresh_reach", "rapport_contact_added",
        "rapport_contact_removed", "rapport_contact_changed",
    ]

    /// `rapport demo --db postgres://…`: an empty Rapport schema marked as the demo's, in
    /// place of the previous demo. A database with a Rapport schema that holds data and
    /// was not made by the demo is never touched.
    public static func replaceDemo(url: String) throws -> PostgresDatabase {
        let db = try connect(url: url)
        try db.mapErrors {
            if try db.schemaVersion() != nil {
                let isDemo = try db.connection.scalarText("SELECT to_regclass('rapport_demo')::text") != nil
                let hasData = try db.connection.scalarText("SELECT EXISTS (SELECT 1 FROM rep)") == "t"
                guard isDemo || !hasData else {
                    throw RapportError.usage("\(db.location) holds a Rapport database that is not the demo's; choose another --db")
                }
                try db.connection.transaction {
                    try db.connection.execute("DROP TABLE IF EXISTS \(demoTables.joined(separator: ", ")) CASCADE")
                    try db.connection.execute("DROP FUNCTION IF EXISTS \(demoFunctions.joined(separator: ", "))")
                }
            }
            try db.migrate()
            try db.connection.execute("CREATE TABLE rapport_demo (made_on timestamptz NOT NULL DEFAULT now())")
            try db.connection.execute("INSERT INTO rapport_demo DEFAULT VALUES")
        }
        return db
    }
}
