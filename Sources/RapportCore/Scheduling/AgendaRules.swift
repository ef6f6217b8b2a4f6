/// The agenda rules of the spec ("Agenda semantics"), as pure functions of an account's
/// data as of D, the settings and the occasions. No I/O: the storage layer loads
/// `AgendaInput`s, the commands render the items.
public enum AgendaRules {
    /// The agenda of many accounts for D: one item per account with a reason, ranked
    /// (priority 1 … n), not cut to capacity.
    public static func items(for inputs: [AgendaInput], context: AgendaContext) throws -> [AgendaItem] {
        var items: [AgendaItem] = []
        for input in inputs {
            guard var item = try item(for: input, context: context) else { continue }
            item.contact = contactToReach(among: input.contacts)
            items.append(item)
        }
        return AgendaRanking.ranked(items)
    }

    /// One account's item for D, unranked and without its contact to reach; nil when the
    /// account has no reason that day (or did not exist yet).
    public static func item(for input: AgendaInput, context: AgendaContext) throws -> AgendaItem? {
        let date = context.date
        let account = input.account
        guard account.createdOn <= date else { return nil }
        let touches = input.touches

        // One array that each kind appends to (no array per kind and account).
        var reasons: [Reason] = []
        if let checkin = checkinReason(input, context: context) { reasons.append(checkin) }
        try occasionReasons(input, context: context, into: &reasons)
        eventReasons(input, context: context, into: &reasons)
        if !inQuietPeriod(input, context: context) {
            moneyReasons(input, context: context, into: &reasons)
            if let payer = payerReason(input, context: context) { reasons.append(payer) }
        }
        for snooze in input.snoozes where date <= snooze.until { reasons.removeAll { $0.kind == snooze.kind } }
        guard !reasons.isEmpty else { return nil }
        if reasons.count > 1 { reasons.sort(by: displayOrder) }

        var item = AgendaItem(
            date: date, account: account.key, accountName: account.name, rep: account.owner,
            reasons: reasons, daysSinceTouch: touches.last.map { $0.days(to: date) }, tier: account.tier)
        item.score = AgendaRanking.score(item, config: context.config)
        return item
    }

    /// Whom to reach about an item: the current decision-maker, else the first current contact.
    public static func contactToReach(among contacts: [Contact]) -> Contact? {
        contacts.first { $0.status == .current && $0.role == .decisionMaker }
            ?? contacts.first { $0.status == .current }
    }

    // MARK: check-in

    /// Due `cadence` days after the last touch (or after creation when never touched);
    /// any touch moves it. Dormant accounts get none.
    static func checkinReason(_ input: AgendaInput, context: AgendaContext) -> Reason? {
        let account = input.account
        guard account.status == .active else { return nil }
        let cadence = account.cadenceDays ?? context.cadenceDays(tier: account.tier)
        let dueOn = (input.touches.last ?? account.createdOn).adding(days: cadence)
        guard context.date >= dueOn else { return nil }
        return Reason(kind: .checkin, dueOn: dueOn, cadenceDays: cadence)
    }

    // MARK: ordering

    /// A switch, not a dictionary: the sort calls it for every comparison.
    private static func kindOrder(_ kind: ReasonKind) -> Int {
        switch kind {
        case .care: 0
        case .event: 1
        case .holiday: 2
        case .gift: 3
        case .collection: 4
        case .promise: 5
        case .payer: 6
        case .checkin: 7
        }
    }

    /// Reasons within an item: care first, then date-bound, money, payer, check-in; by due date within a kind.
    static func displayOrder(_ a: Reason, _ b: Reason) -> Bool {
        let (ka, kb) = (kindOrder(a.kind), kindOrder(b.kind))
        if ka != kb { return ka < kb }
        if a.dueOn != b.dueOn { return a.dueOn < b.dueOn }
        return (a.occasion ?? a.contact ?? a.title ?? "") < (b.occasion ?? b.contact ?? b.title ?? "")
    }
}
