import CSQLite

/// Loading the agenda's inputs for a range of days [from, through] — one day for `today`,
/// a week for `agenda` — for every account or one rep's, in a fixed number of set-based
/// queries (no query per account). The SQL narrows the accounts to a superset of those
/// with a reason (check-in possibly due, an occasion window open for their country and
/// tier, or a birthday, event, open invoice or promise near the range); the rules then
/// decide exactly. See docs/agenda.md for the indexes each query uses.
extension Database {
    /// Every account's (or one rep's) history over [from, through], each with its contact
    /// to reach. `agendaDays` loads in parts instead (`agendaPlan`, `agendaLoad`) and reads
    /// the contacts of the accounts that have an item only (`agendaContacts`).
    public func agendaHistories(from: CivilDate, through: CivilDate, rep: String?, context: AgendaContext) throws -> [AgendaHistory] {
        guard let plan = try agendaPlan(from: from, through: through, rep: rep, context: context) else { return [] }
        var histories: [AgendaHistory] = [], reachContactIDs: [Int64] = []
        try agendaLoad(plan, ids: plan.accountIDs) { history, reachContactID in
            histories.append(history)
            reachContactIDs.append(reachContactID)
        }
        let boxes = try agendaContacts(zip(reachContactIDs, histories).map { ($0, $1.account.key) })
        for (slot, box) in boxes.enumerated() { histories[slot].reach = box }
        return histories
    }

    /// What every part of a load shares: the reps, the occasion windows open in the range,
    /// how far back recent touches are needed, the row ids of the accounts. Nil when the
    /// range is empty.
    func agendaPlan(from: CivilDate, through: CivilDate, rep: String?, context: AgendaContext) throws -> AgendaPlan? {
        guard from <= through else { return nil }
        var repHandles: [Int64: String] = [:]
        try forEachRow("SELECT id, handle FROM rep") { repHandles[$0.int64(0)] = $0.string(1) }
        let repID: Int? = try rep.map { handle in
            guard let id = repHandles.first(where: { $0.value == handle })?.key else { throw try unknownRep(handle) }
            return Int(id)
        }
        // The countries in use (a loose scan of the country index: one seek per country).
        let countries = try rows("""
            WITH RECURSIVE c(country) AS (
                SELECT MIN(country) FROM account
                UNION ALL
                SELECT (SELECT MIN(a.country) FROM account a WHERE a.country > c.country) FROM c WHERE c.country IS NOT NULL)
            SELECT country FROM c WHERE country IS NOT NULL
            """) { $0.string(0) }
        let occasions = try OccasionFilter(countries: countries, from: from, through: through, context: context)
        let horizon = try max(context.on(from).touchHorizon(countries: countries), context.on(through).touchHorizon(countries: countries))
        var ids: ClosedRange<Int64> = 0...0
        try forEachRow("SELECT (SELECT MIN(id) FROM account), (SELECT MAX(id) FROM account)") { row in
            if !row.isNull(0) { ids = row.int64(0)...row.int64(1) }
        }
        return AgendaPlan(
            from: from, through: through, config: context.config, repHandles: repHandles, repID: repID,
            occasions: occasions, horizon: horizon, accountIDs: ids)
    }

