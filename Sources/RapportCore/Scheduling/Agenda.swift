/// The agenda's entry points: load the data as of the date(s) from the database, apply the
/// rules, rank. What `today`, `agenda` and `drafts` call.

/// The ranked, uncut agenda of `date` for every account, or for the accounts `rep` owns.
/// Each item carries its contact to reach; capacity is applied by the caller
/// (`AgendaRanking.cut`).
public func agendaItems(
    db: Database, config: RapportConfig, occasions: any OccasionSource, date: CivilDate, rep: String?
) throws -> [AgendaItem] {
    try agendaDays(db: db, config: config, occasions: occasions, from: date, through: date, rep: rep).first?.items ?? []
}

/// The ranked, uncut agenda of each day of [from, through], loaded in one pass.
public func agendaDays(
    db: Database, config: RapportConfig, occasions: any OccasionSource, from: CivilDate, through: CivilDate, rep: String?
) throws -> [AgendaDay] {
    let context = AgendaContext(date: from, config: config, occasions: occasions)
    let histories = try db.agendaHistories(from: from, through: through, rep: rep, context: context)
    // Many accounts: the rules of the second half run on another core meanwhile (each half
    // with its own context: a context's caches are not shared across threads).
    guard histories.count >= 8_192 else { return try AgendaRules.days(histories, from: from, through: through, context: context) }
    let half = histories.count / 2
    let tail = histories[half...]
    let background = BackgroundWork {
        try AgendaRules.unrankedDays(tail, from: from, through: through, context: AgendaContext(date: from, config: config, occasions: occasions))
    }
    var days = try AgendaRules.unrankedDays(histories[..<half], from: from, through: through, context: context)
    let rest = try background.wait()
    for index in days.indices {
        days[index].items.append(contentsOf: rest[index].items)
        AgendaRanking.rank(&days[index].items)
    }
    return days
}

/// One day's ranked items.
public struct AgendaDay: Sendable, Hashable {
    public var date: CivilDate
    public var items: [AgendaItem]

    public init(date: CivilDate, items: [AgendaItem]) {
        self.date = date
        self.items = items
    }
}

extension AgendaRules {
    /// The ranked agenda of each day of [from, through] from the accounts' histories.
    public static func days(_ histories: [AgendaHistory], from: CivilDate, through: CivilDate, context: AgendaContext) throws -> [AgendaDay] {
        var days = try unrankedDays(histories[...], from: from, through: through, context: context)
        for index in days.indices { AgendaRanking.rank(&days[index].items) }
        return days
    }

    /// Each day's items, in the histories' order (priority not set).
    static func unrankedDays(
        _ histories: ArraySlice<AgendaHistory>, from: CivilDate, through: CivilDate, context: AgendaContext
    ) throws -> [AgendaDay] {
        var days: [AgendaDay] = []
        var date = from
        while date <= through {
            let dayContext = context.on(date)
            var items: [AgendaItem] = []
            items.reserveCapacity(histories.count)
            try histories.withUnsafeBufferPointer { histories in
                for index in histories.indices {
                    guard var item = try item(for: histories[index].input(asOf: date), context: dayContext) else { continue }
                    item.contact = histories[index].contactToReach
                    items.append(item)
                }
            }
            days.append(AgendaDay(date: date, items: consume items))
            date = date.adding(days: 1)
        }
        return days
    }
}
