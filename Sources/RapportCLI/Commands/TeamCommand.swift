import ArgumentParser
import RapportCore

/// `rapport team …`: which database role acts as which rep, on a shared PostgreSQL
/// database (docs/team.md). The database enforces it; these commands only change it.
struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "Give reps' database roles access to their accounts on a shared PostgreSQL database.",
        subcommands: [TeamGrantCommand.self, TeamRevokeCommand.self, TeamListCommand.self])
}

/// The team side of the store, or a clear error for a SQLite file.
private func teamStore(_ global: GlobalOptions) throws -> any TeamStore {
    guard PostgresURL.isPostgres(global.databasePath) else {
        throw RapportError.usage("`rapport team` is for a shared PostgreSQL database (--db postgres://…); a SQLite file has one user")
    }
    guard let store = try global.openDatabase() as? any TeamStore else {
        throw RapportError.usage("this database has no team access")
    }
    return store
}

struct TeamGrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Let an existing PostgreSQL role act as rep HANDLE (or as a manager).",
        discussion: """
            The role must exist (CREATE ROLE name LOGIN PASSWORD '…'); by default it is named as \
            the handle. A rep's role reads only the accounts the rep owns and what hangs off \
            them, and writes touches, snoozes and promises only on those, as that rep. A \
            --manager role reads everything and writes only its own touches. Run by the owner \
            of the database's tables; takes effect on the role's next statement.
            """)

    @Argument(help: ArgumentHelp("The rep's handle.", valueName: "handle"), completion: Completion.repHandle)
    var handle: String

    @Option(help: ArgumentHelp("The PostgreSQL role (default: the handle).", valueName: "name"))
    var role: String?

    @Flag(help: "The role reads every account (a manager), and writes only its own touches.")
    var manager = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try guarded {
            let member = try teamStore(global).teamGrant(handle: handle, role: role, manager: manager)
            print("role \(member.role ?? handle) now acts as \(member.manager ? "manager" : "rep") \(member.handle) (\(member.name))")
        }
    }
}

struct TeamRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "End every role's access as rep HANDLE (at once).")

    @Argument(help: ArgumentHelp("The rep's handle.", valueName: "handle"), completion: Completion.repHandle)
    var handle: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try guarded {
            let roles = try teamStore(global).teamRevoke(handle: handle)
            if roles.isEmpty {
                print("no role acted as \(handle); nothing to revoke")
            } else {
                print("revoked: \(roles.joined(separator: ", ")) no longer act\(roles.count == 1 ? "s" : "") as \(handle)")
            }
        }
    }
}

struct TeamListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Every rep and the roles that act as it.")

    @Option(help: "Output format: table, json or csv (default: table on a terminal, json otherwise).")
    var format: OutputFormat?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try guarded {
            let members = try teamStore(global).teamList()
            switch format ?? Terminal.defaultFormat(table: .table, json: .json) {
            case .json: try Emit.json(members)
            case .csv:
                try Emit.csv(header: ["handle", "name", "role", "manager"],
                         rows: members.map { [$0.handle, $0.name, $0.role ?? "", $0.manager ? "yes" : "no"] })
            case .table:
                var table = TextTable(["rep", "name", "role", "access"])
                for member in members {
                    table.append([member.handle, member.name, member.role ?? "—",
                                  member.role == nil ? "none" : member.manager ? "manager: reads all" : "rep: own accounts"])
                }
                Emit.text(table.render())
            }
        }
    }
}