    /// The histories of the accounts whose row id is in `ids` (all of them, or one rep's)
    /// that can have a reason in the range, each handed to `body` with the row id of its
    /// contact to reach (0: none), in row id order, as the account pass reads it: the rules
    /// run on each while it is in the cache, and no list of histories is built. The sources
    /// are read first, so one pass over the accounts finds both those a check-in or an
    /// occasion window puts on the agenda and those a source names.
    ///
    /// With `shared` (one of two parts over all reps), this part reads only the unpaid
    /// invoices and the payer source of its own range; the other sources come from
    /// `agendaSharedSources`, read once for both parts by the two threads
    /// (`AgendaSourceTasks`), and waited for after those.
    func agendaLoad(
        _ plan: AgendaPlan, ids: ClosedRange<Int64>, shared: [Handoff<AgendaSources>] = [],
        _ body: (inout AgendaHistory, _ reachContactID: Int64) throws -> Void
    ) throws {
        let scope = AgendaScope(repID: plan.repID, ids: ids)
        let window = AgendaSourceWindow(from: plan.from, through: plan.through, horizon: plan.horizon, config: plan.config, scope: scope)
        var sources = AgendaSources()
        var common: [AgendaSources] = []
        if shared.isEmpty {
            sources = try agendaSources(window)
        } else {
            try loadInvoices(window, rows: .unpaid, into: &sources.partials)
            // By account too: each part counts its own accounts' paid invoices, in parallel.
            try load(.payers, window, into: &sources)
            for handoff in shared { common.append(try handoff.wait()) }
        }
        // (A snooze alone gives no reason.)
        var named: [Int64] = []
        for (id, partial) in sources.partials where partial.namesAReason { named.append(id) }
        for share in common {
            for (id, partial) in share.partials where ids.contains(id) && partial.namesAReason { named.append(id) }
        }
        named.sort()
        if !common.isEmpty {
            // An account this part's invoices and a shared source both name, once.
            var distinct: [Int64] = []
            distinct.reserveCapacity(named.count)
            for id in named where distinct.last != id { distinct.append(id) }
            named = distinct
        }
        // Recent touches by account row id, met in the pass's order (their order within an
        // account does not matter: `TouchSummary.recent`).
        var touches = (common.isEmpty ? sources.touches : common.flatMap(\.touches)).filter { ids.contains($0.0) }
        touches.sort { $0.0 < $1.0 }

        var rows = AgendaAccountRows(repHandles: plan.repHandles)
        var partials = sources.partials
        sources.partials = [:]
        let (sql, arguments) = accountsQuery(plan, scope: scope)
        var (next, nextTouch) = (0, 0)  // the first of `named` and of `touches` not yet passed
        var previous = Int64.min
        var candidates = AgendaCandidates(plan)
        try forEachRow(sql, arguments) { row in
            let id = row.int64(0)
            guard id > previous else { throw RapportError.data("account rows out of row id order") }
            previous = id
            while next < named.count, named[next] < id { next += 1 }
            while nextTouch < touches.count, touches[nextTouch].0 < id { nextTouch += 1 }
            guard (next < named.count && named[next] == id) || candidates.mayHaveAReason(row) else { return }
            var history = try rows.history(row)
            partials.removeValue(forKey: id)?.move(into: &history)
            // After this part's unpaid invoices, the paid-off ones of the shared read: the
            // order one query over both gives. (Copied, not taken out: the dictionaries are
            // shared with the other thread.)
            for share in common { if let partial = share.partials[id] { partial.move(into: &history) } }
            while nextTouch < touches.count, touches[nextTouch].0 == id {
                history.touches.append(touches[nextTouch].1)
                nextTouch += 1
            }
            try body(&history, row.int64(12))
        }
    }

    /// The contacts to reach of `requests` (a contact row id, 0 for none, and the key of its
    /// account), one box per request in their order: what the agenda shows of the accounts
    /// that have an item, read after the rules rather than for every account the load
    /// considers. Each contact is read once, in row id order, and its box shared by its
    /// requests (an account's items of a week); a row id no longer there gives nil. The rows
    /// come in the order of the list bound (`json_each` scanned, each contact found by row
    /// id), so no lookup table is needed.
    func agendaContacts(_ requests: [(id: Int64, account: String)]) throws -> [ContactBox?] {
        var order = requests.indices.filter { requests[$0].id != 0 }
        order.sort { requests[$0].id < requests[$1].id }
        var ids: [Int64] = [], firstRequest: [Int] = []
        for index in order where ids.last != requests[index].id {
            ids.append(requests[index].id)
            firstRequest.append(index)
        }
        var read = [ContactBox?](repeating: nil, count: ids.count)
        if !ids.isEmpty {
            var roles = TextValues { ContactRole(rawValue: $0) }, channels = TextValues { Channel(rawValue: $0) }
            var locales = TextValues<String>()
            let sql = """
                SELECT j.key, c.key, c.name, c.salutation, c.title, c.role, c.phone, c.email, c.chat, c.channel, c.locale
                FROM json_each(?) j JOIN contact c ON c.id = j.value
                """
            try forEachRow(sql, [Self.jsonArray(ids)]) { row in
                let index = row.int(0)
                guard read.indices.contains(index) else { return }
                read[index] = ContactBox(Contact(
                    key: row.string(1), account: requests[firstRequest[index]].account, name: row.string(2),
                    salutation: row.text(3), title: row.text(4), role: roles.value(row, 5) ?? nil,
                    status: .current, phone: row.text(6), email: row.text(7), chat: row.text(8),
                    channel: channels.value(row, 9) ?? nil, locale: locales.text(row, 10)))
            }
        }
        var boxes = [ContactBox?](repeating: nil, count: requests.count)
        var position = -1
        for index in order {
            if position < 0 || ids[position] != requests[index].id { position += 1 }
            boxes[index] = read[position]
        }
        return boxes
    }

