import Testing
@testable import RapportCore

/// Dates printed in calendars and government notices, checked by hand.
@Suite struct PublishedDatesTests {
    let china = LunisolarCalendar.china

    @Test(arguments: [
        (2023, "2023-01-22"), (2024, "2024-02-10"), (2025, "2025-01-29"), (2026, "2026-02-17"),
        (1985, "1985-02-20"), (2000, "2000-02-05"), (1901, "1901-02-19"), (2099, "2099-01-21"),
    ])
    func chineseNewYear(year: Int, date: String) {
        #expect(china.newYear(year) == CivilDate(date))
    }

    @Test(arguments: [(2024, "2024-09-17"), (2025, "2025-10-06"), (2026, "2026-09-25"), (2023, "2023-09-29")])
    func midAutumn(year: Int, date: String) {
        #expect(china.gregorian(LunarDate(year: year, month: 8, day: 15)) == CivilDate(date))
    }

    @Test func leapMonths() {
        #expect(china.leapMonth(in: 2020) == 4)
        #expect(china.leapMonth(in: 2023) == 2)
        #expect(china.leapMonth(in: 2025) == 6)
        #expect(china.leapMonth(in: 2024) == nil)
        #expect(china.leapMonth(in: 2033) == 11)  // the "2033 problem": a leap 11th month
        #expect(china.months(ofLunarYear: 2025).count == 13)
        #expect(china.months(ofLunarYear: 2024).count == 12)
        // Leap sixth month of 2025: 25 July – 22 August.
        let leap = china.month(6, leap: true, ofLunarYear: 2025)
        #expect(leap?.firstDay == CivilDate("2025-07-25"))
        #expect(leap?.length == 29)
    }

    @Test func monthLengthsAreTwentyNineOrThirty() {
        for year in 1900...2100 {
            let months = china.months(ofLunarYear: year)
            #expect(months.allSatisfy { $0.length == 29 || $0.length == 30 }, "\(year)")
            #expect(months.count == 12 || months.count == 13)
            // Consecutive: each month starts the day after the previous ends; years tile.
            #expect(zip(months, months.dropFirst()).allSatisfy { $0.lastDay.adding(days: 1) == $1.firstDay })
            #expect(months.last!.lastDay.adding(days: 1) == china.newYear(year + 1))
        }
    }

    @Test func conversionsBothWays() {
        #expect(china.lunar(CivilDate("2025-07-30")!) == LunarDate(year: 2025, month: 6, day: 6, isLeapMonth: true))
        #expect(china.lunar(CivilDate("2024-02-09")!) == LunarDate(year: 2023, month: 12, day: 30))
        #expect(china.lunar(CivilDate("2025-01-01")!) == LunarDate(year: 2024, month: 12, day: 2))
        #expect(china.gregorian(LunarDate(year: 2025, month: 6, day: 6, isLeapMonth: true)) == CivilDate("2025-07-30"))
        // No such dates: a leap month 2024 lacks, day 30 of a 29-day month.
        #expect(china.gregorian(LunarDate(year: 2024, month: 6, day: 1, isLeapMonth: true)) == nil)
        #expect(china.gregorian(LunarDate(year: 2025, month: 8, day: 30)) == nil)
        // Round trip over every day of a decade.
        var day = CivilDate("2020-01-01")!
        while day.year < 2030 {
            #expect(china.gregorian(china.lunar(day)) == day)
            day = day.adding(days: 1)
        }
    }

    @Test func lastDayOfLunarYear() {
        #expect(china.lastDay(ofLunarYear: 2023) == CivilDate("2024-02-09"))  // 除夕 2024
        #expect(china.lastDay(ofLunarYear: 2024) == CivilDate("2025-01-28"))  // 除夕 2025, a 29th
        #expect(china.lastDay(ofLunarYear: 2025) == CivilDate("2026-02-16"))
    }

    /// Tết and Seollal where they part from the Chinese New Year.
    @Test func vietnameseAndKoreanNewYearsDiffer() {
        #expect(LunisolarCalendar.vietnam.newYear(1985) == CivilDate("1985-01-21"))
        #expect(china.newYear(1985) == CivilDate("1985-02-20"))
        #expect(LunisolarCalendar.vietnam.newYear(2007) == CivilDate("2007-02-17"))
        #expect(china.newYear(2007) == CivilDate("2007-02-18"))
        #expect(LunisolarCalendar.vietnam.newYear(2030) == CivilDate("2030-02-02"))
        #expect(china.newYear(2030) == CivilDate("2030-02-03"))
        #expect(LunisolarCalendar.korea.newYear(1997) == CivilDate("1997-02-08"))
        #expect(china.newYear(1997) == CivilDate("1997-02-07"))
        #expect(LunisolarCalendar.korea.newYear(2027) == CivilDate("2027-02-07"))
        #expect(china.newYear(2027) == CivilDate("2027-02-06"))
        // Most years they agree.
        #expect(LunisolarCalendar.korea.newYear(2026) == CivilDate("2026-02-17"))
        #expect(LunisolarCalendar.vietnam.newYear(2026) == CivilDate("2026-02-17"))
    }

