/// What an audit reads, from PostgreSQL: the same `AuditInput` as the SQLite loader
/// (Database+Audit.swift) gives — the same rows in the same order — so the metrics, and
/// their JSON, CSV and HTML, are the same. Row-level security limits it to what the role
/// may read.
extension PostgresDatabase {
    public func auditInput(period: AuditPeriod, rep: String?) throws -> AuditInput {
        try mapErrors {
            var input = AuditInput()
            var handles: [Int64: String] = [:]
            try connection.forEachRow("SELECT id, handle, name, email, phone, manager FROM rep ORDER BY id") { row in
                let listed = Rep(
                    handle: row.string(1), name: row.string(2), email: row.optionalString(3),
                    phone: row.optionalString(4), manager: row.optionalString(5))
                handles[row.int64(0)] = listed.handle
                if rep == nil || rep == listed.handle { input.reps.append(listed) }
            }
            var ownerID: Int64?
            if let rep {
                guard let id = handles.first(where: { $0.value == rep })?.key else { throw try unknownRep(rep) }
                ownerID = id
            }

            // Every account by row id (a rep's touches may be on accounts it does not own);
            // the audited ones — created by `to`, the rep's if one is named — in order.
            var keys: [Int64: String] = [:]
            var audited: Set<Int64> = []
            var order: [Int64] = []
            try connection.forEachRow("""
                SELECT id, key, name, tier, owner_id, country, region, locale, created_on, status, cadence_days
                FROM account ORDER BY id
                """) { row in
                let key = row.string(1)
                guard let createdOn = row.date(8) else {
                    throw RapportError.data("account \(key) created_on is not a YYYY-MM-DD date: '\(row.string(8))'")
                }
                let id = row.int64(0)
                keys[id] = key
                order.append(id)
                guard ownerID == nil || ownerID == row.int64(4), createdOn <= period.to else { return }
                audited.insert(id)
                input.accounts.append(Account(
                    key: key, name: row.string(2), tier: row.string(3), owner: handles[row.int64(4)] ?? "",
                    country: row.string(5), region: row.optionalString(6), locale: row.optionalString(7),
                    createdOn: createdOn, status: AccountStatus(rawValue: row.string(9)) ?? .active,
                    cadenceDays: row.optionalInt(10)))
            }

            try loadAuditTouches(period: period, ownerID: ownerID, keys: keys, order: order, handles: handles, into: &input)
            try loadAuditMoney(period: period, audited: audited, keys: keys, into: &input)
            return input
        }
    }

    /// The touches in the period (on the audited accounts, or logged by the named rep) and
    /// each audited account's latest touch before it, grouped by account in row id order —
    /// its latest earlier touch first — as the SQLite loader emits them.
    private func loadAuditTouches(
        period: AuditPeriod, ownerID: Int64?, keys: [Int64: String], order: [Int64], handles: [Int64: String],
        into input: inout AuditInput
    ) throws {
        var byAccount: [Int64: [Touch]] = [:]
        var earlier: [Int64: Touch] = [:]
        func touch(_ row: PostgresRow) throws -> (Int64, Touch)? {
            let id = row.int64(0)
            guard let account = keys[id] else { return nil }
            guard let date = row.date(2) else {
                throw RapportError.data("touch on \(account) date is not a YYYY-MM-DD date: '\(row.string(2))'")
            }
            return (id, Touch(
                account: account, rep: handles[row.int64(1)] ?? "", date: date,
                channel: Channel(rawValue: row.string(3)) ?? .other, kind: TouchKind(rawValue: row.string(4)) ?? .other))
        }
        let mine = ownerID == nil ? "" : " AND (t.rep_id = $3 OR t.account_id IN (SELECT id FROM account WHERE owner_id = $3))"
        let arguments: [any SQLBindable] = [period.from, period.to] + (ownerID.map { [$0] } ?? [])
        try connection.forEachRow(
            "SELECT t.account_id, t.rep_id, t.date, t.channel, t.kind FROM touch t WHERE t.date BETWEEN $1 AND $2" + mine
                + " ORDER BY t.account_id, t.id", arguments
        ) { row in
            if let (id, found) = try touch(row) { byAccount[id, default: []].append(found) }
        }
        // The latest touch before `from` of each audited account (the first logged of that day).
        let owned = ownerID == nil ? "" : " AND a.owner_id = $3"
        try connection.forEachRow("""
            SELECT t.account_id, t.rep_id, t.date, t.channel, t.kind
            FROM account a CROSS JOIN LATERAL (
                SELECT * FROM touch t WHERE t.account_id = a.id AND t.date < $1 ORDER BY t.date DESC, t.id LIMIT 1) t
            WHERE a.created_on <= $2
            """ + owned, arguments
        ) { row in
            if let (id, found) = try touch(row) { earlier[id] = found }
        }
        for id in order {
            if let before = earlier[id] { input.touches.append(before) }
            if let touches = byAccount[id] { input.touches += touches }
        }
    }

    /// The audited accounts' invoices issued by `to`, their payments made by `to`, and
    /// their promises falling due in the period, in row id order.
    private func loadAuditMoney(period: AuditPeriod, audited: Set<Int64>, keys: [Int64: String], into input: inout AuditInput) throws {
        var numbers: [Int64: String] = [:]
        try connection.forEachRow(
            "SELECT id, number, account_id, issued_on, due_on, amount, currency FROM invoice WHERE issued_on <= $1 ORDER BY id",
            [period.to]
        ) { row in
            let account = row.int64(2)
            guard audited.contains(account), let key = keys[account] else { return }
            let number = row.string(1)
            guard let issued = row.date(3), let due = row.date(4) else {
                throw RapportError.data("invoice \(number) issued_on or due_on is not a YYYY-MM-DD date")
            }
            numbers[row.int64(0)] = number
            input.invoices.append(Invoice(
                number: number, account: key, issuedOn: issued, dueOn: due, amount: Money(minor: row.int64(5), currency: row.string(6))))
        }
        try connection.forEachRow("SELECT invoice_id, paid_on, amount FROM payment WHERE paid_on <= $1 ORDER BY id", [period.to]) { row in
            guard let number = numbers[row.int64(0)] else { return }
            guard let paidOn = row.date(1) else {
                throw RapportError.data("payment on \(number) paid_on is not a YYYY-MM-DD date: '\(row.string(1))'")
            }
            input.payments.append(Payment(invoice: number, paidOn: paidOn, amount: row.int64(2)))
        }
        try connection.forEachRow("""
            SELECT p.account_id, i.number, p.promised_on, p.amount, p.currency
            FROM promise p LEFT JOIN invoice i ON i.id = p.invoice_id
            WHERE p.promised_on BETWEEN $1 AND $2 ORDER BY p.id
            """, [period.from, period.to]
        ) { row in
            let account = row.int64(0)
            guard audited.contains(account), let key = keys[account] else { return }
            guard let promisedOn = row.date(2) else { throw RapportError.data("promise of \(key) promised_on is not a YYYY-MM-DD date") }
            input.promises.append(Promise(
                account: key, invoice: row.optionalString(1), promisedOn: promisedOn,
                amount: Money(minor: row.int64(3), currency: row.string(4))))
        }
    }
}
