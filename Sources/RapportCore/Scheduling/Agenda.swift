/// The agenda's entry points: load the data as of the date(s) from the database, apply the
/// rules, rank. What `today`, `agenda` and `drafts` call.

/// The ranked, uncut agenda of `date` for every account, or for the accounts `rep` owns.
/// Each item carries its contact to reach; capacity is applied by the caller
/// (`AgendaRanking.cut`).
public func agendaItems(
    db: any RapportStore, config: RapportConfig, occasions: any OccasionSource, date: CivilDate, rep: String?
) throws -> [AgendaItem] {
    var items: [AgendaItem] = []
    try db.forEachAgendaDay(config: config, occasions: occasions, from: date, through: date, rep: rep) { items = $0.items }
    return items
}

/// The ranked, uncut agenda of each day of [from, through], loaded in one pass, all days
/// held at once (`forEachAgendaDay` hands them over one at a time instead).
public func agendaDays(
    db: Database, config: RapportConfig, occasions: any OccasionSource, from: CivilDate, through: CivilDate, rep: String?
) throws -> [AgendaDay] {
    try db.agendaDays(config: config, occasions: occasions, from: from, through: through, rep: rep)
}

/// `forEachAgendaDay`'s days collected (tests choose where the split starts).
func agendaDays(
    db: Database, config: RapportConfig, occasions: any OccasionSource, from: CivilDate, through: CivilDate, rep: String?,
    splitFrom: Int64
) throws -> [AgendaDay] {
    var days: [AgendaDay] = []
    try forEachAgendaDay(db: db, config: config, occasions: occasions, from: from, through: through, rep: rep, splitFrom: splitFrom) {
        days.append($0)
    }
    return days
}

/// The ranked, uncut agenda of each day of [from, through], handed to `body` in date order
/// as soon as it is computed. The data is loaded once for the range and the histories kept
/// for its later days; each day's items are made, handed over and dropped before the next
/// day's, so a week holds one day's items (and the next one's half, being made), not seven.
///
/// Over all reps, when there are at least `splitFrom` account row ids, the accounts are
/// taken in two halves of their row ids: the second half is loaded (on a second, read-only
/// connection), computed and ranked on another core, day by day a day ahead of this
/// thread, and each day's two ranked lists are merged. The sources found by date rather
/// than by account are read once for both halves, the two threads taking the reads from
/// one queue (`AgendaSourceTasks`), each half waiting for the other's share before its
/// account pass. WAL readers do not block each other; each statement reads its own
/// snapshot either way, so two connections add no inconsistency. One rep's few rows, an
/// in-memory or URI database, or a call inside a transaction load in one part.
func forEachAgendaDay(
    db: Database, config: RapportConfig, occasions: any OccasionSource, from: CivilDate, through: CivilDate, rep: String?,
    splitFrom: Int64, _ body: (AgendaDay) throws -> Void
) throws {
    let context = AgendaContext(date: from, config: config, occasions: occasions)
    guard let plan = try db.agendaPlan(from: from, through: through, rep: rep, context: context) else { return }
    let dates = plan.dates
    let path = db.path
    // (Inside a transaction the second connection would not see its changes.)
    guard plan.repID == nil, plan.accountIDs.upperBound - plan.accountIDs.lowerBound + 1 >= splitFrom,
          !path.isEmpty, path != ":memory:", !path.hasPrefix("file:"), !db.isInTransaction,
          let second = try? Database(path: path, mode: .readOnly) else {
        var part = try AgendaPart(db: db, plan: plan, ids: plan.accountIDs, context: context)
        for (index, date) in dates.enumerated() {
            try body(AgendaDay(date: date, items: try part.day(index, db: db)))
        }
        return
    }
    // A little less for this thread, which merges the two lists of each day (0.48 measured
    // better than 0.52 on the spec-scale database; since the source reads come from one
    // queue, 0.48 and 0.5 measure the same within the machine's noise).
    let (lower, upper) = plan.split(share: 0.48)
    // Each thread reads a share of the sources from one queue of reads, then its part.
    let (tasks, mine, theirs) = (AgendaSourceTasks(), Handoff<Database.AgendaSources>(), Handoff<Database.AgendaSources>())
    // The other half's ranked days, in date order; it makes the next while this thread
    // merges and hands over the last (room for one: at most a day ahead).
    let upperDays = HandoffQueue<[AgendaItem]>(capacity: 1)
    // The second connection is used by the other thread only from here on.
    let connection = Unshared(second)
    let background = BackgroundWork { () -> Void in
        let db = connection.value
        theirs.publish(Result { try db.agendaSharedSources(plan, tasks) })
        do {
            var part = try AgendaPart(
                db: db, plan: plan, ids: upper, shared: [mine, theirs],
                context: AgendaContext(date: from, config: config, occasions: occasions))
            for index in dates.indices {
                guard upperDays.put(Result { try part.day(index, db: db) }) else { return }
            }
        } catch {
            _ = upperDays.put(.failure(error))
        }
    }
    // However this ends (the body may throw), the other thread stops and is waited for: it
    // uses the shared sources and its connection until it returns.
    defer {
        upperDays.close()
        _ = try? background.wait()
    }
    mine.publish(Result { try db.agendaSharedSources(plan, tasks) })
    var part = try AgendaPart(db: db, plan: plan, ids: lower, shared: [mine, theirs], context: context)
    for (index, date) in dates.enumerated() {
        var items = try part.day(index, db: db)
        var rest = try upperDays.take()
        try body(AgendaDay(date: date, items: AgendaRanking.merged(&items, &rest)))
    }
}

