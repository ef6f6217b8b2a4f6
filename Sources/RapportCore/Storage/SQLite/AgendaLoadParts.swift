import CSQLite
import Foundation

// The values the agenda loader (Database+Agenda.swift) works with: rows made into
// histories, the filter that picks candidate accounts, the scope and plan of one load.

/// The few distinct values of a text column (tier, country, locale, currency), each made
/// into a String once: a row's bytes are compared with the values seen so far instead of
/// building and validating a new String for each of tens of thousands of rows.
struct TextValues<Value> {
    private var values: [(bytes: [UInt8], value: Value)] = []
    private let parse: (String) -> Value

    init(_ parse: @escaping (String) -> Value) { self.parse = parse }

    /// The column's value, parsed; nil when NULL.
    mutating func value(_ row: Row, _ index: Int) -> Value? {
        guard let pointer = sqlite3_column_text(row.handle, Int32(index)) else { return nil }
        let count = Int(sqlite3_column_bytes(row.handle, Int32(index)))
        for known in values where known.bytes.count == count {
            if known.bytes.elementsEqual(UnsafeBufferPointer(start: pointer, count: count)) { return known.value }
        }
        let bytes = Array(UnsafeBufferPointer(start: pointer, count: count))
        let value = parse(String(decoding: bytes, as: UTF8.self))
        // A column with many distinct values is read as usual past a few.
        if values.count < 16 { values.append((bytes, value)) }
        return value
    }
}

extension TextValues where Value == String {
    init() { self.init { $0 } }
    mutating func text(_ row: Row, _ index: Int) -> String? { value(row, index) }
}

/// Makes rows of the account pass into histories (sources and touches attached by the loader).
struct AgendaAccountRows {
    let repHandles: [Int64: String]
    private var tiers = TextValues(), countries = TextValues(), locales = TextValues()

    init(repHandles: [Int64: String]) { self.repHandles = repHandles }

    /// A row of the account query as a history.
    mutating func history(_ row: Row) throws -> AgendaHistory {
        guard let createdOn = row.date(6) else { throw RapportError.data("account \(row.string(1)): bad created_on") }
        return AgendaHistory(
            account: Account(
                key: row.string(1), name: row.string(2), tier: tiers.text(row, 3) ?? "", owner: repHandles[row.int64(4)] ?? "",
                country: countries.text(row, 5) ?? "", locale: locales.text(row, 11), createdOn: createdOn,
                status: row.equals(7, "dormant") ? .dormant : .active, cadenceDays: row.optionalInt(8)),
            lastTouchBefore: row.date(9), lastCollectionBefore: row.date(10))
    }
}

/// Which rows of the account pass can have a reason without a source naming them: an
/// active account whose check-in can fall due by the last day (its base date — the last
/// touch before the range, else its creation — on or before the last day − its cadence), or
/// one whose country and tier have an occasion window open in the range. Tiers and
/// countries are recognised by their bytes (`TextValues`, up to 16 distinct values of
/// each), so a row costs no String and no hashing.
struct AgendaCandidates {
    private let through: CivilDate
    /// Per tier: the last day − its cadence, and its bit in the countries' masks.
    private var tiers: TextValues<(cutoff: CivilDate, bit: UInt64)>
    /// Per country: whether every tier has an occasion window open, else the bits of the
    /// tiers that have one.
    private var countries: TextValues<(everyTier: Bool, tiers: UInt64)>
    /// A NULL tier's, and whether any window is open at all.
    private let untiered: (cutoff: CivilDate, bit: UInt64)
    private let anyOpen: Bool

    init(_ plan: AgendaPlan) {
        through = plan.through
        var byCountry: [String: Set<String>] = [:]
        for pair in plan.occasions.pairs {
            let parts = pair.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            byCountry[String(parts[0]), default: []].insert(String(parts[1]))
        }
        // One bit per tier an occasion names (a tier no occasion names has none); past 63
        // such tiers the last bit stands for the rest, so a row may be kept needlessly
        // (the rules decide), never dropped.
        var bits: [String: UInt64] = [:]
        for tier in Set(byCountry.values.joined()).sorted() { bits[tier] = 1 << UInt64(min(bits.count, 63)) }
        let (config, everyTier) = (plan.config, plan.occasions.everyTier)
        let tierValue = { (tier: String) in (plan.through.adding(days: -config.cadenceDays(tier: tier)), bits[tier] ?? 0) }
        tiers = TextValues(tierValue)
        untiered = tierValue("")
        anyOpen = !everyTier.isEmpty || !byCountry.isEmpty
        countries = TextValues { country in
            (everyTier.contains(country), (byCountry[country] ?? []).reduce(0) { $0 | (bits[$1] ?? 0) })
        }
    }

    /// For a row of `Database.accountsQuery`.
    mutating func mayHaveAReason(_ row: Row) -> Bool {
        let tier = tiers.value(row, 3) ?? untiered
        if row.equals(7, "active"), let base = row.date(9) ?? row.date(6) {
            let cutoff = row.optionalInt(8).map { through.adding(days: -$0) } ?? tier.cutoff
            if base <= cutoff { return true }
        }
        guard anyOpen, let open = countries.value(row, 5) else { return false }
        return open.everyTier || open.tiers & tier.bit != 0
    }
}

