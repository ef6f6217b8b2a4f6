import Yams

/// The `islamic:` block of a calendar file, as written: which base Hijri calendar the
/// country's `islamic:` rules use and the days it officially kept.
struct IslamicSettings: Sendable {
    var base: IslamicCalendar.Base?
    var lag: Int?
    var official: [IslamicCalendar.Day: CivilDate] = [:]
}

extension HolidayFile {
    static let islamicFields = ["calendar", "lag", "official"]
    /// An official date further than this from the arithmetic calendar's is surely a typo
    /// (the shipped ones are at most 3 days from it: a holiday moved to a weekend).
    static let maxOfficialShift = 5

    /// `islamic: 10-01`: a Hijri month (1–12) and day (1–30).
    static func parseIslamicRule(_ text: String) -> OccasionRule? {
        guard let (month, day) = hijriMonthDay(text) else { return nil }
        return .islamic(month: month, day: day)
    }

    static func islamicRuleProblem(_ text: String) -> String {
        "islamic: '\(text)' is not a Hijri month-day MM-DD such as 10-01 (month 01–12, day 01–30)"
    }

    private static func hijriMonthDay(_ text: some StringProtocol) -> (Int, Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let month = Int(parts[0]), let day = Int(parts[1]),
              (1...12).contains(month), (1...30).contains(day) else { return nil }
        return (month, day)
    }

    /// `1445-10-01` → the Hijri day; nil unless a 4-digit year, a month 01–12 and a day 01–30.
    private static func hijriDay(_ text: String) -> IslamicCalendar.Day? {
        let year = text.prefix(4), rest = text.dropFirst(4)
        guard year.count == 4, rest.first == "-", let ah = Int(year), ah > 0,
              let (month, day) = hijriMonthDay(rest.dropFirst()) else { return nil }
        return IslamicCalendar.Day(year: ah, month: month, day: day)
    }

    /// Reads the block; every problem is reported at its line as `FILE:LINE: islamic: …`.
    static func parseIslamic(_ node: Node, field: Node, path: String, problems: inout [String]) -> IslamicSettings {
        var settings = IslamicSettings()
        func fail(_ at: Node, _ reason: String) { problems.append("\(path):\(at.line): islamic: \(reason)") }
        guard let mapping = node.mapping else {
            fail(field, "expected a mapping of \(islamicFields.joined(separator: ", "))")
            return settings
        }
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "calendar":
                if let name = value.text, let base = IslamicCalendar.Base(rawValue: name) { settings.base = base } else {
                    fail(key, "calendar: expected one of \(IslamicCalendar.Base.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            case "lag":
                if let days = value.int, (0...2).contains(days) { settings.lag = days } else {
                    fail(key, "lag: expected a whole number of days in 0…2")
                }
            case "official":
                guard let days = value.mapping else {
                    fail(key, "official: expected Hijri day: Gregorian date pairs such as 1445-10-01: 2024-04-10")
                    continue
                }
                for (dayNode, dateNode) in days {
                    guard let day = dayNode.text.flatMap(hijriDay) else {
                        fail(dayNode, "official: '\(dayNode.text ?? "")' is not a Hijri day YYYY-MM-DD such as 1445-10-01")
                        continue
                    }
                    guard let text = dateNode.text, text.count == 10, let date = CivilDate(text) else {
                        fail(dateNode, "official: \(dayNode.text ?? ""): '\(dateNode.text ?? "")' is not a Gregorian date YYYY-MM-DD")
                        continue
                    }
                    let computed = IslamicCalendar.arithmeticDate(year: day.year, month: day.month, day: day.day)
                    guard abs(date.dayNumber - computed.dayNumber) <= maxOfficialShift else {
                        fail(dateNode, "official: \(dayNode.text ?? ""): \(text) is \(date.dayNumber - computed.dayNumber) days from the arithmetic calendar's \(computed); an official date is at most \(maxOfficialShift) days from it")
                        continue
                    }
                    settings.official[day] = date
                }
            default:
                fail(key, "unknown field '\(key.string ?? "?")' (expected \(islamicFields.joined(separator: ", ")))")
            }
        }
        return settings
    }
}
