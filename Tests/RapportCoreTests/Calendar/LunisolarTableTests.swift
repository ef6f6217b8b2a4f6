import Testing
@testable import RapportCore

/// The whole computed table against published tables, year by year.
@Suite struct LunisolarTableTests {
    @Test func chinaMatchesHongKongObservatoryTable1900To2099() throws {
        let rows = try CalendarFixtures.lunarYears("chinese-years")
        #expect(rows.count == 200)
        let problems = CalendarFixtures.disagreements(.china, rows)
        #expect(problems.isEmpty, "\(problems.count) years differ:\n\(problems.joined(separator: "\n"))")
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
