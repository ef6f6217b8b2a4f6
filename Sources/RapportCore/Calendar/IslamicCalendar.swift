/// A Hijri (Islamic lunar) calendar as one country keeps it: the days the country
/// officially kept (`official`, from its calendar file), and the rest of their months
/// moved with them; else its base calendar — the published Umm al-Qura table, or an
/// astronomical rule of `IslamicCalendar+Rule.swift` where the table does not reach or
/// the country uses none. See docs/calendars.md.
public struct IslamicCalendar: Hashable, Sendable {
    /// Where the days not officially published come from (`islamic: calendar:`).
    public enum Base: String, CaseIterable, Sendable {
        /// Saudi Arabia's published Umm al-Qura calendar (AH 1343–1500, 1924–2077),
        /// the astronomical rule outside it.
        case ummAlQura = "umm-al-qura"
        /// The Umm al-Qura rule (at Mecca) for every month.
        case astronomical
        /// The MABIMS crescent criterion (at Singapore) for every month: Indonesia and
        /// Malaysia's official criterion since 2022.
        case mabims
    }

    /// A day of the Hijri calendar.
    public struct Day: Hashable, Sendable, Comparable {
        public let year: Int, month: Int, day: Int

        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }

        public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
    }

    public let base: Base
    /// Days every month of the country starts after the base calendar's (`lag:`):
    /// Pakistan's moon-sighting committee usually declares a month a day after Saudi Arabia.
    public let lag: Int
    /// Hijri days as the country officially kept them (a moved or sighted Eid), by day.
    public let official: [Day: CivilDate]
    /// Months holding an official day (by `monthIndex`) → days the month starts after the
    /// base calendar's: an announced Eid al-Adha moves the Day of Arafah with it.
    private let shifts: [Int: Int]

    public init(base: Base = .ummAlQura, lag: Int = 0, official: [Day: CivilDate] = [:]) {
        self.base = base
        self.lag = lag
        self.official = official
        var shifts: [Int: Int] = [:]
        // The earliest official day of a month decides its shift (one a month when shipped).
        for (day, date) in official.sorted(by: { $0.key < $1.key }) {
            let index = Self.monthIndex(year: day.year, month: day.month)
            if shifts[index] == nil {
                shifts[index] = date.dayNumber - (Self.baseMonthStart(base, year: day.year, month: day.month) + lag + day.day - 1)
            }
        }
        self.shifts = shifts
    }

    /// The Gregorian date of `day` of Hijri `month` (1–12) in Hijri `year`: the official
    /// date when there is one, else the day of its month (moved as the month's official
    /// day is); day 30 of a 29-day month falls on the 29th (as lunar dates do).
    public func date(year: Int, month: Int, day: Int) -> CivilDate {
        if let kept = official[Day(year: year, month: month, day: day)] { return kept }
        let start = monthStart(year: year, month: month)
        let length = monthStart(year: month == 12 ? year + 1 : year, month: month % 12 + 1) - start
        return CivilDate(dayNumber: start + min(day, max(length, 1)) - 1)
    }

    /// The arithmetic (tabular) Islamic calendar: 30-year cycles of 11 leap years, months
    /// of 30 and 29 days in turn. Within 3 days of every official day shipped; used only
    /// to catch a typo in one, as it needs no astronomy.
    static func arithmeticDate(year: Int, month: Int, day: Int) -> CivilDate {
        let days = day + (59 * (month - 1) + 1) / 2 + (year - 1) * 354 + (3 + 11 * year) / 30 - 1
        return CivilDate(dayNumber: days + Int(epochJulianDay - JulianDay.unixEpoch))
    }

    /// Months since the Hijra: 1 Muharram AH 1 is 0.
    static func monthIndex(year: Int, month: Int) -> Int { (year - 1) * 12 + month - 1 }

    /// Day number of the first day of a Hijri month: the base calendar's after the lag,
    /// moved by the month's official day if it has one.
    func monthStart(year: Int, month: Int) -> Int {
        Self.baseMonthStart(base, year: year, month: month) + lag + (shifts[Self.monthIndex(year: year, month: month)] ?? 0)
    }

    static func baseMonthStart(_ base: Base, year: Int, month: Int) -> Int {
        switch base {
        case .ummAlQura: return ummAlQuraMonthStart(year: year, month: month) ?? ruleMonthStart(year: year, month: month)
        case .astronomical: return ruleMonthStart(year: year, month: month)
        case .mabims: return ruleMonthStart(year: year, month: month, criterion: .mabims)
        }
    }

    /// The table's first day of the month, nil outside AH 1343–1500.
    static func ummAlQuraMonthStart(year: Int, month: Int) -> Int? {
        let index = (year - ummAlQuraFirstYear) * 12 + month - 1
        guard index >= 0, index < ummAlQuraMonthStarts.count - 1 else { return nil }
        return Int(ummAlQuraMonthStarts[index])
    }

    /// The dates of Hijri `month`-`day` in every Hijri year that overlaps the Gregorian
    /// `years` (a Hijri year is 11 days shorter, so some Gregorian years hold two).
    func dates(month: Int, day: Int, years: ClosedRange<Int>) -> [CivilDate] {
        // AH ≈ (AD − 622) × 33/32: the Hijri years from before `years` to after them.
        let first = (years.lowerBound - 622) * 33 / 32
        let last = (years.upperBound - 622) * 33 / 32 + 2
        return (first...last).map { date(year: $0, month: month, day: day) }
    }
}
