import Testing
@testable import RapportCore

@Suite struct RecurringDateTests {
    @Test func aBirthdaysYearIsIgnored() {
        #expect(RecurringDate("1971-03-08", calendar: .gregorian)?.description == "03-08")
        // 1981 had no 29 February, but the year of a birthday is ignored (spec: CSV files).
        #expect(RecurringDate("1981-02-29", calendar: .gregorian)?.description == "02-29")
        #expect(RecurringDate("02-29", calendar: .gregorian)?.description == "02-29")
    }

    @Test func impossibleMonthDaysAreRejected() {
        #expect(RecurringDate("1981-02-30", calendar: .gregorian) == nil)
        #expect(RecurringDate("1981-13-01", calendar: .gregorian) == nil)
        #expect(RecurringDate("04-31", calendar: .gregorian) == nil)
        #expect(RecurringDate("19x1-03-08", calendar: .gregorian) == nil)
        #expect(RecurringDate("3-8", calendar: .gregorian) == nil)
    }

    @Test func lunarDatesTakeLeapMonthsAndDayThirty() {
        let leap = RecurringDate("L04-10", calendar: .chinese)
        #expect(leap?.isLeapMonth == true && leap?.month == 4 && leap?.day == 10)
        #expect(RecurringDate("12-30", calendar: .chinese)?.description == "12-30")
        #expect(RecurringDate("13-01", calendar: .chinese) == nil)
        #expect(RecurringDate("01-31", calendar: .chinese) == nil)
    }
}
