import RapportCore

// The second baseline of `pg-import`: psql's `\copy` of the same CSV files into the same
// tables — Rapport's, made by `rapport init`, with their indexes, keys and triggers — as a
// database administrator would load them by hand: each file into a temporary text table,
// then one INSERT … SELECT resolving the keys by join, one transaction a file. No checks,
// no duplicate rows skipped, no messages: the floor of what loading into these tables costs,
// where the plain-table baseline only measures reading the files.
enum PostgresSameTables {
    /// The psql script loading `files` (kind and path) into Rapport's tables.
    static func script(_ files: [(kind: ImportKind, path: String)]) -> String {
        files.map { file in
            let raw = "csv_\(file.kind.rawValue)"
            return """
                BEGIN;
                CREATE TEMPORARY TABLE \(raw) (\(file.kind.columns.map { "\($0.name) text" }.joined(separator: ", "))) ON COMMIT DROP;
                \\copy \(raw) FROM '\(file.path)' WITH (FORMAT csv, HEADER)
                \(insert(file.kind, from: raw));
                COMMIT;
                """
        }.joined(separator: "\n")
    }

    /// Major units to minor units for the spec data set's currencies.
    private static func minor(_ amount: String, _ currency: String) -> String {
        "round(\(amount)::numeric * CASE \(currency) WHEN 'JPY' THEN 1 WHEN 'KRW' THEN 1 WHEN 'VND' THEN 1 ELSE 100 END)::bigint"
    }

    private static func insert(_ kind: ImportKind, from raw: String) -> String {
        switch kind {
        case .reps:
            return """
                INSERT INTO rep (handle, name, email, phone, manager)
                SELECT handle, name, NULLIF(email, ''), NULLIF(phone, ''), NULLIF(manager, '') FROM \(raw)
                """
        case .accounts:
            return """
                INSERT INTO account (key, name, tier, owner_id, country, region, locale, created_on, status)
                SELECT c.key, c.name, c.tier, r.id, c.country, NULLIF(c.region, ''), NULLIF(c.locale, ''), c.created_on,
                       COALESCE(NULLIF(c.status, ''), 'active')
                FROM \(raw) c JOIN rep r ON r.handle = c.owner
                """
        case .contacts:
            return """
                INSERT INTO contact (key, account_id, name, salutation, title, role, status, phone, email, chat, channel, locale,
                                     birthday, birthday_calendar)
                SELECT c.key, a.id, c.name, NULLIF(c.salutation, ''), NULLIF(c.title, ''), NULLIF(c.role, ''),
                       COALESCE(NULLIF(c.status, ''), 'current'), NULLIF(c.phone, ''), NULLIF(c.email, ''), NULLIF(c.chat, ''),
                       NULLIF(c.channel, ''), NULLIF(c.locale, ''), NULLIF(c.birthday, ''),
                       COALESCE(NULLIF(c.birthday_calendar, ''), 'gregorian')
                FROM \(raw) c JOIN account a ON a.key = c.account
                """
        case .events:
            return """
                INSERT INTO event (account_id, contact_id, kind, title, date, calendar, repeat, sensitive)
                SELECT a.id, p.id, e.kind, e.title, e.date, COALESCE(NULLIF(e.calendar, ''), 'gregorian'), NULLIF(e.repeat, ''),
                       CASE e.sensitive WHEN 'yes' THEN 1 ELSE 0 END
                FROM \(raw) e JOIN account a ON a.key = e.account LEFT JOIN contact p ON p.key = NULLIF(e.contact, '')
                """
        case .touches:
            return """
                INSERT INTO touch (account_id, contact_id, rep_id, date, channel, kind, note)
                SELECT a.id, p.id, r.id, t.date, t.channel, t.kind, NULLIF(t.note, '')
                FROM \(raw) t JOIN account a ON a.key = t.account JOIN rep r ON r.handle = t.rep
                LEFT JOIN contact p ON p.key = NULLIF(t.contact, '')
                """
        case .invoices:
            return """
                INSERT INTO invoice (number, account_id, issued_on, due_on, amount, currency)
                SELECT i.number, a.id, i.issued_on, i.due_on, \(minor("i.amount", "i.currency")), i.currency
                FROM \(raw) i JOIN account a ON a.key = i.account
                """
        case .payments:
            return """
                INSERT INTO payment (invoice_id, paid_on, amount)
                SELECT i.id, p.paid_on, \(minor("p.amount", "i.currency")) FROM \(raw) p JOIN invoice i ON i.number = p.invoice
                """
        case .promises:
            return """
                INSERT INTO promise (account_id, invoice_id, promised_on, amount, currency)
                SELECT a.id, i.id, p.promised_on, \(minor("p.amount", "COALESCE(i.currency, 'CNY')")), COALESCE(i.currency, 'CNY')
                FROM \(raw) p JOIN account a ON a.key = p.account LEFT JOIN invoice i ON i.number = NULLIF(p.invoice, '')
                """
        case .snoozes:
            return """
                INSERT INTO snooze (account_id, kind, until)
                SELECT a.id, s.kind, s.until FROM \(raw) s JOIN account a ON a.key = s.account
                """
        }
    }
}
