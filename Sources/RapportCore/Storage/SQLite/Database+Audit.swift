import CSQLite

/// Loading what an audit of a period reads (see `AuditInput` for the contract), and no
/// more: touches before the period are reduced to each account's latest one, invoices
/// issued and payments made after the period stay in the database.
///
/// Sized for 100 000 accounts and millions of touches: whole-period reads are table scans
/// (a date range covering half the history is cheaper to scan than to seek row by row),
/// rows are decoded from their bytes without intermediate strings, and row ids are mapped
/// to keys in memory rather than by joins.
extension Database {
    /// The audit input for `period`, for every rep or for the one named by `rep`.
    /// Throws `RapportError.data` for an unknown rep or a malformed stored date.
    public func auditInput(period: AuditPeriod, rep: String? = nil) throws -> AuditInput {
        var input = AuditInput()
        let repHandles = try loadAuditReps(only: rep, into: &input)
        let ownerID: Int64?
        if let rep {
            guard let id = try scalarInt("SELECT id FROM rep WHERE handle = ?1", [rep]) else {
                throw try unknownRep(rep)
            }
            ownerID = Int64(id)
        } else {
            ownerID = nil
        }
        let accounts = try loadAuditAccounts(period: period, ownerID: ownerID, repHandles: repHandles, into: &input)
        // Invoices, payments and promises load on a second read-only connection while this
        // one scans the touches. (Each statement reads its own snapshot either way; two
        // connections add no inconsistency a sequential load would not have.) An in-memory
        // or URI database has no second connection: it loads in turn.
        var money: BackgroundWork<AuditMoneyRows?>?
        let path = self.path
        if !path.isEmpty, path != ":memory:", !path.hasPrefix("file:") {
            money = BackgroundWork {
                guard let second = try? Database(path: path, mode: .readOnly) else { return nil }
                return try second.loadAuditMoney(period: period, ownerID: ownerID, accounts: accounts)
            }
        }
        try loadAuditTouches(period: period, ownerID: ownerID, accounts: accounts, repHandles: repHandles, into: &input)
        let rows = try money?.wait() ?? loadAuditMoney(period: period, ownerID: ownerID, accounts: accounts)
        input.invoices = rows.invoices
        input.payments = rows.payments
        input.promises = rows.promises
        return input
    }

    /// All reps' handles by row id (touches name reps by id); the listed reps into `input`.
    private func loadAuditReps(only handle: String?, into input: inout AuditInput) throws -> IDMap<String> {
        var handles: [(Int64, String)] = []
        try forEachRow("SELECT id, handle, name, email, phone, manager FROM rep") { row in
            let rep = Rep(
                handle: row.string(1), name: row.string(2), email: row.optionalString(3),
                phone: row.optionalString(4), manager: row.optionalString(5))
            handles.append((row.int64(0), rep.handle))
            if handle == nil || handle == rep.handle { input.reps.append(rep) }
        }
        return IDMap(handles)
    }

    /// Every account's key by row id (a rep's touches may be on accounts they do not own),
    /// marking the audited ones — created by `to`, owned by the rep if one is named —
    /// which go into `input`.
    private func loadAuditAccounts(
        period: AuditPeriod, ownerID: Int64?, repHandles: IDMap<String>, into input: inout AuditInput
    ) throws -> AccountIDs {
        var ids: [(id: Int64, key: String, slot: Int)] = []
        try forEachRow("""
            SELECT id, key, name, tier, owner_id, country, region, locale, created_on, status, cadence_days
            FROM account
            """) { row in
            let key = row.string(1)
            let owner = row.int64(4)
            let createdOn = try row.storedDate(8, "account \(key) created_on")
            let audited = (ownerID == nil || ownerID == owner) && createdOn <= period.to
            ids.append((row.int64(0), key, audited ? input.accounts.count : -1))
            guard audited else { return }
            input.accounts.append(Account(
                key: key, name: row.string(2), tier: row.string(3), owner: repHandles[owner] ?? "",
                country: row.string(5), region: row.optionalString(6), locale: row.optionalString(7),
                createdOn: createdOn, status: AccountStatus(rawValue: row.string(9)) ?? .active,
                cadenceDays: row.optionalInt(10)))
        }
        return AccountIDs(ids)
    }

