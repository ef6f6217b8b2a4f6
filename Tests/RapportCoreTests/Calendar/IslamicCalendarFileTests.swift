import Testing
@testable import RapportCore

/// `islamic:` rules and the `islamic:` block of a calendar file: reading, errors with file
/// and line, and a user's config folder changing the shipped countries.
@Suite struct IslamicCalendarFileTests {
    /// The problems of a user file `XB.yaml`, each from `XB.yaml:LINE:` on, in file order.
    func problems(_ text: String) throws -> [String] {
        try HolidayCalendarTests().problems(text).map { line in
            line.range(of: "XB.yaml:").map { String(line[$0.lowerBound...]) } ?? line
        }
    }

    func date(_ calendar: HolidayCalendar, _ country: String, _ year: Int, _ key: String) throws -> [CivilDate] {
        try calendar.occasions(country: country, year: year).filter { $0.key == key }.map(\.date)
    }

    @Test func badRulesNameFileLineAndKey() throws {
        let lines = try problems("""
            occasions:
              - key: month-13
                islamic: 13-01
                names: { en: Bad }
              - key: day-31
                islamic: 10-31
                names: { en: Bad }
              - key: one-digit
                islamic: 10-1
                names: { en: Bad }
              - key: a-name
                islamic: eid
                names: { en: Bad }
              - key: two-rules
                islamic: 10-01
                date: 04-10
                names: { en: Bad }
            """)
        let reason = "is not a Hijri month-day MM-DD such as 10-01 (month 01–12, day 01–30)"
        #expect(lines == [
            "XB.yaml:3: rule month-13: islamic: '13-01' \(reason)",
            "XB.yaml:6: rule day-31: islamic: '10-31' \(reason)",
            "XB.yaml:9: rule one-digit: islamic: '10-1' \(reason)",
            "XB.yaml:12: rule a-name: islamic: 'eid' \(reason)",
            "XB.yaml:14: rule two-rules: more than one rule (islamic, date); give exactly one",
        ])
    }

    @Test func badIslamicBlockNamesFileAndLine() throws {
        let lines = try problems("""
            occasions:
              - key: eid-al-fitr
                islamic: 10-01
                names: { en: Eid al-Fitr }
            islamic:
              calendar: lunar
              sighting: local
              lag: 3
              official:
                1445-13-01: 2024-04-10
                1445-10-01: 2024-04-31
                1445-10-02: 10 April
                1445-12-10: 2024-07-16
            """)
        #expect(lines == [
            "XB.yaml:6: islamic: calendar: expected one of umm-al-qura, astronomical, mabims",
            "XB.yaml:7: islamic: unknown field 'sighting' (expected calendar, lag, official)",
            "XB.yaml:8: islamic: lag: expected a whole number of days in 0…2",
            "XB.yaml:10: islamic: official: '1445-13-01' is not a Hijri day YYYY-MM-DD such as 1445-10-01",
            "XB.yaml:11: islamic: official: 1445-10-01: '2024-04-31' is not a Gregorian date YYYY-MM-DD",
            "XB.yaml:12: islamic: official: 1445-10-02: '10 April' is not a Gregorian date YYYY-MM-DD",
            // 10 Dhu al-Hijja 1445 was 16 June 2024 (17 June in the arithmetic calendar):
            // a month off is a typo, not an announcement.
            "XB.yaml:13: islamic: official: 1445-12-10: 2024-07-16 is 29 days from the arithmetic calendar's 2024-06-17; an official date is at most 5 days from it",
        ])
        #expect(try problems("occasions: []\nislamic: umm-al-qura\n")
            == ["XB.yaml:2: islamic: expected a mapping of calendar, lag, official"])
    }

    /// The arithmetic calendar of the typo check: its civil epoch, 1 Muharram AH 1 on
    /// 16 July 622 (Julian) = 19 July 622 (proleptic Gregorian, day −492 148), and its
    /// 30-year cycle of 10 631 days with 355-day years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29.
    @Test func arithmeticCalendar() {
        let start = { (year: Int) in IslamicCalendar.arithmeticDate(year: year, month: 1, day: 1).dayNumber }
        #expect(start(1) == -492_148)
        #expect(start(31) - start(1) == 10_631)
        let long = (1...30).filter { start($0 + 1) - start($0) == 355 }
        #expect(long == [2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29])
        #expect(IslamicCalendar.arithmeticDate(year: 1, month: 12, day: 29).dayNumber - start(1) == 353)
    }

    /// A user's SA.yaml: an announced day of its own, a rule of its own, a new occasion.
    @Test func userOverridesTheShippedCountry() throws {
        let calendar = try HolidayCalendarTests.userCalendar(["SA.yaml": """
            occasions:
              - key: eid-al-adha
                islamic: 12-09       # greet on the Day of Arafah instead
              - key: ramadan
                islamic: 09-01
                names: { en: Ramadan begins }
            islamic:
              official:
                1445-10-01: 2024-04-09
            """])
        #expect(try date(calendar, "SA", 2024, "eid-al-fitr") == [CivilDate("2024-04-09")!])
        #expect(try date(calendar, "SA", 2024, "eid-al-adha") == [CivilDate("2024-06-15")!])
        // Umm al-Qura: 1 Ramadan 1445 = 11 March 2024.
        #expect(try date(calendar, "SA", 2024, "ramadan") == [CivilDate("2024-03-11")!])
        // The shipped official days stay: Eid al-Adha 1436 was announced for 24 September
        // 2015 (the table: the 23rd), so the Day of Arafah moves with it to the 23rd.
        #expect(try date(calendar, "SA", 2015, "eid-al-fitr") == [CivilDate("2015-07-17")!])
        #expect(try date(calendar, "SA", 2015, "eid-al-adha") == [CivilDate("2015-09-23")!])
    }

    /// `calendar: astronomical` in a user's file drops the table, not the announced days;
    /// a country of the user's own with no `islamic:` block uses Umm al-Qura.
    @Test func userChoosesTheBaseCalendar() throws {
        let calendar = try HolidayCalendarTests.userCalendar([
            "SA.yaml": "occasions: []\nislamic:\n  calendar: astronomical\n",
            "FR.yaml": """
                occasions:
                  - key: eid-al-fitr
                    islamic: 10-01
                    names: { fr: Aïd el-Fitr, en: Eid al-Fitr }
                """,
        ])
        // Eid al-Fitr 2024: 10 April (conjunction 8 April 21:21 Mecca time, after sunset:
        // the 9th is 30 Ramadan). Umm al-Qura gives the same day.
        #expect(try date(calendar, "FR", 2024, "eid-al-fitr") == [CivilDate("2024-04-10")!])
        // 1 Shawwal 1485: Umm al-Qura 30 January 2063 (hijridate), one of the three months
        // since AH 1423 where the rule gives another day (the 31st).
        #expect(try date(calendar, "FR", 2063, "eid-al-fitr") == [CivilDate("2063-01-30")!])
        #expect(try date(calendar, "SA", 2063, "eid-al-fitr") == [CivilDate("2063-01-31")!])
        // Only the base changed, not the announced days:
        #expect(try date(calendar, "SA", 2015, "eid-al-adha") == [CivilDate("2015-09-24")!])
    }
}