    // MARK: the account query

    /// The account pass over the row ids of `scope`: every account created by the last day,
    /// the caller keeping those a source names or `AgendaCandidates` finds (and skipping the
    /// others unread). ?1 is the first day, ?2 the last. The last touch is the last before
    /// ?1 (touches within the range only move a check-in later, so this keeps every account
    /// whose check-in can fall due): the kept `last_touch_on` when it is before ?1, else a
    /// search of the touch index (only when replaying a past day, or for accounts touched on
    /// ?1 itself). The same for the last collection touch. Each is written once in the
    /// query: SQLite would run a correlated subquery written twice twice.
    private func accountsQuery(_ plan: AgendaPlan, scope: AgendaScope) -> (String, [any SQLBindable]) {
        let sql = """
            SELECT a.id, a.key, a.name, a.tier, a.owner_id, a.country, a.created_on, a.status, a.cadence_days,
                   CASE WHEN a.last_touch_on IS NULL OR a.last_touch_on < ?1 THEN a.last_touch_on
                   ELSE (SELECT MAX(t.date) FROM touch t WHERE t.account_id = a.id AND t.date < ?1) END,
                   CASE WHEN a.last_collection_on IS NULL OR a.last_collection_on < ?1 THEN a.last_collection_on
                   ELSE (SELECT MAX(t.date) FROM touch t WHERE t.account_id = a.id AND t.kind = 'collection' AND t.date < ?1) END,
                   a.locale, a.reach_contact_id
            FROM account a
            WHERE a.created_on <= ?2\(scope.account("a", first: 3))
            """
        return (sql, [plan.from, plan.through] + scope.arguments)
    }

    /// The sources' reads for one range, as plain values (sent to the second connection).
    struct AgendaSourceWindow: Sendable {
        var from: CivilDate
        var through: CivilDate
        var horizon: Int
        var config: RapportConfig
        var scope: AgendaScope
    }

    /// Which invoices `loadInvoices` reads.
    enum InvoiceRows {
        /// Their payments fall short (`paid_total < amount`).
        case unpaid
        /// Paid in full, the last payment on or after the first day.
        case paidOff
        case both
    }

    /// What the per-source queries found, by account row id (one part's, or one thread's
    /// share of an all-reps load, handed to the other thread).
    struct AgendaSources: Sendable {
        var partials: [Int64: Partial] = [:]
        /// Recent touches (see `AgendaHistory.touches`).
        var touches: [(Int64, TouchSummary.Stamp)] = []
    }

    /// The sources both parts of an all-reps load need, read once over all accounts (they
    /// are found through indexes on dates and month-days, not by account, so each part would
    /// read them all to keep its half): the invoices paid off since the first day; events
    /// and birthdays, promises, snoozes and recent touches. Each part reads its own unpaid
    /// invoices (`invoice_unpaid` is by account). The two threads take the reads from one
    /// queue (`AgendaSourceTasks`), so they finish them at about the same time whichever is
    /// long that day (paid-off invoices take 1 ms on a real morning and 16 ms on the spec
    /// file's future-dated payments); each list of a history comes from a single read, so
    /// the result does not depend on which thread ran which.
    func agendaSharedSources(_ plan: AgendaPlan, _ tasks: AgendaSourceTasks) throws -> AgendaSources {
        let window = AgendaSourceWindow(
            from: plan.from, through: plan.through, horizon: plan.horizon, config: plan.config,
            scope: AgendaScope(repID: nil, ids: plan.accountIDs))
        var sources = AgendaSources()
        while let task = tasks.take() {
            try load(task, window, into: &sources)
        }
        return sources
    }