    /// Touches dated in the period (on the audited accounts, or logged by the named rep),
    /// plus each audited account's latest touch before the period.
    private func loadAuditTouches(
        period: AuditPeriod, ownerID: Int64?, accounts: AccountIDs, repHandles: IDMap<String>,
        into input: inout AuditInput
    ) throws {
        let columns = "t.account_id, t.rep_id, t.date, t.channel, t.kind"
        func touch(_ row: Row, account: String) throws -> Touch {
            Touch(
                account: account, rep: repHandles[row.int64(1)] ?? "",
                date: try row.storedDate(2, "touch on \(account) date"),
                channel: row.storedEnum(3) ?? .other, kind: row.storedEnum(4) ?? .other)
        }
        guard let ownerID else {
            try loadAllTouches(period: period, accounts: accounts, repHandles: repHandles, into: &input)
            return
        }
        let inPeriod = """
            SELECT \(columns) FROM touch t WHERE t.date BETWEEN ?1 AND ?2
            AND (t.rep_id = ?3 OR t.account_id IN (SELECT id FROM account WHERE owner_id = ?3))
            """
        // The latest touch before `from` of each of the rep's accounts, through touch(account_id, date).
        let before = """
            SELECT \(columns) FROM account a JOIN touch t ON t.id = (
                SELECT id FROM touch WHERE account_id = a.id AND date < ?1 ORDER BY date DESC LIMIT 1)
            WHERE a.created_on <= ?2 AND a.owner_id = ?3
            """
        for sql in [inPeriod, before] {
            try forEachRow(sql, [period.from, period.to, ownerID]) { row in
                guard let account = accounts[row.int64(0)] else { return }
                input.touches.append(try touch(row, account: account.key))
            }
        }
    }

    /// Every account's touches in one scan of the table — cheaper than seeking each
    /// account's latest earlier touch when the period is a large part of the history.
    /// Rows are first kept compact, then emitted grouped by account (its latest touch
    /// before the period, then its touches in the period), so the metrics meet each
    /// account's touches together instead of scattered across a million rows.
    private func loadAllTouches(
        period: AuditPeriod, accounts: AccountIDs, repHandles: IDMap<String>, into input: inout AuditInput
    ) throws {
        struct Compact {
            var rep: Int64
            var account: Int32
            var day: Int32
            var channel: Channel
            var kind: TouchKind
        }
        let from = period.from.dayNumber
        var rows: [Compact] = []
        rows.reserveCapacity(try reservation("touch"))
        var perAccount = [Int](repeating: 0, count: accounts.count + 1)
        // Per audited account, its latest touch before `from` so far; the day alone is
        // compared for every row (a small array stays in cache), the row kept on a change.
        var latestDay = [Int32](repeating: .min, count: input.accounts.count)
        var latest = [Compact?](repeating: nil, count: input.accounts.count)
        try forEachRow("SELECT account_id, rep_id, date, channel, kind FROM touch WHERE +date <= ?1", [period.to]) { row in
            guard let (number, slot) = accounts.numberAndSlot(row.int64(0)) else { return }
            let day = try row.storedDate(2, "touch on \(accounts.keys[number]) date").dayNumber
            guard day >= from || (slot >= 0 && day > latestDay[slot]) else { return }
            let compact = Compact(
                rep: row.int64(1), account: Int32(number), day: Int32(clamping: day),
                channel: row.storedEnum(3) ?? .other, kind: row.storedEnum(4) ?? .other)
            if day >= from {
                rows.append(compact)
                perAccount[number + 1] += 1
            } else {
                latestDay[slot] = compact.day
                latest[slot] = compact
            }
        }
        // Counting sort by account: scatter the compact rows into their account's range
        // (stores need not wait on a cache miss, loads would), then read them in order.
        for index in perAccount.indices.dropFirst() { perAccount[index] += perAccount[index - 1] }
        var cursor = perAccount
        let grouped = [Compact](unsafeUninitializedCapacity: rows.count) { buffer, initialized in
            for row in rows {
                buffer.initializeElement(at: cursor[Int(row.account)], to: row)
                cursor[Int(row.account)] += 1
            }
            initialized = rows.count
        }
        rows = []
        func touch(_ row: Compact) -> Touch {
            Touch(
                account: accounts.keys[Int(row.account)], rep: repHandles[row.rep] ?? "",
                date: CivilDate(dayNumber: Int(row.day)), channel: row.channel, kind: row.kind)
        }
        input.touches.reserveCapacity(grouped.count + input.accounts.count)
        for number in 0..<accounts.count {
            let slot = accounts.slots[number]
            if slot >= 0, let before = latest[slot] { input.touches.append(touch(before)) }
            for position in perAccount[number]..<perAccount[number + 1] {
                input.touches.append(touch(grouped[position]))
            }
        }
    }

