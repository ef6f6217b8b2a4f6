/// A country's occasions after the shipped and user files are merged and validated:
/// what dates are computed from.
struct CountryCalendar: Sendable {
    struct Occasion: Sendable {
        let key: String
        let rule: OccasionRule
        let offset: Int
        let since: Int?
        let until: Int?
        /// Everything but the date, filled from the file and the config defaults.
        let prototype: OccasionDate
    }

    let country: String
    let lunisolar: LunisolarCalendar
    /// The calendar of `islamic:` rules (the files' `islamic:` blocks).
    let islamic: IslamicCalendar
    /// The country's main locale (`locale:`), for listings that name no locale.
    let locale: String
    /// In file order (user additions after the shipped ones).
    let occasions: [Occasion]
    /// Indices into `occasions` such that an occasion comes after the one it is `from`.
    let evaluationOrder: [Int]

    /// The occasions falling in Gregorian `year`, in date order (file order on a tie).
    func occasions(in year: Int) -> [OccasionDate] {
        // Dates of each occasion over year − 1 … year + 1, so offsets may cross a year end.
        let window = (year - 1)...(year + 1)
        var candidates: [String: [CivilDate]] = [:]
        for index in evaluationOrder {
            let occasion = occasions[index]
            let base: [CivilDate]
            if case .relative(let other) = occasion.rule {
                base = candidates[other] ?? []
            } else {
                base = occasion.rule.baseDates(years: window, lunisolar: lunisolar, islamic: islamic)
            }
            candidates[occasion.key] = base.map { $0.adding(days: occasion.offset) }.filter { date in
                (occasion.since.map { date.year >= $0 } ?? true) && (occasion.until.map { date.year <= $0 } ?? true)
            }
        }
        var result: [(date: CivilDate, order: Int, occasion: OccasionDate)] = []
        for (order, occasion) in occasions.enumerated() {
            for date in candidates[occasion.key] ?? [] where date.year == year {
                var dated = occasion.prototype
                dated.date = date
                result.append((date, order, dated))
            }
        }
        return result.sorted { ($0.date, $0.order) < ($1.date, $1.order) }.map(\.occasion)
    }
}

extension CountryCalendar {
    /// Merges a user's file over the shipped one (see docs/calendars.md) and validates
    /// the result: every problem, as `FILE:LINE: rule KEY: reason`.
    static func resolve(
        country: String, shipped: HolidayFile?, user: HolidayFile?, config: RapportConfig
    ) -> Result<CountryCalendar, RapportError> {
        var problems = (shipped?.problems ?? []) + (user?.problems ?? [])
        for file in [shipped, user].compactMap({ $0 }) {
            if let declared = file.country, declared != country {
                problems.append("\(file.path):1: country \(declared) does not match the file name \(country).yaml")
            }
        }
        let base = user?.replacesShipped == true ? nil : shipped
        var entries = base?.occasions ?? []
        for override in user?.occasions ?? [] {
            guard let index = entries.firstIndex(where: { $0.key == override.key }) else {
                if override.remove {
                    problems.append(override.problem("remove: no shipped occasion of this key"))
                } else {
                    entries.append(override)
                }
                continue
            }
            if override.remove {
                entries.remove(at: index)
            } else {
                entries[index] = merged(entries[index], with: override)
            }
        }

        var occasions: [Occasion] = []
        for entry in entries {
            guard let rule = entry.rule else {
                if !entry.hasBadRule {
                    problems.append(entry.problem("no rule: give one of \(HolidayFile.ruleFields.joined(separator: ", ")), or rules:"))
                }
                continue
            }
            if entry.names.isEmpty { problems.append(entry.problem("names: give at least one name (en: …)")) }
            let lead = entry.lead ?? config.holidayLead
            let giftLead = entry.giftLead ?? config.giftLead
            let isGift = entry.gift ?? false
            if isGift && giftLead <= lead {
                problems.append(entry.problem("gift_lead \(giftLead) must be more than the greeting lead \(lead) (gift window: occasion − gift_lead … occasion − lead − 1)"))
            }
            let prototype = OccasionDate(
                key: entry.key, date: CivilDate(dayNumber: 0), names: entry.names, isGreeting: entry.greeting ?? true,
                greetedTiers: entry.tiers.map(Set.init), greetingLead: lead, isGift: isGift,
                giftTiers: entry.giftTiers.map(Set.init), giftLead: giftLead, template: entry.template ?? entry.key)
            occasions.append(Occasion(key: entry.key, rule: rule, offset: entry.offset ?? 0, since: entry.since,
                                      until: entry.until, prototype: prototype))
        }

        let order = evaluationOrder(occasions, entries: entries, problems: &problems)
        if !problems.isEmpty { return .failure(.data(problems.joined(separator: "\n"))) }
        let meridian = user?.meridian ?? base?.meridian ?? .china
        // A user's official days are added to (and win over) the shipped ones.
        let islamic = IslamicCalendar(
            base: user?.islamic.base ?? base?.islamic.base ?? .ummAlQura, lag: user?.islamic.lag ?? base?.islamic.lag ?? 0,
            official: (base?.islamic.official ?? [:]).merging(user?.islamic.official ?? [:]) { _, mine in mine })
        return .success(CountryCalendar(
            country: country, lunisolar: meridian.calendar, islamic: islamic,
            locale: user?.locale ?? base?.locale ?? config.defaultLocale,
            occasions: occasions, evaluationOrder: order))
    }