    /// Every source of one part's accounts, read in turn (one rep, or all in one part).
    func agendaSources(_ window: AgendaSourceWindow) throws -> AgendaSources {
        var sources = AgendaSources()
        // Over all reps about a third of the accounts of the range have an open invoice, an
        // event or a birthday near: room for them up front (no rehashing as it grows).
        let scope = window.scope
        if scope.repID == nil { sources.partials.reserveCapacity(Int(min(scope.ids.upperBound - scope.ids.lowerBound + 1, 1 << 20)) / 3) }
        for task in AgendaSourceTasks.Task.inOnePart { try load(task, window, into: &sources) }
        return sources
    }

    private func load(_ task: AgendaSourceTasks.Task, _ window: AgendaSourceWindow, into sources: inout AgendaSources) throws {
        let (from, through, config, scope) = (window.from, window.through, window.config, window.scope)
        switch task {
        case .eventsAndBirthdays:
            // Together and in this order: a birthday replaces the contact an event named.
            try loadEvents(from: from, through: through, config: config, scope: scope, into: &sources.partials)
            try loadBirthdays(from: from, through: through, config: config, scope: scope, into: &sources.partials)
        case .paidOffInvoices:
            // Found by payment date, their rows are all over the invoice table: a cache that
            // keeps the pages visited (then shrinks back, so the next run starts cold).
            try with(pragma: "cache_size", -65536) { try loadInvoices(window, rows: .paidOff, into: &sources.partials) }
        case .allInvoices:
            try loadInvoices(window, rows: .both, into: &sources.partials)
        case .promises:
            try loadPromises(scope: scope, into: &sources.partials)
        case .snoozes:
            try loadSnoozes(from: from, scope: scope, into: &sources.partials)
        case .payers:
            for (id, history) in try agendaPayerHistories(window) { sources.partials[id, default: Partial()].payer = history }
        case .touches:
            // Recent touches: the short windows need their kinds; days of the range need all.
            let touchSQL = """
                SELECT t.account_id, t.date, t.kind FROM touch t
                WHERE t.date >= ?1 AND t.date <= ?2 AND (t.kind IN ('greeting', 'gift', 'care', 'visit') OR t.date >= ?3)
                """ + scope.byAccountColumn("t.account_id", first: 4)
            try forEachRow(touchSQL, [from.adding(days: -window.horizon), through, from] + scope.arguments) { row in
                guard let date = row.date(1), let kind = TouchKind(rawValue: row.string(2)) else { return }
                sources.touches.append((row.int64(0), TouchSummary.Stamp(date: date, kind: kind)))
            }
        }
    }

    // MARK: per-source loads (each one query, grouped by account row id)

    /// What the per-source queries found for one account, before its row is read.
    struct Partial: Sendable {
        var contacts: [Contact] = []
        var events: [Event] = []
        var invoices: [InvoiceHistory] = []
        var promises: [Promise] = []
        var snoozes: [Snooze] = []
        var payer: PayerHistory?

        /// Whether it holds something that can give a reason (not only snoozes).
        var namesAReason: Bool { !contacts.isEmpty || !events.isEmpty || !invoices.isEmpty || !promises.isEmpty || payer != nil }

        /// Moves the data into the history (after what it holds), naming the account by its
        /// key (the per-source queries only knew its row id).
        consuming func move(into history: inout AgendaHistory) {
            let key = history.account.key
            for i in contacts.indices { contacts[i].account = key }
            for i in events.indices { events[i].account = key }
            for i in invoices.indices {
                invoices[i].invoice.account = key
                for j in invoices[i].payments.indices { invoices[i].payments[j].invoice = invoices[i].invoice.number }
            }
            for i in promises.indices { promises[i].account = key }
            for i in snoozes.indices { snoozes[i].account = key }
            func add<T>(_ values: [T], to list: inout [T]) {
                if list.isEmpty { list = values } else { list += values }
            }
            add(contacts, to: &history.contacts)
            add(events, to: &history.events)
            add(invoices, to: &history.invoices)
            add(promises, to: &history.promises)
            add(snoozes, to: &history.snoozes)
            if let payer { history.payer = payer }
        }
    }

