import Testing
@testable import RapportCore

/// `rules:`: an occasion whose rule changed over the years (US Thanksgiving), and the
/// problems a bad list reports.
@Suite struct YearRangeRulesTests {
    func occasion(_ calendar: HolidayCalendar, _ country: String, _ year: Int, _ key: String) throws -> [CivilDate] {
        try calendar.occasions(country: country, year: year).filter { $0.key == key }.map(\.date)
    }

    /// The dates proclaimed (and, from 1942, fixed by law): the last Thursday of November
    /// up to 1938, the Thursday before it in 1939–1941, the 4th Thursday from 1942.
    @Test(arguments: [
        (1901, "1901-11-28"), (1938, "1938-11-24"), (1939, "1939-11-23"), (1940, "1940-11-21"),
        (1941, "1941-11-20"), (1942, "1942-11-26"), (1934, "1934-11-29"), (2099, "2099-11-26"),
    ])
    func usThanksgiving(year: Int, date: String) throws {
        let calendar = try ShippedCalendars.load()
        #expect(try occasion(calendar, "US", year, "thanksgiving") == [CivilDate(date)!])
        // Black Friday is `from: thanksgiving`, so it follows the rule of the year.
        #expect(try occasion(calendar, "US", year, "black-friday") == [CivilDate(date)!.adding(days: 1)])
    }

    /// A user's rule field replaces the whole list; an offset alone shifts every rule.
    @Test func userOverridesReplaceOrShiftTheList() throws {
        let replaced = try HolidayCalendarTests.userCalendar(["US.yaml": """
            occasions:
              - key: thanksgiving
                weekday: 4th thursday of november
            """])
        #expect(try occasion(replaced, "US", 1939, "thanksgiving") == [CivilDate("1939-11-23")!])
        #expect(try occasion(replaced, "US", 1938, "thanksgiving") == [CivilDate("1938-11-24")!])  // also the 4th
        #expect(try occasion(replaced, "US", 1940, "thanksgiving") == [CivilDate("1940-11-28")!])
        let shifted = try HolidayCalendarTests.userCalendar(["US.yaml": """
            occasions:
              - key: thanksgiving
                offset: 1
            """])
        #expect(try occasion(shifted, "US", 1941, "thanksgiving") == [CivilDate("1941-11-21")!])
        #expect(try occasion(shifted, "US", 1901, "thanksgiving") == [CivilDate("1901-11-29")!])
    }

    /// Rules of other kinds (a fixed date) and the occasion's own `since` bound the list.
    @Test func listOfFixedDatesWithinTheOccasionsYears() throws {
        let calendar = try HolidayCalendarTests.userCalendar(["XB.yaml": """
            occasions:
              - key: founders-day
                since: 1920
                rules:
                  - { date: 03-01, until: 1959 }
                  - { date: 02-29, since: 1960 }
                names: { en: "Founders' Day" }
            """])
        #expect(try occasion(calendar, "XB", 1919, "founders-day").isEmpty)
        #expect(try occasion(calendar, "XB", 1920, "founders-day") == [CivilDate("1920-03-01")!])
        #expect(try occasion(calendar, "XB", 1959, "founders-day") == [CivilDate("1959-03-01")!])
        #expect(try occasion(calendar, "XB", 1960, "founders-day") == [CivilDate("1960-02-29")!])
        #expect(try occasion(calendar, "XB", 1961, "founders-day") == [CivilDate("1961-02-28")!])
    }

    @Test func badListsNameFileLineAndKey() throws {
        let calendar = try HolidayCalendarTests.userCalendar(["XB.yaml": """
            occasions:
              - key: overlap
                rules:
                  - { date: 01-01, until: 1950 }
                  - { date: 01-02, since: 1950 }
                names: { en: Bad }
              - key: two-kinds
                rules:
                  - { date: 01-01, easter: western, until: 1950 }
                names: { en: Bad }
              - key: relative
                rules:
                  - { from: overlap, since: 1990 }
                names: { en: Bad }
              - key: bad-years
                rules:
                  - { date: 01-01, since: 1990, until: 1980 }
                  - { date: 01-02, since: nineteen }
                names: { en: Bad }
              - key: bad-rule
                rules:
                  - { weekday: 6th monday of may, until: 1950 }
                names: { en: Bad }
              - key: not-a-list
                rules: { date: 01-01 }
                names: { en: Bad }
              - key: both
                date: 01-01
                rules:
                  - { date: 01-02 }
                names: { en: Bad }
            """])
        let error = HolidayCalendarTests.error { _ = try calendar.occasions(country: "XB", year: 2025) }
        #expect(error?.code == .dataError)
        let lines = error?.message.split(separator: "\n").map(String.init) ?? []
        func has(_ text: String) -> Bool { lines.contains { $0.contains("XB.yaml:" + text) } }
        #expect(has("5: rule overlap: rules: the years of the rules at lines 4 and 5 overlap"), "\(lines)")
        #expect(has("9: rule two-kinds: rules: give exactly one rule in each item (found date, easter)"), "\(lines)")
        #expect(has("13: rule relative: rules: 'from' is not allowed here"), "\(lines)")
        #expect(has("17: rule bad-years: rules: since 1990 is after until 1980"), "\(lines)")
        #expect(has("18: rule bad-years: rules: since: expected a year in 1…9999"), "\(lines)")
        #expect(has("22: rule bad-rule: rules: weekday: '6th monday of may'"), "\(lines)")
        #expect(has("25: rule not-a-list: rules: expected a list of rules"), "\(lines)")
        #expect(has("27: rule both: more than one rule (date, rules)"), "\(lines)")
        #expect(lines.count == 8, "\(lines.joined(separator: "\n"))")
    }
}
