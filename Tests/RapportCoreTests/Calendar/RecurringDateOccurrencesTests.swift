import Testing
@testable import RapportCore

/// Yearly dates (birthdays, yearly events) mapped to Gregorian dates with the spec's
/// fallbacks, checked against the published Chinese table (Fixtures/calendar).
@Suite struct RecurringDateOccurrencesTests {
    let table: [Int: CalendarFixtures.LunarYearRow]

    init() throws {
        table = try CalendarFixtures.lunarYearsByYear("chinese-years")
    }

    func lunar(_ text: String) -> RecurringDate { RecurringDate(text, calendar: .chinese)! }
    func gregorian(_ text: String) -> RecurringDate { RecurringDate(text, calendar: .gregorian)! }
    func dates(_ texts: [String]) -> [CivilDate] { texts.map { CivilDate($0)! } }

    @Test func februaryTwentyNinth() {
        #expect(gregorian("02-29").occurrences(around: CivilDate("2025-06-01")!)
                == dates(["2024-02-29", "2025-02-28", "2026-02-28"]))
        #expect(gregorian("1988-02-29").gregorianDate(year: 2100) == CivilDate("2100-02-28"))
    }

    @Test func firstOfJanuaryIsThereOnNewYearsEve() {
        #expect(gregorian("01-01").occurrences(around: CivilDate("2025-12-31")!)
                == dates(["2024-01-01", "2025-01-01", "2026-01-01"]))
    }

    /// A leap-month birthday falls in the leap month when the year has it, else in the
    /// ordinary month of that number.
    @Test func leapMonthBirthday() throws {
        let birthday = lunar("L04-10")
        var leapYears = 0
        for year in 1901...2099 {
            guard let row = table[year] else { continue }  // 2057 is disputed: not in the table
            let leap = row.leapMonth == 4
            if leap { leapYears += 1 }
            let expected = CalendarFixtures.monthStart(row, month: 4, leap: leap)?.adding(days: 9)
            #expect(birthday.gregorianDate(lunarYear: year) == expected, "\(year)")
        }
        #expect(leapYears >= 5)  // 1906, 1925, 1944, 1952, 1971, 1990, 2001, 2020, …
        // 2020 has a leap 4th month (23 May – 20 June), 2021 has not.
        #expect(birthday.gregorianDate(lunarYear: 2020) == CivilDate("2020-06-01"))
        #expect(birthday.gregorianDate(lunarYear: 2021) == CivilDate("2021-05-21"))
        #expect(lunar("04-10").gregorianDate(lunarYear: 2020) == CivilDate("2020-05-02"))
    }

    /// Day 30 of a month that has only 29 days this year falls on its 29th.
    @Test func dayThirtyInShortMonth() throws {
        let birthday = lunar("08-30")
        var short = 0
        for year in 1901...2099 {
            guard let row = table[year] else { continue }  // 2057 is disputed: not in the table
            let start = try #require(CalendarFixtures.monthStart(row, month: 8))
            let next = try #require(CalendarFixtures.monthStart(row, month: row.leapMonth == 8 ? 8 : 9, leap: row.leapMonth == 8))
            let length = start.days(to: next)
            if length == 29 { short += 1 }
            #expect(birthday.gregorianDate(lunarYear: year) == start.adding(days: min(30, length) - 1), "\(year)")
        }
        #expect(short > 50 && short < 150)
        // Lunar 2025's 8th month has 29 days (22 September – 20 October).
        #expect(birthday.gregorianDate(lunarYear: 2025) == CivilDate("2025-10-20"))
        #expect(birthday.gregorianDate(lunarYear: 2024) == CivilDate("2024-10-02"))  // a 30-day month
    }

    /// Around the Gregorian new year: lunar dates of two lunar years are near.
    @Test func yearWrap() {
        // Lunar 12-20 of lunar 2024 is 19 January 2025; of 2025, 7 February 2026.
        let birthday = lunar("12-20")
        let around = birthday.occurrences(around: CivilDate("2025-01-05")!)
        #expect(around.contains(CivilDate("2025-01-19")!))
        #expect(around.contains(CivilDate("2024-01-30")!))
        #expect(around.contains(CivilDate("2026-02-07")!))
        #expect(around == around.sorted())
        // Lunar 1-1 around New Year's Eve of 2025 includes the 2026 Spring Festival.
        #expect(lunar("01-01").occurrences(around: CivilDate("2025-12-31")!).contains(CivilDate("2026-02-17")!))
    }

    /// For any date, every occurrence in the Gregorian years around it is listed.
    @Test func occurrencesCoverTheYearsAround() throws {
        let birthday = lunar("11-30")
        for year in stride(from: 1905, through: 2095, by: 7) {
            for date in [CivilDate(year: year, month: 1, day: 3)!, CivilDate(year: year, month: 12, day: 30)!] {
                let listed = Set(birthday.occurrences(around: date))
                for lunarYear in (year - 2)...(year + 1) {
                    guard let row = table[lunarYear] else { continue }  // 2057 is disputed: not in the table
                    guard let start = CalendarFixtures.monthStart(row, month: 11) else { continue }
                    let next = CalendarFixtures.monthStart(row, month: row.leapMonth == 11 ? 11 : 12, leap: row.leapMonth == 11)!
                    let occurrence = start.adding(days: min(30, start.days(to: next)) - 1)
                    if (year - 1...year + 1).contains(occurrence.year) {
                        #expect(listed.contains(occurrence), "\(date): \(occurrence)")
                    }
                }
            }
        }
    }

    @Test func calendarKindsDoNotMix() {
        #expect(gregorian("05-01").gregorianDate(lunarYear: 2025) == nil)
        #expect(lunar("05-01").gregorianDate(year: 2025) == nil)
        #expect(RecurringDate(calendar: .chinese, month: 13, day: 1).occurrences(around: CivilDate("2025-01-01")!).isEmpty)
    }
}