    /// Birthdays and yearly events are filtered by month-day; the rules compute the exact
    /// occurrences. Events are needed from `from − max(care, quiet)` (care and the quiet
    /// period look back) to `through + max(lead)`.
    private func loadEvents(from: CivilDate, through: CivilDate, config: RapportConfig, scope: AgendaScope, into byAccount: inout [Int64: Partial]) throws {
        let start = from.adding(days: -max(config.careDays, config.quietDays))
        let end = through.adding(days: max(config.eventLead, config.birthdayLead))
        let monthDays = MonthDayCandidates.gregorian(from: start, through: end).union(MonthDayCandidates.lunar(from: start, through: end))
        let sql = """
            SELECT e.account_id, e.kind, e.title, e.date, e.calendar, e.repeat, e.sensitive,
                   c.key, c.name, c.role, c.status, c.birthday, c.birthday_calendar
            FROM event e LEFT JOIN contact c ON c.id = e.contact_id
            WHERE substr(e.date, -5) IN (SELECT value FROM json_each(?1))
            """ + scope.byAccountColumn("e.account_id", first: 2)
        try forEachRow(sql, [Self.jsonArray(monthDays.sorted())] + scope.arguments) { row in
            let event = try StoredValues.event(
                kind: row.string(1), title: row.string(2), date: row.string(3), calendar: row.string(4),
                repeatRule: row.optionalString(5), sensitive: row.bool(6), contact: row.optionalString(7))
            let id = row.int64(0)
            byAccount[id, default: Partial()].events.append(event)
            // The person an event names decides whether a former contact's birthday counts.
            if !row.isNull(7), !(byAccount[id]?.contacts.contains(where: { $0.key == row.string(7) }) ?? false) {
                byAccount[id]?.contacts.append(try Self.contact(row, from: 7))
            }
        }
    }

    private func loadBirthdays(from: CivilDate, through: CivilDate, config: RapportConfig, scope: AgendaScope, into byAccount: inout [Int64: Partial]) throws {
        let end = through.adding(days: config.birthdayLead)
        let monthDays = MonthDayCandidates.gregorian(from: from, through: end).union(MonthDayCandidates.lunar(from: from, through: end))
        let sql = """
            SELECT c.account_id, c.key, c.name, c.role, c.status, c.birthday, c.birthday_calendar FROM contact c
            WHERE c.birthday IS NOT NULL AND substr(c.birthday, -5) IN (SELECT value FROM json_each(?1))
            """ + scope.byAccountColumn("c.account_id", first: 2) + " ORDER BY c.id"
        try forEachRow(sql, [Self.jsonArray(monthDays.sorted())] + scope.arguments) { row in
            let contact = try Self.contact(row, from: 1)
            byAccount[row.int64(0), default: Partial()].contacts.removeAll { $0.key == contact.key }
            byAccount[row.int64(0)]?.contacts.append(contact)
        }
    }

