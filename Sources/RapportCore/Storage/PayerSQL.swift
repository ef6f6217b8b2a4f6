/// SQL both backends' payer reads share (it is the same in SQLite's and PostgreSQL's dialect).
enum PayerSQL {
    /// The day an invoice's payments first reach its amount, from the kept `paid_total`
    /// and `last_paid_on` (payments are positive: an invoice paid exactly is paid off on
    /// its last payment); only an overpaid one has its payments summed day by day
    /// (`payment_invoice`). NULL while they fall short. `alias` names the invoice row.
    static func paidOff(_ alias: String) -> String {
        """
        CASE WHEN \(alias).paid_total = \(alias).amount THEN \(alias).last_paid_on
             WHEN \(alias).paid_total > \(alias).amount THEN (
                SELECT MIN(p.paid_on) FROM payment p WHERE p.invoice_id = \(alias).id
                AND (SELECT SUM(q.amount) FROM payment q WHERE q.invoice_id = \(alias).id AND q.paid_on <= p.paid_on) >= \(alias).amount)
        END
        """
    }
}
