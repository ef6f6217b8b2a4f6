import Foundation

/// The Chinese lunisolar calendar (and its Korean and Vietnamese forms) computed from
/// the Sun and the Moon, by the rules in force since 1645:
///
/// - a month begins on the day (at the meridian) of the new moon;
/// - the winter solstice always falls in the 11th month;
/// - when 13 new moons begin between the 11th month and the next 11th month, the first
///   of them whose month holds no principal term (the sun at a multiple of 30°) is a
///   leap month and repeats the number of the month before it.
///
/// Years are worked out on first use and cached, so any lunar year is a few microseconds
/// after the first. Agreement with published tables is checked for every lunar year
/// 1900–2099 (see the tests); outside 1901–2099 the results are as good as the ΔT
/// extrapolation.
public final class LunisolarCalendar: @unchecked Sendable {
    public let meridian: LunarMeridian
    /// Computed new-moon day → the day the official calendar began that month, for the
    /// few months where the calendar as published departs from the computation.
    private let publishedMonthStarts: [Int: Int]

    public static let china = LunisolarCalendar(meridian: .china, publishedMonthStarts: chinaPublishedMonthStarts)
    public static let korea = LunisolarCalendar(
        meridian: .korea, publishedMonthStarts: chinaPublishedMonthStarts.filter { $0.key.year < 1912 })
    public static let vietnam = LunisolarCalendar(meridian: .vietnam)
    public static let japan = LunisolarCalendar(meridian: .japan)

    /// Where the calendar officially published in China starts a month a day away from
    /// the astronomical rule. Only 1906 remains: the Qing court's calendar, computed by the
    /// older Shixian methods, began the 4th month on 24 April although the new moon was at
    /// 23:52 Beijing local time on the 23rd (lunar-python, zhdate, lunarcalendar and
    /// python-holidays' Buddha's Birthday of 1 May 1906 all confirm it). The 1933, 1954 and
    /// 1978 entries that used to be here were errors of the lunardate package's table, not
    /// of the published calendar (docs/calendars.md). Computed day → published day.
    public static let chinaPublishedMonthStarts: [CivilDate: CivilDate] = [
        CivilDate(year: 1906, month: 4, day: 23)!: CivilDate(year: 1906, month: 4, day: 24)!,
    ]

    // Guarded by `lock`: computed years are immutable once stored.
    private let lock = NSLock()
    private var suis: [Int: [MonthStart]] = [:]
    private var years: [Int: [LunarMonth]] = [:]

    public init(meridian: LunarMeridian, publishedMonthStarts: [CivilDate: CivilDate] = [:]) {
        self.meridian = meridian
        self.publishedMonthStarts = Dictionary(
            uniqueKeysWithValues: publishedMonthStarts.map { ($0.key.dayNumber, $0.value.dayNumber) })
    }

    // MARK: Lunar years

    /// The months of lunar year `year` in calendar order (12, or 13 with a leap month).
    public func months(ofLunarYear year: Int) -> [LunarMonth] {
        lock.lock()
        defer { lock.unlock() }
        return monthsLocked(year)
    }

    /// Lunar 1-1 of `year`: the Spring Festival, Seollal, Tết.
    public func newYear(_ year: Int) -> CivilDate { months(ofLunarYear: year)[0].firstDay }

    /// The last day of lunar `year`: New Year's Eve (除夕).
    public func lastDay(ofLunarYear year: Int) -> CivilDate { months(ofLunarYear: year).last!.lastDay }

    /// The number of the leap month of `year`, nil when it has none.
    public func leapMonth(in year: Int) -> Int? { months(ofLunarYear: year).first(where: \.isLeap)?.number }

    /// The month `number` (the leap one when `leap`) of `year`; nil when the year has no such month.
    public func month(_ number: Int, leap: Bool = false, ofLunarYear year: Int) -> LunarMonth? {
        months(ofLunarYear: year).first { $0.number == number && $0.isLeap == leap }
    }

    // MARK: Conversions

    /// The Gregorian date of an exact lunar date; nil when it does not exist (day 30 of
    /// a 29-day month, a leap month the year does not have).
    public func gregorian(_ date: LunarDate) -> CivilDate? {
        guard date.day >= 1, let month = month(date.month, leap: date.isLeapMonth, ofLunarYear: date.year),
              date.day <= month.length else { return nil }
        return month.firstDay.adding(days: date.day - 1)
    }

    /// The lunar date of a Gregorian date.
    public func lunar(_ date: CivilDate) -> LunarDate {
        var year = date.year
        if date < newYear(year) { year -= 1 }
        for month in months(ofLunarYear: year) where month.contains(date) {
            return LunarDate(year: year, month: month.number, day: month.firstDay.days(to: date) + 1, isLeapMonth: month.isLeap)
        }
        preconditionFailure("lunar year \(year) does not cover \(date)")  // months tile the year by construction
    }

    // MARK: Solar terms

