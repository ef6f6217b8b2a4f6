/// What the commands ask of a Rapport database, whichever holds it: a SQLite file
/// (`Database`, Storage/SQLite/) or a shared PostgreSQL server (`PostgresDatabase`,
/// Storage/Postgres/). Each backend keeps its SQL to itself and hands the rules plain
/// values (`AgendaHistory`, `AuditInput`, `DraftData`), so the agenda, audit and drafts
/// never learn which database they run on; a third backend is one more folder that
/// conforms to this protocol.
public protocol RapportStore: AnyObject {
    /// The file path, or the server URL without its password: what messages may show.
    var location: String { get }
    /// Who the connection acts as (team mode); `.owner` for a SQLite file.
    var access: TeamAccess { get }

    // MARK: reading

    /// The ranked, uncut agenda of each day of [from, through], for every account the
    /// connection may read or for the accounts `rep` owns, handed to `body` in date order
    /// as soon as each day is computed: the data is loaded once for the range, each day's
    /// items made, handed over and dropped, so a week never holds seven days of items.
    func forEachAgendaDay(
        config: RapportConfig, occasions: any OccasionSource, from: CivilDate, through: CivilDate, rep: String?,
        _ body: (AgendaDay) throws -> Void
    ) throws

    /// What an audit of `period` reads (see `AuditInput`), for every rep or one.
    func auditInput(period: AuditPeriod, rep: String?) throws -> AuditInput

    /// Every invoice `PayerFigures.compute` needs on `date` (docs/payers.md, "Storage"), for
    /// all reps or one, and each listed account's owner handle by account key.
    func payerInvoices(asOf date: CivilDate, rep: String?) throws -> (invoices: [PayerInvoice], owners: [String: String])

    /// Accounts, contacts, owner reps and events of `accounts`, plus the reps `reps`.
    func draftData(accounts: [String], reps: [String]) throws -> DraftData

    /// The account of `key` with its owner's handle; nil when there is none (or the
    /// connection may not read it).
    func account(key: String) throws -> Account?

    /// The account keys and rep handles of the lists that are not in the database.
    func missingKeys(accounts: [String], reps: [String]) throws -> (accounts: [String], reps: [String])

    /// The account keys that start with `prefix` (byte for byte), in key order, at most
    /// `limit` of them: what shell completion offers (a range read on the key's index).
    func accountKeys(prefix: String, limit: Int) throws -> [String]
    /// The rep handles that start with `prefix`, in order, at most `limit` of them.
    func repHandles(prefix: String, limit: Int) throws -> [String]

    /// "unknown account 'X' (did you mean Y?)", worded as the import words it.
    func unknownAccount(_ key: String) throws -> RapportError
    /// "unknown rep 'x' (did you mean y?)".
    func unknownRep(_ handle: String) throws -> RapportError

    /// Every stored row of `kind` the connection may read, as the cells of the kind's CSV
    /// columns in the order the rows were added (`ExportSQL`), each handed to `body` as it
    /// is read: a table of millions of rows is never held. Returns the number of rows.
    func exportRows(_ kind: ImportKind, _ body: (ExportRecord) throws -> Void) throws -> Int

    // MARK: writing

    /// Hides the account's reasons of `kind` through `until` (a new snooze replaces the old).
    func snooze(account key: String, kind: ReasonKind, until: CivilDate) throws

    /// Records one touch (`rapport touch log`); an identical one already there is not
    /// recorded twice.
    func recordTouch(_ entry: TouchLog.Entry) throws -> TouchLog.Result

    /// Logs a touch for each sent draft; returns the number added (identical ones skipped).
    func logTouches(for drafts: [Draft]) throws -> Int

    /// Imports one CSV file, or one sheet of an .xlsx workbook (`sheet` nil: the first),
    /// by every rule of docs/import.md; atomic.
    func importFile(
        kind: ImportKind, path: String, encoding: ImportEncoding?, sheet: String?, config: RapportConfig,
        progress: ((ImportProgress) -> Void)?
    ) throws -> ImportSummary

    /// Imports the cards of a vCard file as contacts of `account` (docs/import.md, "vCard
    /// files"; atomic, like a CSV file).
    func importVCard(
        path: String, account: String, encoding: ImportEncoding?, config: RapportConfig,
        progress: ((ImportProgress) -> Void)?
    ) throws -> VCardImportSummary
}

extension RapportStore {
    /// Every day of `forEachAgendaDay` at once (tests, benchmarks: a long range is held whole).
    public func agendaDays(
        config: RapportConfig, occasions: any OccasionSource, from: CivilDate, through: CivilDate, rep: String?
    ) throws -> [AgendaDay] {
        var days: [AgendaDay] = []
        try forEachAgendaDay(config: config, occasions: occasions, from: from, through: through, rep: rep) { days.append($0) }
        return days
    }
}

extension RapportStore {
    /// A CSV file, or the first sheet of a workbook.
    public func importFile(
        kind: ImportKind, path: String, encoding: ImportEncoding?, config: RapportConfig,
        progress: ((ImportProgress) -> Void)?
    ) throws -> ImportSummary {
        try importFile(kind: kind, path: path, encoding: encoding, sheet: nil, config: config, progress: progress)
    }
}

/// Who a connection acts as. On PostgreSQL this is the database's own answer (the role's
/// row in `rep_role`), and the database enforces it; Rapport uses it for defaults and for
/// clear messages.
public enum TeamAccess: Equatable, Sendable {
    /// The owner of the tables (or a SQLite file): reads and writes everything.
    case owner
    /// A rep's role: its own accounts, and touches, snoozes and promises on them.
    case rep(handle: String, role: String)
    /// A manager's role: reads everything, logs its own touches.
    case manager(handle: String, role: String)
    /// A role that is on no team: it may read nothing.
    case none(role: String)

    /// The rep the connection acts as, if any.
    public var handle: String? {
        switch self {
        case .rep(let handle, _), .manager(let handle, _): return handle
        case .owner, .none: return nil
        }
    }
}

/// Opens the database at `location` only to read it, as it is: no file is created, no
/// schema migrated, and a SQLite writer's lock is waited for only briefly. For shell
/// completion, which runs at every TAB and must change nothing.
public func openRapportStoreForReading(location: String) throws -> any RapportStore {
    if PostgresURL.isPostgres(location) { return try PostgresDatabase.connect(url: location) }
    return try Database.reading(path: location)
}

/// The keys of a sorted read that starts at `prefix` which do start with it (byte for
/// byte, as both databases compare keys): the leading run of them.
func leadingKeys(_ sorted: [String], startingWith prefix: String) -> [String] {
    Array(sorted.prefix { $0.utf8.starts(with: prefix.utf8) })
}

/// Opens the database at `location`: a `postgres://` or `postgresql://` URL is a
/// PostgreSQL server, anything else a SQLite file. The schema is brought up to date
/// (`create`: a missing SQLite file is created; a PostgreSQL database must exist).
public func openRapportStore(location: String, create: Bool = false) throws -> any RapportStore {
    if PostgresURL.isPostgres(location) {
        return try PostgresDatabase.openRapport(url: location, create: create)
    }
    return try Database.openRapport(path: location, mode: create ? .create : .existing)
}
