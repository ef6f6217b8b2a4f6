import Testing
@testable import RapportCore

/// What the agenda relies on from `RecurringDate.occurrences(around:)`, checked against
/// published dates so the provisional converter and the calendar engine's both pass.
@Suite struct AgendaOccurrenceTests {
    func occurrences(_ text: String, _ calendar: CalendarKind, around date: String) -> [CivilDate] {
        RecurringDate(text, calendar: calendar)!.occurrences(around: day(date))
    }

    @Test func gregorianYearsAroundTheDate() {
        #expect(occurrences("01-01", .gregorian, around: "2026-12-31") == [day("2025-01-01"), day("2026-01-01"), day("2027-01-01")])
        #expect(occurrences("02-29", .gregorian, around: "2027-06-01") == [day("2026-02-28"), day("2027-02-28"), day("2028-02-29")])
    }

    @Test func lunarPublishedDates() {
        // Spring Festival 2026-02-17, Mid-Autumn 2026-09-25, Dragon Boat 2026-06-19, Qixi 2026-08-19.
        #expect(occurrences("01-01", .chinese, around: "2026-06-01").contains(day("2026-02-17")))
        #expect(occurrences("08-15", .chinese, around: "2026-06-01").contains(day("2026-09-25")))
        #expect(occurrences("05-05", .chinese, around: "2026-06-01").contains(day("2026-06-19")))
        #expect(occurrences("07-07", .chinese, around: "2026-06-01").contains(day("2026-08-19")))
        // Mid-Autumn 2025-10-06 and 2027-09-15: every year around the date is covered, sorted.
        // (The agenda needs D's year and its neighbours; further years are harmless.)
        let midAutumn = occurrences("08-15", .chinese, around: "2026-06-01")
        #expect([day("2025-10-06"), day("2026-09-25"), day("2027-09-15")].allSatisfy(midAutumn.contains))
        #expect(midAutumn == midAutumn.sorted())
    }

    @Test func lunarFallbacks() {
        // 12-30 in the 29-day 12th month of lunar 2025: New Year's Eve 2026-02-16.
        #expect(occurrences("12-30", .chinese, around: "2026-02-01").contains(day("2026-02-16")))
        // Leap 6th month of 2025 (began 2025-07-25); 2026 has none, so L06-10 takes the ordinary 06-10.
        let leap = occurrences("L06-10", .chinese, around: "2025-08-01")
        #expect(leap.contains(day("2025-08-03")))
        #expect(!leap.contains(day("2025-07-04")))  // the ordinary 06-10 of 2025 belongs to "06-10"
        #expect(occurrences("06-10", .chinese, around: "2025-08-01").contains(day("2025-07-04")))
    }
}
