import CSQLite

/// The SQL behind payer behaviour (SPEC "Payer behaviour", docs/payers.md): the invoices of
/// `rapport payers` as `PayerInvoice` values; the figures themselves are computed in Swift
/// (`PayerFigures.compute`), so another backend only has to return the same values.
extension Database {
    /// Every invoice `PayerFigures.compute` needs on `date`, for all reps or one: those of
    /// accounts created by `date`, issued by `date`, and either due in [date − 729, date]
    /// or still open at `date`; each with its paid-off date when it is on or before `date`
    /// (else nil) and the payments dated on or before `date`. Also each listed account's
    /// owner handle, by account key.
    public func payerInvoices(asOf date: CivilDate, rep: String?) throws -> (invoices: [PayerInvoice], owners: [String: String]) {
        var repHandles: [Int64: String] = [:]
        try forEachRow("SELECT id, handle FROM rep") { repHandles[$0.int64(0)] = $0.string(1) }
        // ?1 the date, ?2 the start of the year before, ?3 the rep's row id when one is asked.
        var owner: [any SQLBindable] = []
        if let rep {
            guard let id = repHandles.first(where: { $0.value == rep })?.key else { throw try unknownRep(rep) }
            owner = [id]
        }
        // The accounts that exist on the date (and the rep's), by row id: the invoice scan
        // keeps those of these accounts, without a join per invoice.
        var accounts: [Int64: String] = [:]
        var owners: [String: String] = [:]
        let accountSQL = "SELECT a.id, a.key, a.owner_id FROM account a WHERE a.created_on <= ?1" + (rep == nil ? "" : " AND a.owner_id = ?2")
        try forEachRow(accountSQL, [date] + owner) { row in
            let key = row.string(1)
            accounts[row.int64(0)] = key
            owners[key] = repHandles[row.int64(2)] ?? ""
        }
        let sql = """
            SELECT i.account_id, i.number, i.currency, i.issued_on, i.due_on, i.amount, \(PayerSQL.paidOff("i")),
                   CASE WHEN i.last_paid_on IS NULL OR i.last_paid_on <= ?1 THEN i.paid_total
                        ELSE COALESCE((SELECT SUM(p.amount) FROM payment p WHERE p.invoice_id = i.id AND p.paid_on <= ?1), 0) END
            FROM invoice i
            WHERE i.issued_on <= ?1 AND (i.due_on >= ?2 OR i.paid_total < i.amount OR i.last_paid_on > ?1)
            """ + (rep == nil ? "" : " AND i.account_id IN (SELECT id FROM account WHERE owner_id = ?3)")
        var invoices: [PayerInvoice] = []
        var currencies = TextValues()
        try forEachRow(sql, [date, date.adding(days: -729)] + owner) { row in
            guard let account = accounts[row.int64(0)] else { return }
            invoices.append(try PayerSQL.invoice(row, account: account, currency: currencies.text(row, 2) ?? "", asOf: date))
        }
        return (invoices, owners)
    }
}
