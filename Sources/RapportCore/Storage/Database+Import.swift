/// The SQL of `rapport import`: the key → id maps it loads once, and the statements that
/// write each kind of row, prepared once and reused for every row. Values are only ever
/// bound as parameters; the only names spliced into SQL are the fixed column names below.
extension Database {
    func importRepIDs() throws -> [String: Int64] {
        var map: [String: Int64] = [:]
        try forEachRow("SELECT handle, id FROM rep") { map[$0.string(0)] = $0.int64(1) }
        return map
    }

    func importAccountIDs() throws -> [String: Int64] {
        var map: [String: Int64] = [:]
        try forEachRow("SELECT key, id FROM account") { map[$0.string(0)] = $0.int64(1) }
        return map
    }

    func importContactRefs() throws -> [String: ContactRef] {
        var map: [String: ContactRef] = [:]
        try forEachRow("SELECT key, id, account_id FROM contact") {
            map[$0.string(0)] = ContactRef(id: $0.int64(1), accountID: $0.int64(2))
        }
        return map
    }

    func importInvoiceRefs() throws -> [String: InvoiceRef] {
        var map: [String: InvoiceRef] = [:]
        try forEachRow("SELECT number, id, account_id, currency FROM invoice") {
            map[$0.string(0)] = InvoiceRef(id: $0.int64(1), accountID: $0.int64(2), currency: $0.string(3))
        }
        return map
    }

    func importSnoozeKeys() throws -> Set<SnoozeKey> {
        var keys: Set<SnoozeKey> = []
        try forEachRow("SELECT account_id, kind FROM snooze") { keys.insert(SnoozeKey(accountID: $0.int64(0), kind: $0.string(1))) }
        return keys
    }

    /// Invoices whose amounts other rows are written in: their currency must not change.
    func importInvoicesWithPaymentsOrPromises() throws -> Set<Int64> {
        var ids: Set<Int64> = []
        try forEachRow("SELECT invoice_id FROM payment UNION SELECT invoice_id FROM promise WHERE invoice_id IS NOT NULL") {
            ids.insert($0.int64(0))
        }
        return ids
    }

    /// Runs a bulk write with a page cache big enough to keep the touched indexes in memory,
    /// then restores the connection's own setting.
    func withBulkWriteSettings<T>(_ body: () throws -> T) throws -> T {
        let previous = try scalarInt("PRAGMA cache_size") ?? -2000
        try execute("PRAGMA cache_size = -\(ImportWriter.cacheKiB)")
        defer { try? execute("PRAGMA cache_size = \(previous)") }
        return try body()
    }
}

/// Writes the rows of one import. Keyed kinds are upserted and count as updated only when
/// a value really changed; the other kinds are inserted unless an identical row (NULL-aware)
/// is already there — which includes the rows written earlier from the same file.
final class ImportWriter {
    enum Outcome { case inserted, updated, unchanged }

    /// Page cache for the write pass: the indexes of a two-million-touch import fit.
    static let cacheKiB = 96 * 1024

    private let statement: Statement

    /// `presentColumns`: the CSV columns the header names. A keyed row that exists keeps
    /// its stored value for every optional column the file leaves out.
    init(database: Database, kind: ImportKind, presentColumns: Set<String>) throws {
        statement = try database.statement(Self.sql(kind: kind, presentColumns: presentColumns))
    }

    // MARK: SQL

    /// A CSV column and the table column it fills.
    private struct Mapping {
        let csv: String
        let column: String
        init(_ csv: String, _ column: String? = nil) {
            self.csv = csv
            self.column = column ?? csv
        }
    }

