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

extension PayerSQL {
    /// A row of the `rapport payers` invoice read (account row id, number, currency,
    /// issued_on, due_on, amount, paid-off date, paid by `date`) as a `PayerInvoice` of
    /// `account`; the currency as the caller read it.
    static func invoice(_ row: some StoredRow, account: String, currency: String, asOf date: CivilDate) throws -> PayerInvoice {
        let number = row.string(1)
        guard let issued = row.date(3), let due = row.date(4) else {
            throw RapportError.data("invoice \(number): bad issued_on or due_on")
        }
        return PayerInvoice(
            account: account, number: number, currency: currency, issuedOn: issued, dueOn: due,
            amount: row.int64(5), paidOffOn: row.date(6).flatMap { $0 <= date ? $0 : nil }, paid: row.int64(7))
    }
}

/// The agenda's payer source made into histories from its two reads' rows, the same way
/// for every backend (`Database.agendaPayerHistories`, `PostgresDatabase.agendaPayerHistories`).
struct PayerSourceRows {
    let from: CivilDate
    let through: CivilDate
    private var paid: [Int64: [PaidInvoice]] = [:]
    private var histories: [Int64: PayerHistory] = [:]
    private var lastBefore: [Int64: CivilDate] = [:]

    init(from: CivilDate, through: CivilDate) {
        self.from = from
        self.through = through
    }

    /// A row of the paid-invoice read: account row id, number, due_on, paid-off date.
    mutating func addInvoice(_ row: some StoredRow) throws {
        guard let due = row.date(2) else { throw RapportError.data("invoice \(row.string(1)): bad due_on") }
        guard let paidOff = row.date(3), paidOff <= through else { return }
        paid[row.int64(0), default: []].append(PaidInvoice(number: row.string(1), dueOn: due, paidOffOn: paidOff))
    }

    /// After the invoices: the accounts with six paid off by the last day, whose closing
    /// touches are read next (row ids, ascending).
    mutating func chosenAccounts() -> [Int64] {
        for (id, invoices) in paid where invoices.count >= 6 {
            // Six before the range are all any day of it can look back to.
            let before = invoices.filter { $0.paidOffOn < from }.sorted(by: PaidInvoice.paidEarlier).suffix(6)
            histories[id] = PayerHistory(paidOff: Array(before) + invoices.filter { $0.paidOffOn >= from })
        }
        paid = [:]
        return histories.keys.sorted()
    }

    /// A row of the touch read: account row id, date.
    mutating func addTouch(_ row: some StoredRow) {
        guard let date = row.date(1) else { return }
        let id = row.int64(0)
        if date >= from {
            histories[id]?.contactTouches.append(date)
        } else if lastBefore[id].map({ date > $0 }) ?? true {
            lastBefore[id] = date
        }
    }

    /// The histories, each with the last closing touch before the range.
    mutating func finish() -> [Int64: PayerHistory] {
        for (id, date) in lastBefore { histories[id]?.contactTouches.append(date) }
        lastBefore = [:]
        return histories
    }
}