    /// The audited accounts' invoices issued by `to`, their payments made by `to`, and
    /// their promises falling due in the period.
    fileprivate func loadAuditMoney(period: AuditPeriod, ownerID: Int64?, accounts: AccountIDs) throws -> AuditMoneyRows {
        var input = AuditMoneyRows()
        var arguments: [any SQLBindable] = [period.to]
        var invoiceSQL = "SELECT id, number, account_id, issued_on, due_on, amount, currency FROM invoice WHERE issued_on <= ?1"
        if let ownerID {
            invoiceSQL += " AND account_id IN (SELECT id FROM account WHERE owner_id = ?2)"
            arguments.append(ownerID)
        }
        var numbers: [Int64: String] = [:]
        if ownerID == nil {
            input.invoices.reserveCapacity(try reservation("invoice"))
            input.payments.reserveCapacity(try reservation("payment"))
        }
        try forEachRow(invoiceSQL, arguments) { row in
            guard let account = accounts.auditedKey(row.int64(2)) else { return }
            let number = row.string(1)
            numbers[row.int64(0)] = number
            input.invoices.append(Invoice(
                number: number, account: account,
                issuedOn: try row.storedDate(3, "invoice \(number) issued_on"),
                dueOn: try row.storedDate(4, "invoice \(number) due_on"),
                amount: Money(minor: row.int64(5), currency: row.string(6))))
        }
        try forEachRow("SELECT invoice_id, paid_on, amount FROM payment WHERE paid_on <= ?1", [period.to]) { row in
            guard let number = numbers[row.int64(0)] else { return }
            input.payments.append(Payment(
                invoice: number, paidOn: try row.storedDate(1, "payment on \(number) paid_on"), amount: row.int64(2)))
        }
        try forEachRow("""
            SELECT p.account_id, i.number, p.promised_on, p.amount, p.currency
            FROM promise p LEFT JOIN invoice i ON i.id = p.invoice_id
            WHERE p.promised_on BETWEEN ?1 AND ?2
            """, [period.from, period.to]) { row in
            guard let account = accounts.auditedKey(row.int64(0)) else { return }
            input.promises.append(Promise(
                account: account, invoice: row.optionalString(1),
                promisedOn: try row.storedDate(2, "promise of \(account) promised_on"),
                amount: Money(minor: row.int64(3), currency: row.string(4))))
        }
        return input
    }
}

/// The money half of an audit's input, loaded apart from the touches.
struct AuditMoneyRows: Sendable {
    var invoices: [Invoice] = []
    var payments: [Payment] = []
    var promises: [Promise] = []
}

extension Database {
    /// Room for every row of `table` (its largest rowid bounds the row count and costs one
    /// b-tree descent), so a big load fills one buffer instead of growing through copies.
    /// Capacity is virtual until used; past 16 million rows the array grows as usual.
    fileprivate func reservation(_ table: String) throws -> Int {
        let bound = try scalarInt("SELECT max(rowid) FROM \(table)") ?? 0
        return bound <= 16_000_000 ? max(0, bound) : 0
    }
}

