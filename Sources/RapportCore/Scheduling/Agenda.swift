/// The agenda's entry points: load the data as of the date(s) from the database, apply the
/// rules, rank. What `today`, `agenda` and `drafts` call.

/// The ranked, uncut agenda of `date` for every account, or for the accounts `rep` owns.
/// Each item carries its contact to reach; capacity is applied by the caller
/// (`AgendaRanking.cut`).
public func agendaItems(
    db: any RapportStore, config: RapportConfig, occasions: any OccasionSource, date: CivilDate, rep: String?
) throws -> [AgendaItem] {
    try db.agendaDays(config: config, occasions: occasions, from: date, through: date, rep: rep).first?.items ?? []
}

/// The ranked, uncut agenda of each day of [from, through], loaded in one pass.
public func agendaDays(
    db: Database, config: RapportConfig, occasions: any OccasionSource, from: CivilDate, through: CivilDate, rep: String?
) throws -> [AgendaDay] {
    try agendaDays(db: db, config: config, occasions: occasions, from: from, through: through, rep: rep, splitFrom: 8_192)
}

/// `agendaDays`, over all reps in two halves of the account row ids when there are at least
/// `splitFrom` of them: the second half is loaded (on a second, read-only connection),
/// computed and ranked on another core meanwhile, then the two ranked lists are merged.
/// The sources found by date rather than by account are read once for both halves, the
/// two threads taking the reads from one queue (`AgendaSourceTasks`), each half waiting
/// for the other's share before its account pass. WAL readers do not block each other; each statement reads its
/// own snapshot either way, so two connections add no inconsistency. One rep's few rows, an
/// in-memory or URI database, or a call inside a transaction load in one part.
func agendaDays(
    db: Database, config: RapportConfig, occasions: any OccasionSource, from: CivilDate, through: CivilDate, rep: String?,
    splitFrom: Int64
) throws -> [AgendaDay] {
    let context = AgendaContext(date: from, config: config, occasions: occasions)
    guard let plan = try db.agendaPlan(from: from, through: through, rep: rep, context: context) else { return [] }
    let path = db.path
    // (Inside a transaction the second connection would not see its changes.)
    guard plan.repID == nil, plan.accountIDs.upperBound - plan.accountIDs.lowerBound + 1 >= splitFrom,
          !path.isEmpty, path != ":memory:", !path.hasPrefix("file:"), !db.isInTransaction,
          let second = try? Database(path: path, mode: .readOnly) else {
        return try agendaPart(db: db, plan: plan, ids: plan.accountIDs, context: context)
    }
    // A little less for this thread, which merges the two lists at the end (0.48 measured
    // better than 0.52 on the spec-scale database; since the source reads come from one
    // queue, 0.48 and 0.5 measure the same within the machine's noise).
    let (lower, upper) = plan.split(share: 0.48)
    // Each thread reads a share of the sources from one queue of reads, then its part.
    let (tasks, mine, theirs) = (AgendaSourceTasks(), Handoff<Database.AgendaSources>(), Handoff<Database.AgendaSources>())
    // The second connection is used by the other thread only from here on.
    let connection = Unshared(second)
    let background = BackgroundWork { () -> [AgendaDay] in
        let db = connection.value
        theirs.publish(Result { try db.agendaSharedSources(plan, tasks) })
        return try agendaPart(
            db: db, plan: plan, ids: upper, shared: [mine, theirs],
            context: AgendaContext(date: from, config: config, occasions: occasions))
    }
    mine.publish(Result { try db.agendaSharedSources(plan, tasks) })
    var days = try agendaPart(db: db, plan: plan, ids: lower, shared: [mine, theirs], context: context)
    var rest = try background.wait()
    for index in rest.indices {
        // Taken out of the days, so that the merge moves the items (a list still held by
        // its day would be copied on the first change).
        var (mine, theirs): ([AgendaItem], [AgendaItem]) = ([], [])
        swap(&mine, &days[index].items)
        swap(&theirs, &rest[index].items)
        days[index].items = AgendaRanking.merged(&mine, &theirs)
    }
    return days
}

/// The ranked days of the accounts whose row id is in `ids`, with their contacts to reach
/// (read for the accounts that have an item only).
private func agendaPart(
    db: Database, plan: AgendaPlan, ids: ClosedRange<Int64>, shared: [Handoff<Database.AgendaSources>] = [], context: AgendaContext
) throws -> [AgendaDay] {
    // Over all reps most accounts of the range have an item on a busy day: room for them
    // up front, so the lists are not moved again and again as they grow.
    let capacity = plan.repID == nil ? Int(min(ids.upperBound - ids.lowerBound + 1, 1 << 20)) : 0
    var lists = AgendaDayLists(from: plan.from, through: plan.through, context: context, capacity: capacity)
    // Each history's items are made as the account pass reads it; the origin of an item is
    // its contact to reach.
    try db.agendaLoad(plan, ids: ids, shared: shared) { history, reachContactID in
        try lists.add(history, origin: reachContactID)
    }
    // The contact to reach of each item (read once per contact, shared by its items of
    // every day of the range), then the ranking.
    var days = lists.takeDays()
    var requests: [(id: Int64, account: String)] = []
    requests.reserveCapacity(lists.origins.reduce(0) { $0 + $1.count })
    for (day, origins) in lists.origins.enumerated() {
        days[day].items.withUnsafeBufferPointer { items in
            for (slot, origin) in origins.enumerated() { requests.append((origin, items[slot].account)) }
        }
    }
    var boxes = try db.agendaContacts(requests)[...]
    for day in days.indices {
        days[day].items.withUnsafeMutableBufferPointer { items in
            for slot in items.indices { items[slot].reach = boxes.popFirst() ?? nil }
        }
    }
    for index in days.indices {
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
        var lists = AgendaDayLists(from: from, through: through, context: context, capacity: histories.count)
        for index in histories.indices { try lists.add(histories[index], origin: Int64(index)) }
        return lists.takeDays()
    }
}

/// The unranked items of each day of a range, added history by history, each with an
/// origin the caller gives (where the history came from).
struct AgendaDayLists {
    private let contexts: [AgendaContext]
    private var items: [[AgendaItem]]
    /// Per day, the origin of each item.
    private(set) var origins: [[Int64]]

    init(from: CivilDate, through: CivilDate, context: AgendaContext, capacity: Int) {
        var contexts: [AgendaContext] = []
        var date = from
        while date <= through {
            contexts.append(context.on(date))
            date = date.adding(days: 1)
        }
        self.contexts = contexts
        items = contexts.map { _ in
            var list: [AgendaItem] = []
            list.reserveCapacity(capacity)
            return list
        }
        origins = contexts.map { _ in
            var list: [Int64] = []
            list.reserveCapacity(capacity)
            return list
        }
    }

    /// The history's item of each day of the range on which it has one.
    mutating func add(_ history: borrowing AgendaHistory, origin: Int64) throws {
        for day in contexts.indices {
            let context = contexts[day]
            guard var item = try AgendaRules.item(for: history.input(asOf: context.date), context: context) else { continue }
            item.reach = history.reach
            items[day].append(item)
            origins[day].append(origin)
        }
    }

    /// The days, their lists moved out (a list still held here would be copied on the
    /// first change).
    mutating func takeDays() -> [AgendaDay] {
        var days: [AgendaDay] = []
        for day in contexts.indices {
            var list: [AgendaItem] = []
            swap(&list, &items[day])
            days.append(AgendaDay(date: contexts[day].date, items: consume list))
        }
        return days
    }
}

/// A value handed to one other thread, which alone uses it from then on (a database
/// connection opened here, used there).
struct Unshared<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