    static func sql(kind: ImportKind, presentColumns: Set<String>) -> String {
        switch kind {
        case .reps:
            return upsert("rep", conflict: ["handle"],
                          [Mapping("handle"), Mapping("name"), Mapping("email"), Mapping("phone"), Mapping("manager")],
                          present: presentColumns)
        case .accounts:
            return upsert("account", conflict: ["key"],
                          [Mapping("key"), Mapping("name"), Mapping("tier"), Mapping("owner", "owner_id"), Mapping("country"),
                           Mapping("region"), Mapping("locale"), Mapping("created_on"), Mapping("status")],
                          present: presentColumns)
        case .contacts:
            // The calendar says how to read the birthday: a new birthday brings its calendar.
            var present = presentColumns
            if present.contains("birthday") { present.insert("birthday_calendar") }
            return upsert("contact", conflict: ["key"],
                          [Mapping("key"), Mapping("account", "account_id"), Mapping("name"), Mapping("salutation"),
                           Mapping("title"), Mapping("role"), Mapping("status"), Mapping("phone"), Mapping("email"),
                           Mapping("chat"), Mapping("channel"), Mapping("locale"), Mapping("birthday"),
                           Mapping("birthday_calendar")],
                          present: present)
        case .invoices:
            return upsert("invoice", conflict: ["number"],
                          [Mapping("number"), Mapping("account", "account_id"), Mapping("issued_on"), Mapping("due_on"),
                           Mapping("amount"), Mapping("currency")],
                          present: presentColumns)
        case .snoozes:
            return upsert("snooze", conflict: ["account_id", "kind"],
                          [Mapping("account", "account_id"), Mapping("kind"), Mapping("until")],
                          present: presentColumns)
        case .events:
            return insertUnlessIdentical("event", ["account_id", "contact_id", "kind", "title", "date", "calendar", "repeat", "sensitive"])
        case .touches:
            return insertUnlessIdentical("touch", ["account_id", "contact_id", "rep_id", "date", "channel", "kind", "note"])
        case .payments:
            return insertUnlessIdentical("payment", ["invoice_id", "paid_on", "amount"])
        case .promises:
            return insertUnlessIdentical("promise", ["account_id", "invoice_id", "promised_on", "amount", "currency"])
        }
    }

