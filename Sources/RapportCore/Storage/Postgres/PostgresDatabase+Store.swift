/// The look-ups and small writes of the commands on PostgreSQL: an account by key, the
/// "unknown key" errors, snoozes, `touch log` and the touches `drafts --mark-sent` logs.
/// Every write that can meet another writer runs in a transaction that is retried on a
/// serialization failure or deadlock, and takes a per-account advisory lock where it
/// reads before it writes (two identical touches logged at once are recorded once).
extension PostgresDatabase: RapportStore, TouchLogStore {
    public func account(key: String) throws -> Account? {
        try mapErrors {
            try connection.rows("""
                SELECT \(StoredValues.accountColumns)
                FROM account a JOIN rep r ON r.id = a.owner_id WHERE a.key = $1
                """, [key]
            ) { row in
                guard let createdOn = row.date(7) else {
                    throw RapportError.data("account \(row.string(0)): created_on '\(row.string(7))' is not a YYYY-MM-DD date")
                }
                return StoredValues.account(row, createdOn: createdOn)
            }.first
        }
    }

    public func missingKeys(accounts: [String], reps: [String]) throws -> (accounts: [String], reps: [String]) {
        try mapErrors {
            let accounts = try accounts.filter { try connection.scalarInt("SELECT count(*) FROM account WHERE key = $1", [$0]) == 0 }
            let reps = try reps.filter { try connection.scalarInt("SELECT count(*) FROM rep WHERE handle = $1", [$0]) == 0 }
            return (accounts, reps)
        }
    }

    /// An account the role may not read is not "unknown": it exists (the database says so
    /// through a SECURITY DEFINER function that reveals nothing else), so the answer is
    /// exit 77 and who may touch it.
    public func unknownAccount(_ key: String) throws -> RapportError {
        try mapErrors {
            if access != .owner, try connection.scalarText("SELECT rapport_account_exists($1)", [key]) == "t" {
                return RapportError.noPermission("account \(key) is not one of \(access.handle ?? "this role")'s accounts: \(roleDescription) may not read or write it")
            }
            return RapportError.data("unknown account '\(key)'" + Suggestion.hint(for: key, among: try accountKeys()))
        }
    }

    public func unknownRep(_ handle: String) throws -> RapportError {
        try mapErrors { RapportError.data("unknown rep '\(handle)'" + Suggestion.hint(for: handle, among: try repHandles())) }
    }

    public func snooze(account key: String, kind: ReasonKind, until: CivilDate) throws {
        try mapErrors {
            try connection.retryingTransaction {
                guard let id = try connection.scalarInt("SELECT id FROM account WHERE key = $1", [key]) else {
                    throw try unknownAccount(key)
                }
                try connection.execute("""
                    INSERT INTO snooze (account_id, kind, until) VALUES ($1, $2, $3)
                    ON CONFLICT (account_id, kind) DO UPDATE SET until = excluded.until
                    """, [id, kind.rawValue, until])
            }
        }
    }

    public func recordTouch(_ entry: TouchLog.Entry) throws -> TouchLog.Result {
        var entry = entry
        // A rep or a manager logs as itself (the policy allows nothing else).
        if entry.rep == nil, let handle = access.handle { entry.rep = handle }
        return try mapErrors { try TouchLog(store: self).record(entry) }
    }

    public func logTouches(for drafts: [Draft]) throws -> Int {
        try mapErrors {
            try connection.retryingTransaction {
                try lockAccounts(drafts.map(\.account))
                var added = 0
                for draft in drafts {
                    let note = "draft: " + [draft.reason.rawValue, draft.variant].compactMap { $0 }.joined(separator: " ")
                    added += try connection.execute("""
                        INSERT INTO touch (account_id, contact_id, rep_id, date, channel, kind, note)
                        SELECT a.id, (SELECT id FROM contact WHERE key = $2::text AND account_id = a.id), r.id, $4::text, $5::text, $6::text, $7::text
                        FROM account a, rep r
                        WHERE a.key = $1 AND r.handle = $3
                          AND NOT EXISTS (
                            SELECT 1 FROM touch t
                            WHERE t.account_id = a.id AND t.rep_id = r.id AND t.date = $4 AND t.channel = $5 AND t.kind = $6
                              AND t.contact_id IS NOT DISTINCT FROM (SELECT id FROM contact WHERE key = $2 AND account_id = a.id))
                        """,
                        [draft.account, draft.contact, draft.rep, draft.date, draft.channel.rawValue, draft.touchKind.rawValue, note])
                }
                return added
            }
        }
    }

    public func importFile(
        kind: ImportKind, path: String, encoding: ImportEncoding?, sheet: String?, config: RapportConfig,
        progress: ((ImportProgress) -> Void)?
    ) throws -> ImportSummary {
        try mapErrors {
            try Importer(target: self, config: config).importFile(kind: kind, path: path, encoding: encoding, sheet: sheet, progress: progress)
        }
    }

    // MARK: touch log

    func touchLogAccount(key: String) throws -> TouchLogAccount? {
        try connection.rows(
            "SELECT a.id, a.owner_id, r.handle FROM account a JOIN rep r ON r.id = a.owner_id WHERE a.key = $1", [key]
        ) { TouchLogAccount(id: $0.int64(0), ownerID: $0.int64(1), ownerHandle: $0.string(2)) }.first
    }

    func touchLogContact(key: String) throws -> (id: Int64, accountKey: String)? {
        try connection.rows(
            "SELECT c.id, a.key FROM contact c JOIN account a ON a.id = c.account_id WHERE c.key = $1", [key]
        ) { ($0.int64(0), $0.string(1)) }.first
    }

    func touchLogRepID(handle: String) throws -> Int64? {
        try connection.scalarText("SELECT id FROM rep WHERE handle = $1", [handle]).flatMap { Int64($0) }
    }

    func insertTouchUnlessIdentical(_ row: TouchRow) throws -> Bool {
        var values = ParameterValues()
        try row.emit(to: &values)
        return try connection.retryingTransaction {
            try connection.execute("SELECT pg_advisory_xact_lock(\(Self.touchLock), $1::bigint::integer)", [row.accountID])
            return try connection.execute("""
                INSERT INTO touch (account_id, contact_id, rep_id, date, channel, kind, note)
                SELECT $1::bigint, $2::bigint, $3::bigint, $4::text, $5::text, $6::text, $7::text
                WHERE NOT EXISTS (
                    SELECT 1 FROM touch t WHERE t.account_id = $1 AND t.contact_id IS NOT DISTINCT FROM $2::bigint
                      AND t.rep_id = $3 AND t.date = $4 AND t.channel = $5 AND t.kind = $6 AND t.note IS NOT DISTINCT FROM $7::text)
                """, values.values) == 1
        }
    }

    /// Advisory locks on the accounts of `keys`, taken in key order (so two writers never
    /// wait for each other in a cycle) and held to the end of the transaction.
    private func lockAccounts(_ keys: [String]) throws {
        for key in Set(keys).sorted() {
            try connection.execute(
                "SELECT pg_advisory_xact_lock(\(Self.touchLock), (SELECT id FROM account WHERE key = $1)::integer)", [key])
        }
    }

    /// The advisory lock class of per-account touch writes.
    static let touchLock = 0x5254  // "RT"
}

/// A row's values collected as statement parameters.
private struct ParameterValues: RowValueSink {
    var values: [any SQLBindable] = []
    mutating func integer(_ value: Int64?) { values.append(value.map(SQLValue.integer) ?? .null) }
    mutating func text(_ value: BoundText?) { values.append(value.map { SQLValue.text($0.string) } ?? .null) }
}
