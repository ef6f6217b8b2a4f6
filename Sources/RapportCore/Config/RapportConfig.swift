import Foundation
import Yams

/// The settings in `config/rapport.yaml`. Every field has a default, so a file only
/// names what it changes; unknown keys are an error (a typo must not pass silently).
public struct RapportConfig: Sendable, Equatable {
    /// IANA time zone for "today" when `--date` is not given; nil = the machine's.
    public var timeZone: String?
    public var defaultLocale: String = "en"
    /// Check-in cadence in days per tier.
    public var cadence: [String: Int] = ["A": 14, "B": 30, "C": 90]
    /// The tiers, in order of weight (first = most important).
    public var tiers: [String] = ["A", "B", "C"]
    /// Greeting lead for occasions that do not set their own.
    public var holidayLead: Int = 3
    /// Gift lead for gift occasions that do not set their own.
    public var giftLead: Int = 14
    /// Tiers that get gifts when the occasion does not say.
    public var giftTiers: Set<String> = ["A"]
    public var birthdayLead: Int = 1
    public var eventLead: Int = 3
    /// Care window: [date, date + careDays].
    public var careDays: Int = 2
    /// No money talk in [date, date + quietDays] of a sensitive event.
    public var quietDays: Int = 7
    /// Day offsets from due_on at which each collection level is reached.
    public var collectionLevels: [CollectionLevel: Int] = [
        .reminder: -3, .overdue: 1, .second: 15, .escalation: 30, .notice: 60,
    ]
    /// Daily capacity (items) for every rep, unless `repCapacity` names the rep; nil = no limit.
    public var capacity: Int?
    public var repCapacity: [String: Int] = [:]
    /// A folder of the user's own templates, searched before the shipped ones.
    public var templates: String?
    /// `payer`: the days the average days beyond terms must worsen by, and the tiers that
    /// get the reason (SPEC "Payer behaviour"; `payer.min_worsening_days`, `payer.tiers`).
    public var payerMinWorseningDays: Int = 10
    public var payerTiers: Set<String> = ["A", "B"]

    public init() {}

    public func cadenceDays(tier: String) -> Int { cadence[tier] ?? cadence.values.max() ?? 30 }

    public func capacity(rep: String) -> Int? { repCapacity[rep] ?? capacity }

    /// Loads `rapport.yaml` from `directory` when it has one; defaults otherwise.
    public static func load(directory: URL?) throws -> RapportConfig {
        guard let directory else { return RapportConfig() }
        let file = directory.appendingPathComponent("rapport.yaml")
        guard FileManager.default.fileExists(atPath: file.path) else { return RapportConfig() }
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw RapportError.io("\(file.path): cannot read: \(error.localizedDescription)")
        }
        return try parse(text, path: file.path)
    }

    public static func parse(_ text: String, path: String) throws -> RapportConfig {
        var config = RapportConfig()
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw RapportError.data("\(path): not valid YAML: \(error)")
        }
        guard let node else { return config }
        guard let mapping = node.mapping else { throw RapportError.data("\(path): expected a mapping of settings") }
        var problems: [String] = []
        func fail(_ key: Node, _ reason: String) { problems.append("\(path):\(key.mark.map { "\($0.line)" } ?? "?"): \(key.string ?? "?"): \(reason)") }
        func int(_ key: Node, _ value: Node) -> Int? {
            guard let v = value.int else { fail(key, "expected a whole number"); return nil }
            return v
        }
        func dayCount(_ key: Node, _ value: Node) -> Int? {
            guard let v = int(key, value) else { return nil }
            guard v >= 0 else { fail(key, "must not be negative"); return nil }
            return v
        }
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "time_zone":
                if let zone = value.string, TimeZone(identifier: zone) != nil { config.timeZone = zone } else {
                    fail(key, "not a known IANA time zone")
                }
            case "default_locale": config.defaultLocale = value.string ?? config.defaultLocale
            case "tiers":
                if let list = value.sequence?.compactMap(\.string), !list.isEmpty { config.tiers = list } else {
                    fail(key, "expected a list of tier names")
                }
            case "cadence":
                guard let map = value.mapping else { fail(key, "expected tier: days"); continue }
                for (tier, days) in map {
                    guard let days = int(tier, days) else { continue }
                    guard days > 0 else { fail(tier, "cadence must be at least 1 day"); continue }
                    config.cadence[tier.string ?? ""] = days
                }
            case "holiday_lead": dayCount(key, value).map { config.holidayLead = $0 }
            case "gift_lead": dayCount(key, value).map { config.giftLead = $0 }
            case "gift_tiers":
                if let list = value.sequence?.compactMap(\.string) { config.giftTiers = Set(list) } else {
                    fail(key, "expected a list of tiers")
                }
            case "birthday_lead": dayCount(key, value).map { config.birthdayLead = $0 }
            case "event_lead": dayCount(key, value).map { config.eventLead = $0 }
            case "care_days": dayCount(key, value).map { config.careDays = $0 }
            case "quiet_days": dayCount(key, value).map { config.quietDays = $0 }
            case "collection_levels":
                guard let map = value.mapping else { fail(key, "expected level: day offset"); continue }
                for (levelKey, offset) in map {
                    guard let level = CollectionLevel(rawValue: levelKey.string ?? "") else {
                        fail(levelKey, "unknown level (one of \(CollectionLevel.allCases.map(\.rawValue).joined(separator: ", ")))")
                        continue
                    }
                    int(levelKey, offset).map { config.collectionLevels[level] = $0 }
                }
            case "capacity":
                if value.null != nil { config.capacity = nil } else if let v = dayCount(key, value) { config.capacity = v }
            case "rep_capacity":
                guard let map = value.mapping else { fail(key, "expected rep: items"); continue }
                for (rep, items) in map { dayCount(rep, items).map { config.repCapacity[rep.string ?? ""] = $0 } }
            case "templates": config.templates = value.string
            case "payer":
                guard let map = value.mapping else { fail(key, "expected min_worsening_days and tiers"); continue }
                for (name, setting) in map {
                    switch name.string ?? "" {
                    case "min_worsening_days":
                        guard let days = int(name, setting) else { continue }
                        guard days > 0 else { fail(name, "must be at least 1 day"); continue }
                        config.payerMinWorseningDays = days
                    case "tiers":
                        if let list = setting.sequence?.compactMap(\.string) { config.payerTiers = Set(list) } else {
                            fail(name, "expected a list of tiers")
                        }
                    default: fail(name, "unknown payer setting (min_worsening_days, tiers)")
                    }
                }
            default:
                fail(key, "unknown setting")
            }
        }
        if !problems.isEmpty { throw RapportError.data(problems.joined(separator: "\n")) }
        return config
    }
}