    /// Invoices issued by `through` that can be open on a day of the range: their payments
    /// fall short (`paid_total < amount`) or one is dated on or after `from`. What was paid
    /// before `from` comes from `paid_total` unless a payment is that late. Only those that
    /// can reach a collection level by `through` (due on or before `through` − the earliest
    /// level's offset), and any of an account with a promise (a promise that names no invoice
    /// covers all its open invoices): an invoice not yet at a level names no reason.
    private func loadInvoices(_ window: AgendaSourceWindow, rows: InvoiceRows, into byAccount: inout [Int64: Partial]) throws {
        let (from, through, config, scope) = (window.from, window.through, window.config, window.scope)
        let columns = """
            SELECT i.id, i.account_id, i.number, i.issued_on, i.due_on, i.amount, i.currency,
                   CASE WHEN i.last_paid_on IS NULL OR i.last_paid_on < ?1 THEN i.paid_total
                        ELSE COALESCE((SELECT SUM(p.amount) FROM payment p WHERE p.invoice_id = i.id AND p.paid_on < ?1), 0) END,
                   i.last_paid_on >= ?1
            FROM invoice i
            """
        let dueBy = config.collectionLevels.values.min().map { through.adding(days: -$0) }
        // Over all reps, the invoices paid off in the range are found by `invoice_last_paid`,
        // not among all the invoices of the row id range (`+` keeps the planner off
        // `invoice_account`); one rep's, by its accounts. Each account's invoices are listed
        // in the order the rows come.
        let reachable = " AND (i.due_on <= ?\(3 + scope.arguments.count) OR i.account_id IN (SELECT account_id FROM promise))"
        let unpaid = columns + " WHERE i.paid_total < i.amount AND i.issued_on <= ?2" + scope.byAccountColumn("i.account_id", first: 3) + reachable
        let paidOff = columns
            + " WHERE i.last_paid_on >= ?1 AND i.paid_total >= i.amount AND i.issued_on <= ?2" + scope.byAccountColumn(scope.repID == nil ? "+i.account_id" : "i.account_id", first: 3)
            + reachable
        let sql = switch rows {
        case .unpaid: unpaid
        case .paidOff: paidOff
        case .both: unpaid + " UNION ALL " + paidOff
        }
        var late: [Int64: (account: Int64, slot: Int)] = [:]
        var currencies = TextValues()
        try forEachRow(sql, [from, through] + scope.arguments + [dueBy]) { row in
            guard let issued = row.date(3), let due = row.date(4) else {
                throw RapportError.data("invoice \(row.string(2)): bad issued_on or due_on")
            }
            let invoice = Invoice(
                number: row.string(2), account: "", issuedOn: issued, dueOn: due,
                amount: Money(minor: row.int64(5), currency: currencies.text(row, 6) ?? ""))
            let account = row.int64(1)
            if row.bool(8) { late[row.int64(0)] = (account, byAccount[account]?.invoices.count ?? 0) }
            byAccount[account, default: Partial()].invoices.append(InvoiceHistory(invoice: invoice, paidBefore: row.int64(7)))
        }
        guard !late.isEmpty else { return }
        let payments = """
            SELECT p.invoice_id, p.paid_on, p.amount FROM payment p
            WHERE p.invoice_id IN (SELECT value FROM json_each(?)) AND p.paid_on >= ? AND p.paid_on <= ?
            """
        try forEachRow(payments, [Self.jsonArray(Array(late.keys)), from, through]) { row in
            guard let (account, slot) = late[row.int64(0)], let paidOn = row.date(1) else { return }
            let number = byAccount[account]?.invoices[slot].invoice.number ?? ""
            byAccount[account]?.invoices[slot].payments.append(Payment(invoice: number, paidOn: paidOn, amount: row.int64(2)))
        }
    }

    private func loadPromises(scope: AgendaScope, into byAccount: inout [Int64: Partial]) throws {
        let sql = """
            SELECT p.account_id, i.number, p.promised_on, p.amount, p.currency
            FROM promise p LEFT JOIN invoice i ON i.id = p.invoice_id
            WHERE 1
            """ + scope.byAccountColumn("p.account_id", first: 1)
        try forEachRow(sql, scope.arguments) { row in
            guard let promisedOn = row.date(2) else { throw RapportError.data("promise: bad promised_on") }
            byAccount[row.int64(0), default: Partial()].promises.append(Promise(
                account: "", invoice: row.optionalString(1), promisedOn: promisedOn,
                amount: Money(minor: row.int64(3), currency: row.string(4))))
        }
    }

    /// Snoozes still in force on `from` (they carry no recording date and always count).
    private func loadSnoozes(from: CivilDate, scope: AgendaScope, into byAccount: inout [Int64: Partial]) throws {
        let sql = "SELECT s.account_id, s.kind, s.until FROM snooze s WHERE s.until >= ?1" + scope.byAccountColumn("s.account_id", first: 2)
        try forEachRow(sql, [from] + scope.arguments) { row in
            guard let until = row.date(2) else { throw RapportError.data("snooze: bad until date") }
            let kind = try Self.parse(ReasonKind.self, row.string(1), what: "snooze kind")
            // A snooze alone gives no reason: only attach it to accounts already loaded.
            byAccount[row.int64(0), default: Partial()].snoozes.append(Snooze(account: "", kind: kind, until: until))
        }
    }

    // MARK: helpers

    /// Reads key, name, role, status, birthday, birthday_calendar from `start` on.
    private static func contact(_ row: Row, from start: Int) throws -> Contact {
        try StoredValues.contact(
            key: row.string(start), name: row.string(start + 1), role: row.optionalString(start + 2),
            status: row.string(start + 3), birthday: row.optionalString(start + 4), calendar: row.optionalString(start + 5))
    }

    static func parse<T: RawRepresentable>(_ type: T.Type, _ text: String, what: String) throws -> T where T.RawValue == String {
        try StoredValues.parse(type, text, what: what)
    }
}
