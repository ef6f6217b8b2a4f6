import Foundation

// PROVISIONAL (agenda branch): the calendar engine owns this file and replaces it at merge
// with its table-verified lunar conversion. Gregorian dates follow the spec exactly; lunar
// dates go through Foundation's Chinese calendar, checked by a round trip so that an
// impossible day (30 in a 29-day month, a leap month the year lacks) falls back as the
// spec says instead of rolling over into the next month.

extension RecurringDate {
    /// The dates this month-day falls on in the Gregorian years `date.year - 1 ... date.year + 1`,
    /// sorted. Gregorian 29 February falls on 28 February in common years; a lunar day 30
    /// falls on day 29 of a short month; a leap-month date falls in the ordinary month of
    /// that number in a year without that leap month.
    public func occurrences(around date: CivilDate) -> [CivilDate] {
        let years = (date.year - 1)...(date.year + 1)
        switch calendar {
        case .gregorian:
            return years.compactMap { CivilDate.yearly(month: month, day: day, in: $0) }
        case .chinese:
            // Lunar year N starts in January or February of Gregorian year N, so the lunar
            // years N - 2 ... N + 1 cover every day of the three Gregorian years.
            return ((date.year - 2)...(date.year + 1))
                .compactMap { LunarConversion.gregorian(lunarYear: $0, month: month, day: day, leap: isLeapMonth) }
                .filter { years.contains($0.year) }
                .sorted()
        }
    }
}

/// Foundation's Chinese calendar, pinned to UTC so a civil date never shifts a day.
enum LunarConversion {
    private static let chinese: Calendar = {
        var calendar = Calendar(identifier: .chinese)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The Gregorian date of lunar `month`-`day` (leap or not) in the lunar year that starts
    /// in Gregorian year `lunarYear`, with the spec's fallbacks.
    static func gregorian(lunarYear: Int, month: Int, day: Int, leap: Bool) -> CivilDate? {
        // Mid-year is always inside the lunar year that began that January or February.
        guard let midYear = gregorian.date(from: DateComponents(year: lunarYear, month: 6, day: 1)) else { return nil }
        let cycle = chinese.dateComponents([.era, .year], from: midYear)
        let attempts: [(Int, Bool)] = leap
            ? [(day, true), (29, true), (day, false), (29, false)].filter { $0.0 <= day }
            : [(day, false), (29, false)].filter { $0.0 <= day }
        for (tryDay, tryLeap) in attempts {
            var parts = DateComponents()
            parts.era = cycle.era
            parts.year = cycle.year
            parts.month = month
            parts.day = tryDay
            parts.isLeapMonth = tryLeap
            guard let instant = chinese.date(from: parts) else { continue }
            // Foundation rolls an impossible date over; accept only an exact round trip.
            let back = chinese.dateComponents([.era, .year, .month, .day, .isLeapMonth], from: instant)
            guard back.era == cycle.era, back.year == cycle.year, back.month == month, back.day == tryDay,
                  (back.isLeapMonth ?? false) == tryLeap else { continue }
            let civil = gregorian.dateComponents([.year, .month, .day], from: instant)
            guard let y = civil.year, let m = civil.month, let d = civil.day else { return nil }
            return CivilDate(year: y, month: m, day: d)
        }
        return nil
    }
}