    /// `INSERT … ON CONFLICT DO UPDATE` that sets only the columns the file has and only
    /// when one of them differs, so `changes()` tells updated from unchanged.
    private static func upsert(_ table: String, conflict: [String], _ mappings: [Mapping], present: Set<String>) -> String {
        let columns = mappings.map(\.column)
        let placeholders = (1...columns.count).map { "?\($0)" }
        let updated = mappings.filter { present.contains($0.csv) && !conflict.contains($0.column) }.map(\.column)
        var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders.joined(separator: ", ")))"
        sql += " ON CONFLICT (\(conflict.joined(separator: ", "))) DO "
        if updated.isEmpty { return sql + "NOTHING" }
        sql += "UPDATE SET " + updated.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        sql += " WHERE " + updated.map { "\(table).\($0) IS NOT excluded.\($0)" }.joined(separator: " OR ")
        return sql
    }

    /// Inserts the row unless one with the same values (NULL equal to NULL) exists. The
    /// leading columns are NOT NULL and indexed, so they are compared with `=`.
    private static func insertUnlessIdentical(_ table: String, _ columns: [String]) -> String {
        let placeholders = (1...columns.count).map { "?\($0)" }
        let nullable: Set<String> = ["contact_id", "note", "repeat", "invoice_id"]
        let matches = zip(columns, placeholders).map { column, placeholder in
            "\(column) \(nullable.contains(column) ? "IS" : "=") \(placeholder)"
        }
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) SELECT \(placeholders.joined(separator: ", "))"
            + " WHERE NOT EXISTS (SELECT 1 FROM \(table) WHERE \(matches.joined(separator: " AND ")))"
    }

    // MARK: Writing

    private func upserted(exists: Bool) throws -> Outcome {
        let changed = try statement.execute()
        if !exists { return .inserted }
        return changed > 0 ? .updated : .unchanged
    }

    private func insertedUnlessIdentical() throws -> Outcome {
        try statement.execute() > 0 ? .inserted : .unchanged
    }

    func write(_ row: RepRow, exists: Bool) throws -> Outcome {
        statement.rebind()
        try statement.bind(text: row.handle, at: 1)
        try statement.bind(text: row.name, at: 2)
        try statement.bind(text: row.email, at: 3)
        try statement.bind(text: row.phone, at: 4)
        try statement.bind(text: row.manager, at: 5)
        return try upserted(exists: exists)
    }

    func write(_ row: AccountRow, exists: Bool) throws -> Outcome {
        statement.rebind()
        try statement.bind(text: row.key, at: 1)
        try statement.bind(text: row.name, at: 2)
        try statement.bind(text: row.tier, at: 3)
        try statement.bind(integer: row.ownerID, at: 4)
        try statement.bind(text: row.country, at: 5)
        try statement.bind(text: row.region, at: 6)
        try statement.bind(text: row.locale, at: 7)
        try statement.bind(text: row.createdOn, at: 8)
        try statement.bind(text: row.status, at: 9)
        return try upserted(exists: exists)
    }

    func write(_ row: ContactRow, exists: Bool) throws -> Outcome {
        statement.rebind()
        try statement.bind(text: row.key, at: 1)
        try statement.bind(integer: row.accountID, at: 2)
        try statement.bind(text: row.name, at: 3)
        try statement.bind(text: row.salutation, at: 4)
        try statement.bind(text: row.title, at: 5)
        try statement.bind(text: row.role, at: 6)
        try statement.bind(text: row.status, at: 7)
        try statement.bind(text: row.phone, at: 8)
        try statement.bind(text: row.email, at: 9)
        try statement.bind(text: row.chat, at: 10)
        try statement.bind(text: row.channel, at: 11)
        try statement.bind(text: row.locale, at: 12)
        try statement.bind(text: row.birthday, at: 13)
        try statement.bind(text: row.birthdayCalendar, at: 14)
        return try upserted(exists: exists)
    }

    func write(_ row: InvoiceRow, exists: Bool) throws -> Outcome {
        statement.rebind()
        try statement.bind(text: row.number, at: 1)
        try statement.bind(integer: row.accountID, at: 2)
        try statement.bind(text: row.issuedOn, at: 3)
        try statement.bind(text: row.dueOn, at: 4)
        try statement.bind(integer: row.amount, at: 5)
        try statement.bind(text: row.currency, at: 6)
        return try upserted(exists: exists)
    }

    func write(_ row: SnoozeRow, exists: Bool) throws -> Outcome {
        statement.rebind()
        try statement.bind(integer: row.accountID, at: 1)
        try statement.bind(text: row.kind, at: 2)
        try statement.bind(text: row.until, at: 3)
        return try upserted(exists: exists)
    }

    func write(_ row: EventRow) throws -> Outcome {
        statement.rebind()
        try statement.bind(integer: row.accountID, at: 1)
        try statement.bind(integer: row.contactID, at: 2)
        try statement.bind(text: row.kind, at: 3)
        try statement.bind(text: row.title, at: 4)
        try statement.bind(text: row.date, at: 5)
        try statement.bind(text: row.calendar, at: 6)
        try statement.bind(text: row.repeatRule, at: 7)
        try statement.bind(integer: row.sensitive ? 1 : 0, at: 8)
        return try insertedUnlessIdentical()
    }

    func write(_ row: TouchRow) throws -> Outcome {
        statement.rebind()
        try statement.bind(integer: row.accountID, at: 1)
        try statement.bind(integer: row.contactID, at: 2)
        try statement.bind(integer: row.repID, at: 3)
        try statement.bind(text: row.date, at: 4)
        try statement.bind(text: row.channel, at: 5)
        try statement.bind(text: row.kind, at: 6)
        try statement.bind(text: row.note, at: 7)
        return try insertedUnlessIdentical()
    }

    func write(_ row: PaymentRow) throws -> Outcome {
        statement.rebind()
        try statement.bind(integer: row.invoiceID, at: 1)
        try statement.bind(text: row.paidOn, at: 2)
        try statement.bind(integer: row.amount, at: 3)
        return try insertedUnlessIdentical()
    }

    func write(_ row: PromiseRow) throws -> Outcome {
        statement.rebind()
        try statement.bind(integer: row.accountID, at: 1)
        try statement.bind(integer: row.invoiceID, at: 2)
        try statement.bind(text: row.promisedOn, at: 3)
        try statement.bind(integer: row.amount, at: 4)
        try statement.bind(text: row.currency, at: 5)
        return try insertedUnlessIdentical()
    }
}