/// Values by SQLite row id: a plain array when the ids are dense (the usual 1…n), so the
/// million lookups of a large audit cost an index each rather than a hash.
struct IDMap<Value> {
    private var dense: [Value?] = []
    private var sparse: [Int64: Value] = [:]

    init(_ pairs: [(Int64, Value)]) {
        let maxID = pairs.map(\.0).max() ?? 0
        if maxID >= 0, maxID <= Int64(pairs.count) * 4 + 1024 {
            dense = [Value?](repeating: nil, count: Int(maxID) + 1)
            for (id, value) in pairs { dense[Int(id)] = value }
        } else {
            sparse = Dictionary(pairs, uniquingKeysWith: { _, last in last })
        }
    }

    subscript(id: Int64) -> Value? {
        if !dense.isEmpty { return id >= 0 && id < dense.count ? dense[Int(id)] : nil }
        return sparse[id]
    }
}

/// Every account by row id (a rep's touches may be on accounts the audit does not cover):
/// its key, a dense number (load order), and its slot in `AuditInput.accounts` when audited.
struct AccountIDs {
    private(set) var keys: [String] = []
    /// -1 when the account is not audited (created after `to`, or another rep's).
    private(set) var slots: [Int] = []
    /// Number + 1 and slot + 1 packed in one word per row id (0: no such account), so the
    /// scan of a million touches makes one lookup in a small array (8 bytes an id) per row.
    private var dense: [Int64] = []
    private var sparse: [Int64: Int64] = [:]

    struct Entry {
        var key: String
        var number: Int
        var slot: Int
    }

    init(_ entries: [(id: Int64, key: String, slot: Int)]) {
        keys = entries.map(\.key)
        slots = entries.map(\.slot)
        let maxID = entries.map(\.id).max() ?? 0
        let useDense = maxID >= 0 && maxID <= Int64(entries.count) * 4 + 1024
        if useDense { dense = [Int64](repeating: 0, count: Int(maxID) + 1) }
        for (number, entry) in entries.enumerated() {
            let word = Int64(number + 1) << 32 | Int64(entry.slot + 1)
            if useDense { dense[Int(entry.id)] = word } else { sparse[entry.id] = word }
        }
    }

    var count: Int { keys.count }

    func numberAndSlot(_ id: Int64) -> (number: Int, slot: Int)? {
        let word: Int64
        if !dense.isEmpty {
            guard id >= 0, id < dense.count else { return nil }
            word = dense[Int(id)]
        } else {
            word = sparse[id] ?? 0
        }
        guard word != 0 else { return nil }
        return (Int(word >> 32) - 1, Int(word & 0xFFFF_FFFF) - 1)
    }

    subscript(id: Int64) -> Entry? {
        guard let (number, slot) = numberAndSlot(id) else { return nil }
        return Entry(key: keys[number], number: number, slot: slot)
    }

    func auditedKey(_ id: Int64) -> String? {
        guard let account = self[id], account.slot >= 0 else { return nil }
        return account.key
    }
}

extension Row {
    /// A stored `YYYY-MM-DD` (read in place: the audit reads a million of them); a
    /// malformed one is bad data, reported with where it is.
    fileprivate func storedDate(_ column: Int, _ what: @autoclosure () -> String) throws -> CivilDate {
        if let date = date(column) { return date }
        throw RapportError.data("\(what()) is not a YYYY-MM-DD date: '\(string(column))'")
    }

    /// A closed-vocabulary column (channel, kind) matched on its bytes; nil when unknown.
    fileprivate func storedEnum<E: RawRepresentable & CaseIterable>(_ column: Int) -> E? where E.RawValue == String {
        guard let text = sqlite3_column_text(handle, Int32(column)) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, Int32(column)))
        let bytes = UnsafeBufferPointer(start: text, count: count)
        for candidate in E.allCases {
            var raw = candidate.rawValue
            let matches = raw.withUTF8 { $0.count == count && $0.elementsEqual(bytes) }
            if matches { return candidate }
        }
        return nil
    }
}
