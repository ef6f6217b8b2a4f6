import CSQLite

/// The agenda's `payer` source (AgendaSourceTasks `.payers`): per account that can have the
/// reason in [from, through], the `PayerHistory` — read in two set-based queries, for a
/// few accounts only (those of `payer.tiers` with at least 6 invoices paid off by the last
/// day), never a query per account.
extension Database {
    /// The payer histories of the accounts of `window.scope`, by account row id.
    ///
    /// Returns, for each account of `payer.tiers` with at least 6 invoices whose payments
    /// reach the amount by `through`: `paidOff` — the last 6 such invoices paid off before
    /// `from` (by paid-off date, due date, number) and every one paid off in [from,
    /// through], each `(number, due_on, paid_off_on)`; `contactTouches` — the date of the
    /// last `visit` or `checkin` touch before `from` with a contact of the account whose
    /// role is `decision-maker` or `finance`, and of every such touch in [from, through].
    func agendaPayerHistories(_ window: AgendaSourceWindow) throws -> [Int64: PayerHistory] {
        let (from, through, config, scope) = (window.from, window.through, window.config, window.scope)
        guard !config.payerTiers.isEmpty else { return [:] }
        // The count reads `invoice_paid_off` alone when it is there (not named: a file not
        // yet migrated must still give its agenda), partial, by account: every invoice paid
        // in full, whenever — a superset); only the few accounts with six have their rows
        // read, those paid off by the last day. An overpaid invoice may be paid off before
        // its last payment, so it is read whatever its last payment date.
        let sql = """
            WITH counted AS MATERIALIZED (
                SELECT account_id FROM invoice
                WHERE paid_total >= amount\(scope.byAccountColumn("account_id", first: 4))
                GROUP BY account_id HAVING COUNT(*) >= 6),
            chosen AS MATERIALIZED (
                SELECT c.account_id FROM counted c JOIN account a ON a.id = c.account_id
                WHERE a.tier IN (SELECT value FROM json_each(?3)))
            SELECT i.account_id, i.number, i.due_on, \(PayerSQL.paidOff("i")) AS paid_off
            FROM chosen c JOIN invoice i ON i.account_id = c.account_id
            WHERE i.paid_total >= i.amount AND (i.last_paid_on <= ?2 OR i.paid_total > i.amount) AND i.issued_on <= ?2
            ORDER BY i.account_id
            """
        var rows = PayerSourceRows(from: from, through: through)
        try forEachRow(sql, [from, through, Self.jsonArray(config.payerTiers.sorted())] + scope.arguments) { try rows.addInvoice($0) }
        let chosen = rows.chosenAccounts()
        guard !chosen.isEmpty else { return [:] }
        let touchSQL = """
            SELECT t.account_id, t.date FROM json_each(?1) j
            JOIN touch t ON t.account_id = j.value
            JOIN contact c ON c.id = t.contact_id AND c.account_id = t.account_id
            WHERE t.kind IN ('visit', 'checkin') AND t.date <= ?2 AND c.role IN ('decision-maker', 'finance')
            """
        try forEachRow(touchSQL, [Self.jsonArray(chosen), through]) { rows.addTouch($0) }
        return rows.finish()
    }
}
