/// The agenda's inputs from PostgreSQL: the same reads as the SQLite loader
/// (Database+Agenda.swift) — one set-based query per source, none per account — made
/// into `AgendaHistory` values and handed to the pure rules (`AgendaRules.forEachDay`: the
/// histories serve every day of the range, each day's items are made, handed over and
/// dropped in turn). Every
/// account of the scope created by the last day gets a history (the rules decide exactly
/// which have an item; SQLite's byte-level candidate filter is a speed-up of the same
/// answer). Row-level security narrows every read to what the role may see.
extension PostgresDatabase {
    public func forEachAgendaDay(
        config: RapportConfig, occasions: any OccasionSource, from: CivilDate, through: CivilDate, rep: String?,
        _ body: (AgendaDay) throws -> Void
    ) throws {
        guard from <= through else { return }
        let context = AgendaContext(date: from, config: config, occasions: occasions)
        let histories = try mapErrors { try agendaHistories(from: from, through: through, rep: rep, context: context) }
        try AgendaRules.forEachDay(histories, from: from, through: through, context: context, body)
    }

    /// Every history of the scope over [from, through], in account row id order, each with
    /// its contact to reach.
    func agendaHistories(from: CivilDate, through: CivilDate, rep: String?, context: AgendaContext) throws -> [AgendaHistory] {
        var repHandles: [Int64: String] = [:]
        try connection.forEachRow("SELECT id, handle FROM rep") { repHandles[$0.int64(0)] = $0.string(1) }
        let scope = try PostgresAgendaScope(rep: rep, repHandles: repHandles, unknown: unknownRep)
        // The scope's countries (a rep's own role would scan every account's row policy).
        let countries = try connection.rows(
            "SELECT DISTINCT a.country FROM account a WHERE true" + scope.filter("a.id", parameter: 1), scope.arguments) { $0.string(0) }
        let horizon = try max(context.on(from).touchHorizon(countries: countries), context.on(through).touchHorizon(countries: countries))

        // The sources found by date or by account read on a second connection, on another
        // core, while this one reads the touches and the accounts (over all reps: one rep's
        // few rows are not worth a connection).
        let config = context.config
        let readSources: @Sendable (PostgresDatabase) throws -> [Int64: Database.Partial] = { db in
            var sources: [Int64: Database.Partial] = [:]
            try db.loadAgendaEvents(from: from, through: through, config: config, scope: scope, into: &sources)
            try db.loadAgendaBirthdays(from: from, through: through, config: config, scope: scope, into: &sources)
            try db.loadAgendaInvoices(from: from, through: through, config: config, scope: scope, into: &sources)
            try db.loadAgendaPromises(scope: scope, into: &sources)
            try db.loadAgendaSnoozes(from: from, scope: scope, into: &sources)
            for (id, history) in try db.agendaPayerHistories(from: from, through: through, config: config, scope: scope) {
                sources[id, default: Database.Partial()].payer = history
            }
            return sources
        }
        let background: BackgroundWork<[Int64: Database.Partial]>?
        if scope.repID == nil, !connection.isInTransaction, let other = try? sibling() {
            let handed = Unshared(other)
            background = BackgroundWork { try readSources(handed.value) }
        } else {
            background = nil
        }
        var sources = try background == nil ? readSources(self) : [:]
        var touches: [Int64: [TouchSummary.Stamp]] = [:]
        try connection.forEachRow("""
            SELECT t.account_id, t.date, t.kind FROM touch t
            WHERE t.date >= $1 AND t.date <= $2 AND (t.kind IN ('greeting', 'gift', 'care', 'visit') OR t.date >= $3)
            """ + scope.filter("t.account_id", parameter: 4), [from.adding(days: -horizon), through, from] + scope.arguments) { row in
            guard let date = row.date(1), let kind = TouchKind(rawValue: row.string(2)) else { return }
            touches[row.int64(0), default: []].append(TouchSummary.Stamp(date: date, kind: kind))
        }

        var histories: [AgendaHistory] = []
        var ids: [Int64] = []
        var reachIDs: [Int64] = []
        try connection.forEachRow("""
            SELECT a.id, a.key, a.name, a.tier, a.owner_id, a.country, a.created_on, a.status, a.cadence_days,
                   CASE WHEN a.last_touch_on IS NULL OR a.last_touch_on < $1 THEN a.last_touch_on
                   ELSE (SELECT MAX(t.date) FROM touch t WHERE t.account_id = a.id AND t.date < $1) END,
                   CASE WHEN a.last_collection_on IS NULL OR a.last_collection_on < $1 THEN a.last_collection_on
                   ELSE (SELECT MAX(t.date) FROM touch t WHERE t.account_id = a.id AND t.kind = 'collection' AND t.date < $1) END,
                   a.locale, a.reach_contact_id
            FROM account a
            WHERE a.created_on <= $2
            """ + scope.filter("a.id", parameter: 3) + " ORDER BY a.id", [from, through] + scope.arguments
        ) { row in
            guard let createdOn = row.date(6) else { throw RapportError.data("account \(row.string(1)): bad created_on") }
            var history = AgendaHistory(
                account: Account(
                    key: row.string(1), name: row.string(2), tier: row.string(3), owner: repHandles[row.int64(4)] ?? "",
                    country: row.string(5), locale: row.optionalString(11), createdOn: createdOn,
                    status: row.string(7) == "dormant" ? .dormant : .active, cadenceDays: row.optionalInt(8)),
                lastTouchBefore: row.date(9), lastCollectionBefore: row.date(10))
            let id = row.int64(0)
            history.touches = touches.removeValue(forKey: id) ?? []
            histories.append(history)
            ids.append(id)
            reachIDs.append(row.optionalInt64(12) ?? 0)
        }
        if let background { sources = try background.wait() }
        for index in histories.indices {
            sources.removeValue(forKey: ids[index])?.move(into: &histories[index])
        }
        let reach = try reachContacts(Set(reachIDs.filter { $0 != 0 }))
        for index in histories.indices {
            if let contact = reach[reachIDs[index]] {
                var own = contact
                own.account = histories[index].account.key
                histories[index].contactToReach = own
            }
        }
        return histories
    }