/// One part of a load (every account, one rep's, or a half of the row ids): the first day's
/// items, made as the account pass reads each history, and for a longer range the
/// histories, from which each later day is made in turn. The contacts to reach are read
/// for the accounts that have an item only, each once: a history keeps the one read for an
/// earlier day of the range.
private struct AgendaPart {
    private let plan: AgendaPlan
    private let context: AgendaContext
    private let capacity: Int
    /// The first day's items while not yet handed over.
    private var first: AgendaDayList?
    /// Kept when the range has more than one day (one day's pass keeps none).
    private var histories: [AgendaHistory] = []
    /// Per history of the pass, the row id of its contact to reach while it is to be read
    /// (0: read, or none).
    private var unreadReach: [Int64] = []

    init(db: Database, plan: AgendaPlan, ids: ClosedRange<Int64>, shared: [Handoff<Database.AgendaSources>] = [], context: AgendaContext) throws {
        self.plan = plan
        self.context = context
        // Over all reps most accounts of the range have an item on a busy day: room for them
        // up front, so the lists are not moved again and again as they grow.
        capacity = plan.repID == nil ? Int(min(ids.upperBound - ids.lowerBound + 1, 1 << 20)) : 0
        var list = AgendaDayList(context: context, capacity: capacity)
        let keep = plan.from < plan.through
        var (histories, unreadReach) = ([AgendaHistory](), [Int64]())
        // Each history's first-day item is made as the account pass reads it; the origin of
        // an item is its history's place in the pass.
        try db.agendaLoad(plan, ids: ids, shared: shared) { history, reachContactID in
            try list.add(history, origin: unreadReach.count)
            unreadReach.append(reachContactID)
            if keep { histories.append(history) }
        }
        (first, self.histories, self.unreadReach) = (list, histories, unreadReach)
    }

    /// The ranked items of the range's day `index` (0 first), with their contacts to reach.
    mutating func day(_ index: Int, db: Database) throws -> [AgendaItem] {
        var list: AgendaDayList
        if index == 0, let made = first {
            list = made
            first = nil
        } else {
            list = AgendaDayList(context: context.on(plan.from.adding(days: index)), capacity: capacity)
            for slot in histories.indices { try list.add(histories[slot], origin: slot) }
        }
        let taken = list.take()
        var items = taken.items
        let origins = taken.origins
        var requests: [(id: Int64, account: String)] = [], slots: [Int] = []
        items.withUnsafeBufferPointer { items in
            for (slot, origin) in origins.enumerated() where unreadReach[origin] != 0 {
                requests.append((unreadReach[origin], items[slot].account))
                slots.append(slot)
            }
        }
        let boxes = try db.agendaContacts(requests)
        let keeping = !histories.isEmpty
        items.withUnsafeMutableBufferPointer { items in
            for (box, slot) in zip(boxes, slots) {
                items[slot].reach = box
                let origin = origins[slot]
                unreadReach[origin] = 0
                if keeping { histories[origin].reach = box }
            }
        }
        AgendaRanking.rank(&items)
        return items
    }
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
        var days: [AgendaDay] = []
        try forEachDay(histories, from: from, through: through, context: context) { days.append($0) }
        return days
    }

    /// `days`, each handed to `body` as soon as it is ranked and dropped afterwards: the
    /// histories serve every day, one day's items are held at a time.
    public static func forEachDay(
        _ histories: [AgendaHistory], from: CivilDate, through: CivilDate, context: AgendaContext, _ body: (AgendaDay) throws -> Void
    ) throws {
        var date = from
        while date <= through {
            var list = AgendaDayList(context: context.on(date), capacity: histories.count)
            for index in histories.indices { try list.add(histories[index], origin: index) }
            var (items, _) = list.take()
            AgendaRanking.rank(&items)
            try body(AgendaDay(date: date, items: items))
            date = date.adding(days: 1)
        }
    }
}

/// One day's unranked items, added history by history, each with an origin the caller
/// gives (where its history came from).
struct AgendaDayList {
    private let context: AgendaContext
    private var items: [AgendaItem] = []
    private var origins: [Int] = []

    init(context: AgendaContext, capacity: Int) {
        self.context = context
        items.reserveCapacity(capacity)
        origins.reserveCapacity(capacity)
    }

    /// The history's item of the day, if it has one.
    mutating func add(_ history: borrowing AgendaHistory, origin: Int) throws {
        guard var item = try AgendaRules.item(for: history.input(asOf: context.date), context: context) else { return }
        item.reach = history.reach
        items.append(item)
        origins.append(origin)
    }

    /// The items and their origins, moved out (a list still held here would be copied on
    /// the first change).
    mutating func take() -> (items: [AgendaItem], origins: [Int]) {
        var (taken, from): ([AgendaItem], [Int]) = ([], [])
        swap(&taken, &items)
        swap(&from, &origins)
        return (taken, from)
    }
}

/// A value handed to one other thread, which alone uses it from then on (a database
/// connection opened here, used there).
struct Unshared<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
