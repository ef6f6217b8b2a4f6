/// Payer behaviour from PostgreSQL: the same values as Database+Payers.swift and
/// Database+AgendaPayers.swift return (docs/payers.md, "Storage"), read by the same
/// queries in PostgreSQL's dialect.
extension PostgresDatabase {
    public func payerInvoices(asOf date: CivilDate, rep: String?) throws -> (invoices: [PayerInvoice], owners: [String: String]) {
        try mapErrors {
            var repHandles: [Int64: String] = [:]
            try connection.forEachRow("SELECT id, handle FROM rep") { repHandles[$0.int64(0)] = $0.string(1) }
            let scope = try PostgresAgendaScope(rep: rep, repHandles: repHandles, unknown: unknownRep)
            var accounts: [Int64: String] = [:]
            var owners: [String: String] = [:]
            try connection.forEachRow(
                "SELECT a.id, a.key, a.owner_id FROM account a WHERE a.created_on <= $1" + scope.filter("a.id", parameter: 2),
                [date] + scope.arguments
            ) { row in
                let key = row.string(1)
                accounts[row.int64(0)] = key
                owners[key] = repHandles[row.int64(2)] ?? ""
            }
            var invoices: [PayerInvoice] = []
            try connection.forEachRow("""
                SELECT i.account_id, i.number, i.currency, i.issued_on, i.due_on, i.amount, \(PayerSQL.paidOff("i")),
                       CASE WHEN i.last_paid_on IS NULL OR i.last_paid_on <= $1 THEN i.paid_total
                            ELSE COALESCE((SELECT SUM(p.amount) FROM payment p WHERE p.invoice_id = i.id AND p.paid_on <= $1), 0) END
                FROM invoice i
                WHERE i.issued_on <= $1 AND (i.due_on >= $2 OR i.paid_total < i.amount OR i.last_paid_on > $1)
                """ + scope.filter("i.account_id", parameter: 3) + " ORDER BY i.id",
                [date, date.adding(days: -729)] + scope.arguments
            ) { row in
                guard let account = accounts[row.int64(0)] else { return }
                invoices.append(try PayerSQL.invoice(row, account: account, currency: row.string(2), asOf: date))
            }
            return (invoices, owners)
        }
    }

    /// The agenda's payer source over [from, through], by account row id: as
    /// `Database.agendaPayerHistories`, for accounts of `payer.tiers` with at least six
    /// invoices paid off by `through`.
    func agendaPayerHistories(
        from: CivilDate, through: CivilDate, config: RapportConfig, scope: PostgresAgendaScope
    ) throws -> [Int64: PayerHistory] {
        guard !config.payerTiers.isEmpty else { return [:] }
        var rows = PayerSourceRows(from: from, through: through)
        try connection.forEachRow("""
            WITH counted AS MATERIALIZED (
                SELECT account_id FROM invoice
                WHERE paid_total >= amount\(scope.filter("account_id", parameter: 3))
                GROUP BY account_id HAVING COUNT(*) >= 6),
            chosen AS MATERIALIZED (
                SELECT c.account_id FROM counted c JOIN account a ON a.id = c.account_id
                WHERE a.tier = ANY($2::text[]))
            SELECT i.account_id, i.number, i.due_on, \(PayerSQL.paidOff("i")) AS paid_off
            FROM chosen c JOIN invoice i ON i.account_id = c.account_id
            WHERE i.paid_total >= i.amount AND (i.last_paid_on <= $1 OR i.paid_total > i.amount) AND i.issued_on <= $1
            ORDER BY i.account_id, i.id
            """, [through, PostgresArray.text(config.payerTiers.sorted())] + scope.arguments
        ) { try rows.addInvoice($0) }
        let chosen = rows.chosenAccounts()
        guard !chosen.isEmpty else { return [:] }
        try connection.forEachRow("""
            SELECT t.account_id, t.date FROM touch t
            JOIN contact c ON c.id = t.contact_id AND c.account_id = t.account_id
            WHERE t.account_id = ANY($1::bigint[]) AND t.kind IN ('visit', 'checkin') AND t.date <= $2
              AND c.role IN ('decision-maker', 'finance')
            """, [PostgresArray.integers(chosen), through]
        ) { rows.addTouch($0) }
        return rows.finish()
    }
}