    /// Events whose month-day can fall near the range (the rules compute the occurrences),
    /// with the contact each names; as `Database.loadEvents`.
    private func loadAgendaEvents(
        from: CivilDate, through: CivilDate, config: RapportConfig, scope: PostgresAgendaScope,
        into byAccount: inout [Int64: Database.Partial]
    ) throws {
        let start = from.adding(days: -max(config.careDays, config.quietDays))
        let end = through.adding(days: max(config.eventLead, config.birthdayLead))
        let monthDays = MonthDayCandidates.gregorian(from: start, through: end).union(MonthDayCandidates.lunar(from: start, through: end))
        try connection.forEachRow("""
            SELECT e.account_id, e.kind, e.title, e.date, e.calendar, e.repeat, e.sensitive,
                   c.key, c.name, c.role, c.status, c.birthday, c.birthday_calendar
            FROM event e LEFT JOIN contact c ON c.id = e.contact_id
            WHERE right(e.date, 5) = ANY($1::text[])
            """ + scope.filter("e.account_id", parameter: 2) + " ORDER BY right(e.date, 5), e.id",
            [PostgresArray.text(monthDays.sorted())] + scope.arguments
        ) { row in
            let event = try StoredValues.event(
                kind: row.string(1), title: row.string(2), date: row.string(3), calendar: row.string(4),
                repeatRule: row.optionalString(5), sensitive: row.bool(6), contact: row.optionalString(7))
            let id = row.int64(0)
            byAccount[id, default: Database.Partial()].events.append(event)
            // The person an event names decides whether a former contact's birthday counts.
            if !row.isNull(7), !(byAccount[id]?.contacts.contains(where: { $0.key == row.string(7) }) ?? false) {
                byAccount[id]?.contacts.append(try StoredValues.contact(
                    key: row.string(7), name: row.string(8), role: row.optionalString(9), status: row.string(10),
                    birthday: row.optionalString(11), calendar: row.optionalString(12)))
            }
        }
    }