    @Test(arguments: [(2008, "2008-04-04"), (2024, "2024-04-04"), (2025, "2025-04-04"), (2026, "2026-04-05"), (2019, "2019-04-05")])
    func qingming(year: Int, date: String) {
        #expect(SolarTerm.qingming.rawValue == 5)
        #expect(china.date(of: .qingming, in: year) == CivilDate(date))
    }

    @Test func solarTermNames() {
        #expect(SolarTerm(name: "qingming") == .qingming)
        #expect(SolarTerm(name: "Qing-Ming") == .qingming)
        #expect(SolarTerm(name: "清明") == .qingming)
        #expect(SolarTerm(name: "穀雨") == .guyu)
        #expect(SolarTerm(name: "22") == .dongzhi)
        #expect(SolarTerm(name: "spring") == nil)
        #expect(SolarTerm.dongzhi.longitude == 270)
        #expect(SolarTerm.lichun.longitude == 315)
        #expect(SolarTerm.chunfen.longitude == 0)
    }

    @Test func easter() {
        #expect(Easter.western.sunday(in: 2024) == CivilDate("2024-03-31"))
        #expect(Easter.orthodox.sunday(in: 2024) == CivilDate("2024-05-05"))
        #expect(Easter.western.sunday(in: 2025) == CivilDate("2025-04-20"))
        #expect(Easter.orthodox.sunday(in: 2025) == CivilDate("2025-04-20"))
        #expect(Easter.western.sunday(in: 2038) == CivilDate("2038-04-25"))  // the latest possible
        #expect(Easter.western.sunday(in: 2285) == CivilDate("2285-03-22"))  // the earliest possible
    }

    @Test func nthAndLastWeekdays() {
        // US Thanksgiving: 4th Thursday of November.
        let thanksgiving = { OccasionRule.weekdayDate(ordinal: 4, weekday: 4, month: 11, year: $0) }
        #expect(thanksgiving(2026) == CivilDate("2026-11-26"))
        #expect(thanksgiving(2025) == CivilDate("2025-11-27"))
        #expect(thanksgiving(2024) == CivilDate("2024-11-28"))
        #expect(thanksgiving(2018) == CivilDate("2018-11-22"))  // the earliest possible
        // Memorial Day, last Monday of May; a month with five Mondays and one without a 5th.
        #expect(OccasionRule.weekdayDate(ordinal: -1, weekday: 1, month: 5, year: 2025) == CivilDate("2025-05-26"))
        #expect(OccasionRule.weekdayDate(ordinal: -1, weekday: 1, month: 5, year: 2021) == CivilDate("2021-05-31"))
        #expect(OccasionRule.weekdayDate(ordinal: 5, weekday: 1, month: 5, year: 2021) == CivilDate("2021-05-31"))
        #expect(OccasionRule.weekdayDate(ordinal: 5, weekday: 1, month: 5, year: 2025) == nil)
        #expect(OccasionRule.parseWeekday("4th Thursday of November") == .weekday(ordinal: 4, weekday: 4, month: 11))
        #expect(OccasionRule.parseWeekday("last mon of may") == .weekday(ordinal: -1, weekday: 1, month: 5))
        #expect(OccasionRule.parseWeekday("6th monday of may") == nil)
        #expect(OccasionRule.parseWeekday("4th thursday in november") == nil)
    }
}

/// Dates far outside the checked range (an event typed as 0001 or 9999) must still map
/// to something sensible rather than crash.
@Suite struct FarYearsTests {
    @Test(arguments: [1, 500, 1600, 2500, 9998])
    func farYearsStillTileIntoMonths(year: Int) {
        let calendar = LunisolarCalendar.china
        let months = calendar.months(ofLunarYear: year)
        #expect(months.count == 12 || months.count == 13)
        #expect(months.allSatisfy { $0.length == 29 || $0.length == 30 })
        let day = CivilDate(year: year, month: 6, day: 1)!
        #expect(calendar.gregorian(calendar.lunar(day)) == day)
        #expect(!RecurringDate(calendar: .chinese, month: 8, day: 30, isLeapMonth: true).occurrences(around: day).isEmpty)
    }
}