    /// The day (at this calendar's meridian) of `term` in Gregorian `year`.
    public func date(of term: SolarTerm, in year: Int) -> CivilDate {
        // Days after 20 March to reach the term's longitude at the mean solar motion; the
        // January terms (285°, 300°) belong to the start of the year, not its end.
        var offset = term.longitude / 360 * 365.2422
        if term.longitude >= 285 { offset -= 365.2422 }
        let estimate = JulianDay.terrestrial(dayNumber: CivilDate.dayNumber(year: year, month: 3, day: 20)) + offset
        return CivilDate(dayNumber: localDay(SunLongitude.jde(reaching: term.longitude, near: estimate)))
    }

    // MARK: Computation

    /// A month as the sui (winter solstice to winter solstice) lays it out.
    private struct MonthStart {
        let day: Int
        let number: Int
        let isLeap: Bool
    }

    private func localDay(_ jde: Double) -> Int {
        // The offset may change at an era boundary; take the one in force on the UT day.
        let utDay = JulianDay.dayNumber(terrestrial: jde, offsetSeconds: 0)
        return JulianDay.dayNumber(terrestrial: jde, offsetSeconds: meridian.offsetSeconds(dayNumber: utDay))
    }

    private func newMoonDay(_ lunation: Int) -> Int {
        let day = localDay(NewMoon.jde(lunation: lunation))
        return publishedMonthStarts[day] ?? day
    }

    /// The lunation whose month (at this meridian) contains the day `day`.
    private func lunation(containing day: Int) -> Int {
        var k = NewMoon.lunation(near: JulianDay.terrestrial(dayNumber: day))
        while newMoonDay(k) > day { k -= 1 }
        while newMoonDay(k + 1) <= day { k += 1 }
        return k
    }

    /// The months from the 11th month of the sui ending with the winter solstice of
    /// Gregorian `year` (i.e. the one holding the solstice of `year − 1`) up to, and
    /// excluding, the next 11th month; plus the start of that next 11th month.
    private func suiLocked(_ year: Int) -> [MonthStart] {
        if let cached = suis[year] { return cached }
        let estimate = JulianDay.terrestrial(dayNumber: CivilDate.dayNumber(year: year - 1, month: 12, day: 21))
        let solsticeJDE = SunLongitude.jde(reaching: 270, near: estimate)
        // The 13 principal terms from this solstice to the next: 270°, 300°, … 270°.
        var principal: [Int] = [localDay(solsticeJDE)]
        for j in 1...12 {
            let jde = SunLongitude.jde(reaching: SunLongitude.normalized(270 + 30 * Double(j)),
                                       near: solsticeJDE + Double(j) * 365.2422 / 12)
            principal.append(localDay(jde))
        }
        let first = lunation(containing: principal[0])
        let last = lunation(containing: principal[12])
        let starts = (first...last).map(newMoonDay)
        let monthCount = last - first  // 12, or 13 in a leap sui

        var leapIndex: Int?
        if monthCount == 13 {
            leapIndex = (1..<13).first { i in
                !principal.contains { $0 >= starts[i] && $0 < starts[i + 1] }
            }
        }
        var result: [MonthStart] = []
        var number = 11
        for i in 0...monthCount {
            if i > 0 && i != leapIndex { number = number % 12 + 1 }
            result.append(MonthStart(day: starts[i], number: i == monthCount ? 11 : number, isLeap: i == leapIndex))
        }
        suis[year] = result
        return result
    }

    private func monthsLocked(_ year: Int) -> [LunarMonth] {
        if let cached = years[year] { return cached }
        // Lunar `year` runs from month 1 of the sui ending in December `year` to month 1
        // of the next sui; its 11th and 12th months belong to the next sui.
        let current = suiLocked(year)
        let next = suiLocked(year + 1)
        let firstIndex = current.firstIndex { $0.number == 1 && !$0.isLeap }!
        let nextNewYear = next.firstIndex { $0.number == 1 && !$0.isLeap }!
        let layout = Array(current[firstIndex..<(current.count - 1)]) + Array(next[0...nextNewYear])
        var months: [LunarMonth] = []
        for (start, end) in zip(layout, layout.dropFirst()) {
            months.append(LunarMonth(year: year, number: start.number, isLeap: start.isLeap,
                                     firstDay: CivilDate(dayNumber: start.day), length: end.day - start.day))
        }
        years[year] = months
        return months
    }
}

extension LunisolarCalendar {
    /// Where a yearly lunar month-day (a birthday, a festival) falls in lunar `year`, by
    /// the spec's fallbacks: a leap month the year does not have → the ordinary month of
    /// that number; day 30 of a 29-day month → its day 29. Nil only for a month outside 1–12.
    public func yearlyDate(month: Int, day: Int, isLeapMonth: Bool, lunarYear year: Int) -> CivilDate? {
        let months = months(ofLunarYear: year)
        guard let target = months.first(where: { $0.number == month && $0.isLeap == isLeapMonth })
                ?? months.first(where: { $0.number == month && !$0.isLeap }) else { return nil }
        return target.firstDay.adding(days: min(max(day, 1), target.length) - 1)
    }
}