    private func loadAgendaBirthdays(
        from: CivilDate, through: CivilDate, config: RapportConfig, scope: PostgresAgendaScope,
        into byAccount: inout [Int64: Database.Partial]
    ) throws {
        let end = through.adding(days: config.birthdayLead)
        let monthDays = MonthDayCandidates.gregorian(from: from, through: end).union(MonthDayCandidates.lunar(from: from, through: end))
        try connection.forEachRow("""
            SELECT c.account_id, c.key, c.name, c.role, c.status, c.birthday, c.birthday_calendar FROM contact c
            WHERE c.birthday IS NOT NULL AND right(c.birthday, 5) = ANY($1::text[])
            """ + scope.filter("c.account_id", parameter: 2) + " ORDER BY c.id",
            [PostgresArray.text(monthDays.sorted())] + scope.arguments
        ) { row in
            let contact = try StoredValues.contact(
                key: row.string(1), name: row.string(2), role: row.optionalString(3), status: row.string(4),
                birthday: row.optionalString(5), calendar: row.optionalString(6))
            byAccount[row.int64(0), default: Database.Partial()].contacts.removeAll { $0.key == contact.key }
            byAccount[row.int64(0)]?.contacts.append(contact)
        }
    }

    /// Invoices that can be open on a day of the range and reach a level by its end (or
    /// belong to an account with a promise): the unpaid ones, then those paid off since the
    /// first day — the order SQLite's loader gives — with the payments made in the range.
    private func loadAgendaInvoices(
        from: CivilDate, through: CivilDate, config: RapportConfig, scope: PostgresAgendaScope,
        into byAccount: inout [Int64: Database.Partial]
    ) throws {
        let dueBy = config.collectionLevels.values.min().map { through.adding(days: -$0) }
        let columns = """
            SELECT i.id, i.account_id, i.number, i.issued_on, i.due_on, i.amount, i.currency,
                   CASE WHEN i.last_paid_on IS NULL OR i.last_paid_on < $1 THEN i.paid_total
                        ELSE COALESCE((SELECT SUM(p.amount) FROM payment p WHERE p.invoice_id = i.id AND p.paid_on < $1), 0) END,
                   COALESCE(i.last_paid_on >= $1, false)
            FROM invoice i
            """
        let reachable = " AND (i.due_on <= $\(3 + scope.arguments.count)::text OR i.account_id IN (SELECT account_id FROM promise))"
        let unpaid = columns + " WHERE i.paid_total < i.amount AND i.issued_on <= $2" + scope.filter("i.account_id", parameter: 3)
            + reachable + " ORDER BY i.account_id, i.id"
        let paidOff = columns + " WHERE i.last_paid_on >= $1 AND i.paid_total >= i.amount AND i.issued_on <= $2"
            + scope.filter("i.account_id", parameter: 3) + reachable + " ORDER BY i.last_paid_on, i.id"
        var late: [Int64: (account: Int64, slot: Int)] = [:]
        for sql in [unpaid, paidOff] {
            try connection.forEachRow(sql, [from, through] + scope.arguments + [dueBy]) { row in
                guard let issued = row.date(3), let due = row.date(4) else {
                    throw RapportError.data("invoice \(row.string(2)): bad issued_on or due_on")
                }
                let invoice = Invoice(
                    number: row.string(2), account: "", issuedOn: issued, dueOn: due,
                    amount: Money(minor: row.int64(5), currency: row.string(6)))
                let account = row.int64(1)
                if row.bool(8) { late[row.int64(0)] = (account, byAccount[account]?.invoices.count ?? 0) }
                byAccount[account, default: Database.Partial()].invoices.append(InvoiceHistory(invoice: invoice, paidBefore: row.int64(7)))
            }
        }
        guard !late.isEmpty else { return }
        try connection.forEachRow("""
            SELECT p.invoice_id, p.paid_on, p.amount FROM payment p
            WHERE p.invoice_id = ANY($1::bigint[]) AND p.paid_on >= $2 AND p.paid_on <= $3
            ORDER BY p.invoice_id, p.paid_on, p.id
            """, [PostgresArray.integers(Array(late.keys)), from, through]
        ) { row in
            guard let (account, slot) = late[row.int64(0)], let paidOn = row.date(1) else { return }
            let number = byAccount[account]?.invoices[slot].invoice.number ?? ""
            byAccount[account]?.invoices[slot].payments.append(Payment(invoice: number, paidOn: paidOn, amount: row.int64(2)))
        }
    }

