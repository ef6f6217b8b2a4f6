import Testing
@testable import RapportCore

/// The whole computed table against published tables, year by year.
@Suite struct LunisolarTableTests {
    /// Every lunar year 1900–2099 but the disputed 2057, against the table lunar-python
    /// (Purple Mountain Observatory) and zhdate (Hong Kong Observatory) agree on.
    @Test func chinaMatchesPublishedTable1900To2099() throws {
        let rows = try CalendarFixtures.lunarYears("chinese-years")
        #expect(rows.count == 199)
        #expect(!rows.contains { $0.year == 2057 })
        let problems = CalendarFixtures.disagreements(.china, rows)
        #expect(problems.isEmpty, "\(problems.count) years differ:\n\(problems.joined(separator: "\n"))")
    }

    /// Where the two sources disagree, the new moon falls seconds from midnight: the
    /// engine must start the month on the day the astronomy (ephem's instant, UTC+8) puts
    /// it, which is one of the two sources' days.
    @Test func disputedChineseMonthFollowsTheAstronomy() throws {
        let rows = try CalendarFixtures.rows("chinese-disputed")
        #expect(rows.count == 1)
        for cells in rows {
            let (year, month, leap) = (Int(cells[0])!, Int(cells[1])!, cells[2] == "1")
            let newMoonDay = try #require(CivilDate(String(cells[5].prefix(10))))
            let computed = LunisolarCalendar.china.month(month, leap: leap, ofLunarYear: year)?.firstDay
            #expect(computed == newMoonDay, "\(year) month \(month)")
            #expect([CivilDate(cells[3]), CivilDate(cells[4])].contains(computed))
        }
    }

    @Test func koreaMatchesKASITable1900To2049() throws {
        let rows = try CalendarFixtures.lunarYears("korean-years")
        #expect(rows.count == 150)
        let problems = CalendarFixtures.disagreements(.korea, rows)
        #expect(problems.isEmpty, "\(problems.count) years differ:\n\(problems.joined(separator: "\n"))")
    }

    /// The Vietnamese table is itself computed (Ho Ngoc Duc's method, lower-precision
    /// astronomy), so it can differ where a new moon falls within seconds of midnight
    /// UTC+7. These four months are such cases (instants from the JPL-based `ephem`
    /// package): 1944-06-20 23:59:32, 1967-07-08 00:00:02, 2072-12-09 23:58:28,
    /// 2077-11-15 23:59:34. Any other difference fails.
    @Test func vietnamMatchesVietnameseTable1900To2099ExceptMidnightNewMoons() throws {
        let rows = try CalendarFixtures.lunarYears("vietnamese-years")
        #expect(rows.count == 200)
        let problems = CalendarFixtures.disagreements(.vietnam, rows)
        #expect(problems.map { String($0.prefix(4)) } == ["1944", "1967", "2072", "2077"], "\(problems.joined(separator: "\n"))")
        // Each of those years differs only in where one month boundary falls, by one day.
        for row in rows where [1944, 1967, 2072, 2077].contains(row.year) {
            let computed = LunisolarCalendar.vietnam.months(ofLunarYear: row.year).map(\.length)
            let changed = zip(computed, row.monthDays).filter { $0 != $1 }.count
            #expect(changed == 2 && computed.reduce(0, +) == row.monthDays.reduce(0, +), "\(row.year)")
        }
    }
}
