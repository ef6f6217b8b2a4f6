import Testing
@testable import RapportCore

@Suite struct CivilDateTests {
    @Test func parsesAndPrints() {
        #expect(CivilDate("2024-02-29")?.description == "2024-02-29")
        #expect(CivilDate("2025-02-29") == nil)
        #expect(CivilDate("2025-2-09") == nil)
        #expect(CivilDate("2025-13-01") == nil)
        #expect(CivilDate("abcd-01-01") == nil)
    }

    @Test func dayNumbersMatchKnownDates() {
        #expect(CivilDate("1970-01-01")!.dayNumber == 0)
        #expect(CivilDate("2000-03-01")!.dayNumber == 11017)
        #expect(CivilDate("1901-01-01")!.dayNumber == -25202)
        #expect(CivilDate(dayNumber: 20_000).description == "2024-10-04")
    }

    @Test func weekdays() {
        #expect(CivilDate("2026-11-29")!.weekday == 7)  // a Sunday
        #expect(CivilDate("1970-01-01")!.weekday == 4)  // a Thursday
        #expect(CivilDate("1969-12-29")!.weekday == 1)  // a Monday
    }

    @Test func arithmeticAcrossYearEndAndLeapDay() {
        #expect(CivilDate("2025-12-31")!.adding(days: 1).description == "2026-01-01")
        #expect(CivilDate("2024-02-28")!.adding(days: 1).description == "2024-02-29")
        #expect(CivilDate("2024-01-01")!.days(to: CivilDate("2025-01-01")!) == 366)
    }

    /// Dates are held packed in one word: order, equality and the fields must still be the
    /// calendar's, also for years before 1 and far ahead.
    @Test func packedDatesOrderAsTheCalendar() {
        let dates = ["0001-01-01", "1969-12-31", "1970-01-01", "2024-02-29", "2024-03-01", "2025-12-31", "2026-01-01", "9999-12-31"]
            .map { CivilDate($0)! }
        #expect(dates == dates.sorted())
        for (a, b) in zip(dates, dates.dropFirst()) { #expect(a < b && a != b && !(b < a)) }
        #expect(CivilDate(dayNumber: -800_000).year < 0)
        #expect(CivilDate(dayNumber: -800_000) < CivilDate(dayNumber: -799_999))
        #expect(CivilDate(dayNumber: -800_000).adding(days: 800_000).description == "1970-01-01")
        let day = CivilDate(year: 2026, month: 11, day: 29)!
        #expect((day.year, day.month, day.day) == (2026, 11, 29))
        #expect(Set([day, CivilDate("2026-11-29")!]).count == 1)
    }

    @Test func februaryTwentyNinthFallsOnTwentyEighth() {
        #expect(CivilDate.yearly(month: 2, day: 29, in: 2025)?.description == "2025-02-28")
        #expect(CivilDate.yearly(month: 2, day: 29, in: 2028)?.description == "2028-02-29")
        #expect(CivilDate.yearly(month: 2, day: 29, in: 2100)?.description == "2100-02-28")
    }
}