    private func loadAgendaPromises(scope: PostgresAgendaScope, into byAccount: inout [Int64: Database.Partial]) throws {
        try connection.forEachRow("""
            SELECT p.account_id, i.number, p.promised_on, p.amount, p.currency
            FROM promise p LEFT JOIN invoice i ON i.id = p.invoice_id
            WHERE true
            """ + scope.filter("p.account_id", parameter: 1) + " ORDER BY p.id", scope.arguments
        ) { row in
            guard let promisedOn = row.date(2) else { throw RapportError.data("promise: bad promised_on") }
            byAccount[row.int64(0), default: Database.Partial()].promises.append(Promise(
                account: "", invoice: row.optionalString(1), promisedOn: promisedOn,
                amount: Money(minor: row.int64(3), currency: row.string(4))))
        }
    }

    private func loadAgendaSnoozes(from: CivilDate, scope: PostgresAgendaScope, into byAccount: inout [Int64: Database.Partial]) throws {
        try connection.forEachRow(
            "SELECT s.account_id, s.kind, s.until FROM snooze s WHERE s.until >= $1" + scope.filter("s.account_id", parameter: 2)
                + " ORDER BY s.id", [from] + scope.arguments
        ) { row in
            guard let until = row.date(2) else { throw RapportError.data("snooze: bad until date") }
            let kind = try StoredValues.parse(ReasonKind.self, row.string(1), what: "snooze kind")
            byAccount[row.int64(0), default: Database.Partial()].snoozes.append(Snooze(account: "", kind: kind, until: until))
        }
    }

    /// The contacts to reach by row id, with the fields the agenda shows (as
    /// `Database.agendaContacts` reads them).
    private func reachContacts(_ ids: Set<Int64>) throws -> [Int64: Contact] {
        var found: [Int64: Contact] = [:]
        guard !ids.isEmpty else { return found }
        try connection.forEachRow("""
            SELECT c.id, c.key, c.name, c.salutation, c.title, c.role, c.phone, c.email, c.chat, c.channel, c.locale
            FROM contact c WHERE c.id = ANY($1::bigint[])
            """, [PostgresArray.integers(Array(ids))]
        ) { row in
            found[row.int64(0)] = Contact(
                key: row.string(1), account: "", name: row.string(2), salutation: row.optionalString(3),
                title: row.optionalString(4), role: row.optionalString(5).flatMap(ContactRole.init(rawValue:)),
                status: .current, phone: row.optionalString(6), email: row.optionalString(7), chat: row.optionalString(8),
                channel: row.optionalString(9).flatMap(Channel.init(rawValue:)), locale: row.optionalString(10))
        }
        return found
    }
}

/// One rep's accounts, or all that the role may read.
struct PostgresAgendaScope: Sendable {
    let repID: Int64?

    init(rep: String?, repHandles: [Int64: String], unknown: (String) throws -> RapportError) throws {
        guard let rep else {
            repID = nil
            return
        }
        guard let id = repHandles.first(where: { $0.value == rep })?.key else { throw try unknown(rep) }
        repID = id
    }

    var arguments: [any SQLBindable] { repID.map { [$0] } ?? [] }

    /// ` AND column IN (the rep's accounts)`, its rep id bound as $`parameter`; empty for all.
    /// The accounts as an array computed once, so each table is searched through its
    /// account index for them (an `IN (SELECT …)` was planned as a hash over every unpaid
    /// invoice: 58 ms against 3 for one rep).
    func filter(_ column: String, parameter: Int) -> String {
        guard repID != nil else { return "" }
        return column == "a.id"
            ? " AND a.owner_id = $\(parameter)"
            : " AND \(column) = ANY(ARRAY(SELECT id FROM account WHERE owner_id = $\(parameter)))"
    }
}

/// Lists bound as one PostgreSQL array parameter (text input form), so a list of any
/// length is one query.
enum PostgresArray {
    static func text(_ values: [String]) -> String {
        "{" + values.map { "\"" + $0.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\"" }.joined(separator: ",") + "}"
    }

    static func integers(_ values: [Int64]) -> String {
        "{" + values.map(String.init).joined(separator: ",") + "}"
    }
}