/// The countries (every tier) and country–tier pairs that have a holiday or gift window
/// open on some day of [from, through].
struct OccasionFilter: Sendable {
    var everyTier: Set<String> = []
    /// `country` + U+001F + `tier`.
    var pairs: Set<String> = []

    init(countries: [String], from: CivilDate, through: CivilDate, context: AgendaContext) throws {
        for country in countries {
            for occasion in try context.on(from).occasions(country: country) + context.on(through).occasions(country: country) {
                let greeting = (occasion.date.adding(days: -occasion.greetingLead), occasion.date)
                if occasion.isGreeting, greeting.0 <= through, greeting.1 >= from {
                    add(country, occasion.greetedTiers)
                }
                let gift = (occasion.date.adding(days: -occasion.giftLead), occasion.date.adding(days: -occasion.greetingLead - 1))
                if occasion.isGift, gift.0 <= through, gift.1 >= from {
                    add(country, occasion.giftTiers ?? context.config.giftTiers)
                }
            }
        }
    }

    private mutating func add(_ country: String, _ tiers: Set<String>?) {
        guard let tiers else { everyTier.insert(country); return }
        for tier in tiers { pairs.insert(country + "\u{1F}" + tier) }
    }
}

/// A range of account row ids (all reps), or one rep's accounts: the SQL fragments and
/// arguments that narrow each query. The fragments use numbered parameters from `first` on
/// (the range's bounds, or the rep), `arguments` in that order.
struct AgendaScope: Sendable {
    var repID: Int?
    var ids: ClosedRange<Int64>
    var arguments: [any SQLBindable] { repID.map { [$0] } ?? [ids.lowerBound, ids.upperBound] }

    /// On the account table.
    func account(_ alias: String, first: Int) -> String {
        repID == nil ? " AND \(alias).id BETWEEN ?\(first) AND ?\(first + 1)" : " AND \(alias).owner_id = ?\(first)"
    }

    /// On a table keyed by account.
    func byAccountColumn(_ column: String, first: Int) -> String {
        repID == nil
            ? " AND \(column) BETWEEN ?\(first) AND ?\(first + 1)"
            : " AND \(column) IN (SELECT id FROM account WHERE owner_id = ?\(first))"
    }
}

/// What every part of one agenda load shares (`Database.agendaPlan`); sent to the thread
/// that loads the other part.
struct AgendaPlan: Sendable {
    var from: CivilDate
    var through: CivilDate
    var config: RapportConfig
    var repHandles: [Int64: String]
    var repID: Int?
    var occasions: OccasionFilter
    /// How many days before `from` recent touches are needed (`AgendaContext.touchHorizon`).
    var horizon: Int
    /// The smallest and largest account row id.
    var accountIDs: ClosedRange<Int64>

    /// The days of the range, in order.
    var dates: [CivilDate] {
        var dates: [CivilDate] = []
        var date = from
        while date <= through {
            dates.append(date)
            date = date.adding(days: 1)
        }
        return dates
    }

    /// The row ids split in two parts, one per thread, the first `share` of them first.
    func split(share: Double) -> (ClosedRange<Int64>, ClosedRange<Int64>) {
        let middle = accountIDs.lowerBound + Int64(Double(accountIDs.upperBound - accountIDs.lowerBound) * share)
        return (accountIDs.lowerBound...middle, (middle + 1)...max(middle + 1, accountIDs.upperBound))
    }
}

/// The source reads both threads of an all-reps load take, one at a time, until none is
/// left (`Database.agendaSharedSources`). The longest first, so the last one taken is short.
final class AgendaSourceTasks: @unchecked Sendable {
    enum Task {
        case eventsAndBirthdays, paidOffInvoices, promises, touches, snoozes
        /// Unpaid and paid-off invoices in one query (a load in one part).
        case allInvoices
        /// The `payer` reason's paid invoices and closing touches (Database+AgendaPayers.swift):
        /// found by account, so each part of a split load reads its own (not shared).
        case payers

        static let shared: [Task] = [.eventsAndBirthdays, .paidOffInvoices, .promises, .touches, .snoozes]
        static let inOnePart: [Task] = [.eventsAndBirthdays, .allInvoices, .payers, .promises, .snoozes, .touches]
    }

    private let lock = NSLock()
    private var next = 0

    func take() -> Task? {
        lock.lock()
        defer { lock.unlock() }
        guard next < Task.shared.count else { return nil }
        next += 1
        return Task.shared[next - 1]
    }
}

extension Row {
    /// Whether a text column holds `text`, compared in place (no String built).
    func equals(_ index: Int, _ text: StaticString) -> Bool {
        guard let bytes = sqlite3_column_text(handle, Int32(index)) else { return false }
        let count = Int(sqlite3_column_bytes(handle, Int32(index)))
        return count == text.utf8CodeUnitCount
            && UnsafeBufferPointer(start: bytes, count: count).elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: count))
    }

    /// A text column, nil when NULL: one call into SQLite fewer than `optionalString` (the
    /// account passes read ~18 text columns from each of 66 000 rows).
    func text(_ index: Int) -> String? {
        guard let text = sqlite3_column_text(handle, Int32(index)) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, Int32(index)))), as: UTF8.self)
    }
}
