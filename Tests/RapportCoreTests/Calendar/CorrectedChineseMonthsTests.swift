import Testing
@testable import RapportCore

/// The three Chinese months the lunardate table started a day early (1933 6th, 1954 11th,
/// 1978 8th): the Purple Mountain Observatory's calendar (lunar-python), the Hong Kong
/// Observatory table (zhdate), lunarcalendar, python-holidays and the astronomy start them
/// on 1933-07-23, 1954-11-25 and 1978-09-03. And the 1906 exception, which stays.
@Suite struct CorrectedChineseMonthsTests {
    let china = LunisolarCalendar.china

    @Test(arguments: [
        (1933, 6, "1933-07-23", "1933-07-22"),  // after a 30-day leap 5th month
        (1954, 11, "1954-11-25", "1954-11-24"),
        (1978, 8, "1978-09-03", "1978-09-02"),
        (1906, 4, "1906-04-24", "1906-04-23"),  // the Qing calendar, a day after the new moon
    ])
    func monthStarts(year: Int, month: Int, first: String, dayBefore: String) {
        #expect(china.month(month, ofLunarYear: year)?.firstDay == CivilDate(first))
        #expect(china.lunar(CivilDate(first)!) == LunarDate(year: year, month: month, day: 1))
        // The day before is the last of the previous month, not the 1st of this one.
        #expect(china.lunar(CivilDate(dayBefore)!).day >= 29)
    }

    @Test func leapFifthMonthOf1933HasThirtyDays() {
        let leap = china.month(5, leap: true, ofLunarYear: 1933)
        #expect(leap?.firstDay == CivilDate("1933-06-23"))
        #expect(leap?.length == 30)
    }

    /// Mid-Autumn 1978 was 17 September (python-holidays, lunar-python); the shipped CN
    /// calendar lists it there.
    @Test func midAutumn1978() throws {
        #expect(china.gregorian(LunarDate(year: 1978, month: 8, day: 15)) == CivilDate("1978-09-17"))
        let occasions = try ShippedCalendars.load().occasions(country: "CN", year: 1978)
        #expect(occasions.first { $0.key == "mid-autumn" }?.date == CivilDate("1978-09-17"))
    }

    /// A contact's lunar birthday on the 1st of each corrected month: the agenda's event
    /// reason is due on the corrected day and its window (lead 1) opens the day before.
    @Test(arguments: [
        ("06-01", "1933-07-23"), ("11-01", "1954-11-25"), ("08-01", "1978-09-03"), ("08-15", "1978-09-17"),
    ])
    func lunarBirthdayInACorrectedMonth(birthday: String, due: String) throws {
        let contact = Contact(key: "li", account: "HD-MACH", name: "Li", birthday: RecurringDate(birthday, calendar: .chinese))
        let old = account(created: "1901-01-01")
        func events(_ date: CivilDate) throws -> [Reason] {
            reasons(.event, try agenda(old, on: date.description, contacts: [contact]))
        }
        let dueOn = day(due)
        #expect(try events(dueOn).map(\.dueOn) == [dueOn])
        #expect(try events(dueOn.adding(days: -1)).map(\.dueOn) == [dueOn])
        #expect(try events(dueOn.adding(days: -2)).isEmpty)
        #expect(try events(dueOn.adding(days: 1)).isEmpty)
    }
}
