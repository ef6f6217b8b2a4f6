/// Invoices with their payments, as of the end of the audited period: the shared base of
/// receivables, the policy what-if and promise outcomes.
public struct InvoiceLedger: Sendable {
    public struct Entry: Sendable {
        public var invoice: Invoice
        public var issuedDay: Int
        public var dueDay: Int
        /// Payments made on or before the ledger date, oldest first (a slice of one shared
        /// buffer: a ledger of 300 000 invoices makes no 300 000 small arrays).
        public var payments: ArraySlice<DatedAmount>

        /// What is owed on day `day`: the amount once issued, less the payments made on or
        /// before that day (negative when overpaid or paid ahead).
        public func balance(onDay day: Int) throws(RapportError) -> Int64 {
            var balance: Int64 = issuedDay <= day ? invoice.amount.minor : 0
            for payment in payments {
                guard payment.day <= day else { break }
                balance = try ExactArithmetic.subtract(balance, payment.amount)
            }
            return balance
        }

        /// Σ over days d in [from, to] with due_on < d and issued_on ≤ d of the amount past
        /// due that day (the balance after that day's payments, never below 0). The balance
        /// only changes on payment days, so this walks payments, not days.
        public func pastDueAmountDays(fromDay from: Int, toDay to: Int) throws(RapportError) -> Int64 {
            let start = max(from, dueDay + 1, issuedDay)
            guard start <= to else { return 0 }
            var balance = try balance(onDay: start)
            var total: Int64 = 0
            var segmentStart = start
            for payment in payments where payment.day > start && payment.day <= to {
                // The balance held on [segmentStart, payment day − 1].
                let span = try ExactArithmetic.multiply(max(0, balance), Int64(payment.day - segmentStart))
                total = try ExactArithmetic.add(total, span)
                balance = try ExactArithmetic.subtract(balance, payment.amount)
                segmentStart = payment.day
            }
            let last = try ExactArithmetic.multiply(max(0, balance), Int64(to - segmentStart + 1))
            return try ExactArithmetic.add(total, last)
        }

        /// Payments made in [from, to].
        public func paid(fromDay from: Int, toDay to: Int) throws(RapportError) -> Int64 {
            var total: Int64 = 0
            for payment in payments where payment.day >= from && payment.day <= to {
                total = try ExactArithmetic.add(total, payment.amount)
            }
            return total
        }
    }

    /// An amount on a day (`CivilDate.dayNumber`).
    public struct DatedAmount: Hashable, Sendable {
        public var day: Int
        public var amount: Int64
        public init(day: Int, amount: Int64) {
            self.day = day
            self.amount = amount
        }
    }

    /// Invoices issued on or before the ledger date, in input order.
    public private(set) var entries: [Entry]
    private var indexByNumber: [String: Int]
    public let asOf: CivilDate

    /// Keeps the invoices issued on or before `asOf` (later ones do not exist yet) that
    /// `including` accepts, with the payments made on or before `asOf`; payments on other
    /// invoices are ignored.
    public init(
        invoices: [Invoice], payments: [Payment], asOf: CivilDate, including: (Invoice) -> Bool = { _ in true }
    ) {
        self.asOf = asOf
        let last = asOf.dayNumber
        entries = []
        entries.reserveCapacity(invoices.count)
        indexByNumber = Dictionary(minimumCapacity: invoices.count)
        for invoice in invoices where invoice.issuedOn <= asOf && including(invoice) {
            indexByNumber[invoice.number] = entries.count
            entries.append(Entry(
                invoice: invoice, issuedDay: invoice.issuedOn.dayNumber, dueDay: invoice.dueOn.dayNumber, payments: []))
        }
        // Payments grouped by entry in one flat buffer: count, place, then sort each slice.
        var owner = [Int](repeating: -1, count: payments.count)
        var starts = [Int](repeating: 0, count: entries.count + 1)
        for (p, payment) in payments.enumerated() where payment.paidOn.dayNumber <= last {
            guard let index = indexByNumber[payment.invoice] else { continue }
            owner[p] = index
            starts[index + 1] += 1
        }
        for index in starts.indices.dropFirst() { starts[index] += starts[index - 1] }
        var flat = [DatedAmount](repeating: DatedAmount(day: 0, amount: 0), count: starts.last ?? 0)
        var cursor = starts
        for (p, index) in owner.enumerated() where index >= 0 {
            flat[cursor[index]] = DatedAmount(day: payments[p].paidOn.dayNumber, amount: payments[p].amount)
            cursor[index] += 1
        }
        for index in entries.indices where starts[index + 1] - starts[index] > 1 {
            flat[starts[index]..<starts[index + 1]].sort { $0.day < $1.day }
        }
        for index in entries.indices where starts[index + 1] > starts[index] {
            entries[index].payments = flat[starts[index]..<starts[index + 1]]
        }
    }

    public func entry(number: String) -> Entry? { indexByNumber[number].map { entries[$0] } }
}
