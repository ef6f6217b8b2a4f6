extension AgendaRules {
    /// Collection and promise reasons (the caller has already applied the quiet period).
    static func moneyReasons(_ input: AgendaInput, context: AgendaContext, into reasons: inout [Reason]) {
        let date = context.date
        guard !input.invoices.isEmpty else { return }
        let open = input.invoices.filter { $0.invoice.issuedOn <= date && $0.isOpen }
        guard !open.isEmpty else { return }

        // An unbroken promise (D ≤ promised_on) holds off collection for what it covers.
        let unbroken = input.promises.filter { date <= $0.promisedOn }
        if !unbroken.contains(where: { $0.invoice == nil }) {
            let chased = unbroken.isEmpty ? open : open.filter { balance in !unbroken.contains { $0.invoice == balance.invoice.number } }
            if let collection = collectionReason(chased, input: input, context: context) { reasons.append(collection) }
        }

        // A broken promise (D > promised_on) while what it covers is still open.
        for promise in input.promises where date > promise.promisedOn {
            let covered = promise.invoice.map { number in open.filter { $0.invoice.number == number } } ?? open
            let dueOn = promise.promisedOn.adding(days: 1)
            guard !covered.isEmpty, !input.touches.hasCollection(since: dueOn) else { continue }
            // Oldest due first, then by number: the order does not depend on how the
            // invoices were loaded (a replayed day lists them as that day did).
            let ordered = covered.count < 2 ? covered : covered.sorted(by: oldestDueFirst)
            reasons.append(Reason(
                kind: .promise, dueOn: dueOn, invoices: ordered.map { openInvoice($0, date: date) }, promise: promise))
        }
    }

    /// One reason for the account: per invoice the highest level reached counts, unless a
    /// collection touch since that level's date already dealt with it; the reason names
    /// the highest level left, due on the earliest date any invoice reached it.
    static func collectionReason(_ open: [InvoiceBalance], input: AgendaInput, context: AgendaContext) -> Reason? {
        let date = context.date
        var pending: [(level: CollectionLevel, reached: CivilDate, invoice: InvoiceBalance)] = []
        for balance in open {
            guard let (level, reached) = highestLevel(dueOn: balance.invoice.dueOn, ladder: context.ladder, date: context.dayNumber),
                  !input.touches.hasCollection(since: reached) else { continue }
            pending.append((level, reached, balance))
        }
        guard var top = pending.first else { return nil }
        for entry in pending.dropFirst() where entry.level.ladderRank > top.level.ladderRank
            || (entry.level == top.level && entry.reached < top.reached) {
            top = entry
        }
        // Highest level first, then the oldest due date, then the number.
        if pending.count > 1 {
            pending.sort { $0.level != $1.level ? $0.level.ladderRank > $1.level.ladderRank : oldestDueFirst($0.invoice, $1.invoice) }
        }
        return Reason(
            kind: .collection, dueOn: top.reached, level: top.level,
            invoices: pending.map { openInvoice($0.invoice, date: date) })
    }

    /// The highest level of the ladder whose date (due_on + offset) is on or before D, on
    /// day numbers, with the ladder's levels that have an offset, highest first
    /// (`AgendaContext.ladder`): no dictionary look-up or date built per level and invoice.
    static func highestLevel(dueOn: CivilDate, ladder: [(level: CollectionLevel, offset: Int)], date: Int) -> (CollectionLevel, CivilDate)? {
        let due = dueOn.dayNumber
        for step in ladder where due + step.offset <= date {
            return (step.level, CivilDate(dayNumber: due + step.offset))
        }
        return nil
    }

    /// Invoices listed in a reason: the oldest due date first, then by number.
    static func oldestDueFirst(_ a: InvoiceBalance, _ b: InvoiceBalance) -> Bool {
        a.invoice.dueOn != b.invoice.dueOn ? a.invoice.dueOn < b.invoice.dueOn : a.invoice.number < b.invoice.number
    }

    static func openInvoice(_ balance: InvoiceBalance, date: CivilDate) -> OpenInvoice {
        OpenInvoice(invoice: balance.invoice, balance: balance.balance, daysOverdue: balance.invoice.dueOn.days(to: date))
    }
}

extension CollectionLevel {
    /// The place on the ladder (reminder 1 … notice 5), without `allCases` (an array built
    /// per call): the rules and the ranking ask it for every invoice.
    var ladderRank: Int {
        switch self {
        case .reminder: 1
        case .overdue: 2
        case .second: 3
        case .escalation: 4
        case .notice: 5
        }
    }

    static let descendingLadder: [CollectionLevel] = allCases.reversed()
}
