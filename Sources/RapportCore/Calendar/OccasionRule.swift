/// How an occasion's date is found, one kind per occasion in a calendar file.
public enum OccasionRule: Hashable, Sendable {
    /// A Gregorian month-day (`date: 12-25`); 29 February falls on the 28th in common years.
    case fixed(month: Int, day: Int)
    /// The nth (1–5) or last (`ordinal` −1) ISO weekday (1 = Monday) of a month:
    /// `weekday: 4th thursday of november`.
    case weekday(ordinal: Int, weekday: Int, month: Int)
    /// A lunar month-day (`lunar: 08-15`, leap month `L04-10`), with the spec's
    /// fallbacks: day 30 of a 29-day month → day 29; a leap month the year lacks → the
    /// ordinary month.
    case lunar(month: Int, day: Int, isLeapMonth: Bool)
    /// The last day of the lunar year (`lunar: last-day-of-year`): New Year's Eve.
    case lunarYearEnd
    /// A solar term by name (`solar_term: qingming`).
    case solarTerm(SolarTerm)
    /// Easter Sunday (`easter: western` / `orthodox`).
    case easter(Easter)
    /// A Hindu lunisolar date (`hindu: ashvina-amavasya at pradosh`), reckoned for India.
    case hindu(HinduDate)
    /// A Hijri month-day (`islamic: 10-01`, Eid al-Fitr) in the country's Islamic calendar.
    case islamic(month: Int, day: Int)
    /// Another occasion of the same file (`from: thanksgiving`); with `offset` the days after it.
    case relative(to: String)
    /// Rules that held in turn (`rules:`), each for a range of Gregorian years.
    case byYears([YearRangeRule])

    /// The rule's dates before the occasion's offset: one per Gregorian year of `years`,
    /// or per lunar year for lunar rules (those of `years` and the one before, so every
    /// date falling in `years` is among them; Hijri rules per Hijri year overlapping
    /// `years`). `relative` has no dates of its own.
    func baseDates(years: ClosedRange<Int>, lunisolar: LunisolarCalendar, islamic: IslamicCalendar) -> [CivilDate] {
        switch self {
        case .fixed(let month, let day):
            return years.compactMap { CivilDate.yearly(month: month, day: day, in: $0) }
        case .weekday(let ordinal, let weekday, let month):
            return years.compactMap { Self.weekdayDate(ordinal: ordinal, weekday: weekday, month: month, year: $0) }
        case .lunar(let month, let day, let leap):
            return ((years.lowerBound - 1)...years.upperBound).compactMap {
                lunisolar.yearlyDate(month: month, day: day, isLeapMonth: leap, lunarYear: $0)
            }
        case .lunarYearEnd:
            return ((years.lowerBound - 1)...years.upperBound).map { lunisolar.lastDay(ofLunarYear: $0) }
        case .solarTerm(let term):
            return years.map { lunisolar.date(of: term, in: $0) }
        case .easter(let computus):
            return years.map { computus.sunday(in: $0) }
        case .byYears(let rules):
            return rules.flatMap { $0.baseDates(years: years, lunisolar: lunisolar, islamic: islamic) }
        case .hindu(let date):
            return HinduCalendar.india.dates(of: date, years: years)
        case .islamic(let month, let day):
            return islamic.dates(month: month, day: day, years: years)
        case .relative:
            return []
        }
    }

    /// The nth or last `weekday` of a month; nil when the month has no 5th such day.
    static func weekdayDate(ordinal: Int, weekday: Int, month: Int, year: Int) -> CivilDate? {
        if ordinal < 0 {
            let last = CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))!
            return last.adding(days: -((last.weekday - weekday + 7) % 7))
        }
        let first = CivilDate(year: year, month: month, day: 1)!
        let date = first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (ordinal - 1))
        return date.month == month ? date : nil
    }
}

extension OccasionRule {
    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                             "september", "october", "november", "december"]
    static let ordinalNames: [String: Int] = [
        "1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4,
        "5th": 5, "fifth": 5, "last": -1,
    ]

    /// Parses `4th thursday of november`, `last monday of may` (English names, three-letter
    /// abbreviations allowed, any case).
    static func parseWeekday(_ text: String) -> OccasionRule? {
        let words = text.lowercased().split(separator: " ").map(String.init)
        guard words.count == 4, words[2] == "of", let ordinal = ordinalNames[words[0]],
              let weekday = index(of: words[1], in: weekdayNames),
              let month = index(of: words[3], in: monthNames) else { return nil }
        return .weekday(ordinal: ordinal, weekday: weekday, month: month)
    }

    /// 1-based position of a full or three-letter name.
    private static func index(of word: String, in names: [String]) -> Int? {
        guard word.count >= 3 else { return nil }
        return names.firstIndex { $0 == word || ($0.hasPrefix(word) && word.count == 3) }.map { $0 + 1 }
    }
}
