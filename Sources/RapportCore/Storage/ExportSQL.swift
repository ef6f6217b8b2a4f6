/// What `rapport export` reads, the same SQL on both backends: per kind, one query whose
/// first columns are the kind's CSV columns in order (`ImportKind.columns`), with keys,
/// handles and invoice numbers in place of row ids, and the rows in the order they were
/// added (row id) — the order the agenda and drafts break ties by (an account's first
/// contact, the invoice paid off first on a day), which an import of the file keeps. An
/// amount's currency comes after the CSV columns, for its decimals.
enum ExportSQL {
    /// How one CSV cell is made from the query's row.
    enum Cell: Equatable {
        /// The column's text as stored (empty for NULL).
        case text(Int)
        /// Minor units in column `Int` as a major-unit decimal in the currency of column `currency`.
        case amount(Int, currency: Int)
        /// A 0/1 flag as `no`/`yes`.
        case yesNo(Int)
    }

    struct Query {
        let sql: String
        let cells: [Cell]
    }

    static func query(_ kind: ImportKind) -> Query {
        func texts(_ count: Int) -> [Cell] { (0..<count).map(Cell.text) }
        switch kind {
        case .reps:
            return Query(sql: "SELECT handle, name, email, phone, manager FROM rep ORDER BY id", cells: texts(5))
        case .accounts:
            return Query(sql: """
                SELECT a.key, a.name, a.tier, r.handle, a.country, a.region, a.locale, a.created_on, a.status
                FROM account a JOIN rep r ON r.id = a.owner_id ORDER BY a.id
                """, cells: texts(9))
        case .contacts:
            return Query(sql: """
                SELECT c.key, a.key, c.name, c.salutation, c.title, c.role, c.status, c.phone, c.email, c.chat,
                       c.channel, c.locale, c.birthday, c.birthday_calendar
                FROM contact c JOIN account a ON a.id = c.account_id ORDER BY c.id
                """, cells: texts(14))
        case .events:
            return Query(sql: """
                SELECT a.key, c.key, e.kind, e.title, e.date, e.calendar, e.repeat, e.sensitive
                FROM event e JOIN account a ON a.id = e.account_id LEFT JOIN contact c ON c.id = e.contact_id
                ORDER BY e.id
                """, cells: texts(7) + [.yesNo(7)])
        case .touches:
            return Query(sql: """
                SELECT a.key, c.key, r.handle, t.date, t.channel, t.kind, t.note
                FROM touch t JOIN account a ON a.id = t.account_id LEFT JOIN contact c ON c.id = t.contact_id
                JOIN rep r ON r.id = t.rep_id
                ORDER BY t.id
                """, cells: texts(7))
        case .invoices:
            return Query(sql: """
                SELECT i.number, a.key, i.issued_on, i.due_on, i.amount, i.currency
                FROM invoice i JOIN account a ON a.id = i.account_id ORDER BY i.id
                """, cells: texts(4) + [.amount(4, currency: 5), .text(5)])
        case .payments:
            return Query(sql: """
                SELECT i.number, p.paid_on, p.amount, i.currency
                FROM payment p JOIN invoice i ON i.id = p.invoice_id ORDER BY p.id
                """, cells: texts(2) + [.amount(2, currency: 3)])
        case .promises:
            // The promise's own currency: the one its amount was read in.
            return Query(sql: """
                SELECT a.key, i.number, p.promised_on, p.amount, p.currency
                FROM promise p JOIN account a ON a.id = p.account_id LEFT JOIN invoice i ON i.id = p.invoice_id
                ORDER BY p.id
                """, cells: texts(3) + [.amount(3, currency: 4)])
        case .snoozes:
            return Query(sql: """
                SELECT a.key, s.kind, s.until FROM snooze s JOIN account a ON a.id = s.account_id ORDER BY s.id
                """, cells: texts(3))
        }
    }

    /// Fills `record` with the cells of `row`.
    static func fill(_ record: inout ExportRecord, from row: some StoredRow, _ cells: [Cell]) {
        record.removeAll()
        for cell in cells {
            switch cell {
            case .text(let index):
                record.append(row.bytes(index))
            case .amount(let index, let currency):
                record.append(Currency.plain(row.int64(index), currency: row.string(currency)))
            case .yesNo(let index):
                record.append(row.bool(index) ? "yes" : "no")
            }
        }
    }
}