    /// A user's entry over a shipped one: the user's fields win; a user's rule replaces
    /// the shipped rule and its offset together; names merge locale by locale.
    static func merged(_ shipped: HolidayFile.Entry, with user: HolidayFile.Entry) -> HolidayFile.Entry {
        var result = shipped
        if user.rule != nil {
            result.rule = user.rule
            result.offset = user.offset
            result.ruleLine = user.ruleLine
            result.path = user.path
            result.line = user.line
        } else if let offset = user.offset {
            result.offset = offset  // shifts the shipped rule
        }
        result.names.merge(user.names) { _, mine in mine }
        result.greeting = user.greeting ?? shipped.greeting
        result.tiers = user.tiers ?? shipped.tiers
        result.lead = user.lead ?? shipped.lead
        result.gift = user.gift ?? shipped.gift
        result.giftTiers = user.giftTiers ?? shipped.giftTiers
        result.giftLead = user.giftLead ?? shipped.giftLead
        result.template = user.template ?? shipped.template
        result.since = user.since ?? shipped.since
        result.until = user.until ?? shipped.until
        return result
    }

    /// Occasions ordered so each `from` target comes first; a missing target or a cycle
    /// is a problem reported at the rule's line.
    private static func evaluationOrder(_ occasions: [Occasion], entries: [HolidayFile.Entry], problems: inout [String]) -> [Int] {
        let index = Dictionary(occasions.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        let entryByKey = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var order: [Int] = []
        var state: [Int: Bool] = [:]  // false = in progress, true = done
        func visit(_ i: Int, path: [String]) {
            if state[i] == true { return }
            let occasion = occasions[i]
            let entry = entryByKey[occasion.key]
            if state[i] == false {
                let cycle = (path.drop { $0 != occasion.key } + [occasion.key]).joined(separator: " → ")
                problems.append(entry?.problem("from: offsets form a cycle: \(cycle)", line: entry?.ruleLine) ?? cycle)
                return
            }
            state[i] = false
            if case .relative(let other) = occasion.rule {
                if let target = index[other] {
                    visit(target, path: path + [occasion.key])
                } else {
                    problems.append(entry?.problem("from: no occasion '\(other)' in this calendar", line: entry?.ruleLine) ?? other)
                }
            }
            state[i] = true
            order.append(i)
        }
        for i in occasions.indices { visit(i, path: []) }
        return order
    }
}
