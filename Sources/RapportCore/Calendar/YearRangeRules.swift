import Yams

/// One of the rules an occasion followed in turn (`rules:` in a calendar file), with the
/// Gregorian years it held: US Thanksgiving was the last Thursday of November up to 1938,
/// the third in 1939–1941 and the fourth from 1942.
public struct YearRangeRule: Hashable, Sendable {
    public var since: Int?
    public var until: Int?
    /// A rule of its own kind; never `relative` or another list of year ranges.
    public var rule: OccasionRule

    func holds(in year: Int) -> Bool { (since.map { year >= $0 } ?? true) && (until.map { year <= $0 } ?? true) }

    /// The rule's dates in `years` (before the occasion's offset) that fall in the years it held.
    func baseDates(years: ClosedRange<Int>, lunisolar: LunisolarCalendar, islamic: IslamicCalendar) -> [CivilDate] {
        rule.baseDates(years: years, lunisolar: lunisolar, islamic: islamic).filter { holds(in: $0.year) }
    }
}

extension HolidayFile {
    /// Reads `rules:`, a list of `{ RULE: VALUE, since: YEAR, until: YEAR }` items whose
    /// years do not overlap. Problems go to `problems` as `FILE:LINE: rule KEY: rules: …`;
    /// nil when any item is bad.
    static func parseYearRangeRules(_ node: Node, entry: Entry, problems: inout [String]) -> OccasionRule? {
        func fail(_ at: Node, _ reason: String) { problems.append(entry.problem("rules: \(reason)", line: at.line)) }
        guard let items = node.sequence, !items.isEmpty else {
            fail(node, "expected a list of rules, each with its years (since, until)")
            return nil
        }
        let kinds = ruleFields.filter { $0 != "from" }
        var rules: [(rule: YearRangeRule, line: Int)] = []
        var isGood = true
        for item in items {
            let reported = problems.count
            guard let fields = item.mapping else {
                fail(item, "each item is a mapping such as { weekday: last thursday of november, until: 1938 }")
                isGood = false
                continue
            }
            var rule: OccasionRule?
            var kindsSeen: [String] = []
            var since: Int?
            var until: Int?
            for (field, value) in fields {
                let name = field.string ?? ""
                if name == "since" || name == "until" {
                    guard let year = value.int, (1...9999).contains(year) else {
                        fail(field, "\(name): expected a year in 1…9999")
                        isGood = false
                        continue
                    }
                    if name == "since" { since = year } else { until = year }
                } else if kinds.contains(name) {
                    kindsSeen.append(name)
                    if let text = value.text, let parsed = parseRule(field: name, text) { rule = parsed } else {
                        fail(field, ruleProblem(field: name, value.text ?? ""))
                        isGood = false
                    }
                } else {
                    // `from` needs the other occasion's dates: give it at the occasion instead.
                    fail(field, "'\(name)' is not allowed here (each item takes one of \(kinds.joined(separator: ", ")), and since, until)")
                    isGood = false
                }
            }
            if kindsSeen.count > 1 || kindsSeen.isEmpty && problems.count == reported {
                fail(item, "give exactly one rule in each item (found \(kindsSeen.isEmpty ? "none" : kindsSeen.joined(separator: ", ")))")
                isGood = false
            }
            if let since, let until, since > until {
                fail(item, "since \(since) is after until \(until)")
                isGood = false
            }
            // Only a good item takes part in the overlap check (one problem an item is enough).
            if let rule, problems.count == reported { rules.append((YearRangeRule(since: since, until: until, rule: rule), item.line)) }
        }
        // Two rules holding in the same year would give the occasion twice that year.
        let ordered = rules.sorted { ($0.rule.since ?? Int.min) < ($1.rule.since ?? Int.min) }
        for (earlier, later) in zip(ordered, ordered.dropFirst())
        where (earlier.rule.until ?? Int.max) >= (later.rule.since ?? Int.min) {
            problems.append(entry.problem("rules: the years of the rules at lines \(earlier.line) and \(later.line) overlap", line: later.line))
            isGood = false
        }
        return isGood ? .byYears(rules.map(\.rule)) : nil
    }
}
