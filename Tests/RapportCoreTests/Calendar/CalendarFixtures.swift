import Foundation
@testable import RapportCore

/// The published calendar data committed under Fixtures/calendar (see generate.py there
/// for the sources). Tests compare the engine with these, never with its own output.
enum CalendarFixtures {
    /// A lunar year as a published table gives it.
    struct LunarYearRow {
        let year: Int
        let firstDay: CivilDate
        let leapMonth: Int?
        let monthDays: [Int]
    }

    /// The first day of month `month` (the leap one when `leap`) of a published lunar
    /// year, worked out from the table's month lengths alone; nil when the year has no such month.
    static func monthStart(_ row: LunarYearRow, month: Int, leap: Bool = false) -> CivilDate? {
        var day = row.firstDay
        var number = 1
        var inLeap = false
        for length in row.monthDays {
            if number == month && inLeap == leap { return day }
            day = day.adding(days: length)
            if !inLeap && number == row.leapMonth { inLeap = true } else { inLeap = false; number += 1 }
        }
        return nil
    }

    /// Published lunar years by year.
    static func lunarYearsByYear(_ name: String) throws -> [Int: LunarYearRow] {
        Dictionary(uniqueKeysWithValues: try lunarYears(name).map { ($0.year, $0) })
    }

    /// Rows of a fixture CSV (comment lines and the header dropped), split on commas.
    static func rows(_ name: String) throws -> [[String]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/calendar") else {
            throw FixtureError("missing fixture \(name).csv")
        }
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        return lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    static func lunarYears(_ name: String) throws -> [LunarYearRow] {
        try rows(name).map { cells in
            guard cells.count == 4, let year = Int(cells[0]), let first = CivilDate(cells[1]), let leap = Int(cells[2]) else {
                throw FixtureError("\(name): bad row \(cells)")
            }
            return LunarYearRow(year: year, firstDay: first, leapMonth: leap == 0 ? nil : leap,
                                monthDays: cells[3].split(separator: " ").compactMap { Int($0) })
        }
    }

    /// Lines describing every lunar year of `rows` on which `calendar` disagrees with the table.
    static func disagreements(_ calendar: LunisolarCalendar, _ rows: [LunarYearRow]) -> [String] {
        var problems: [String] = []
        for row in rows {
            let months = calendar.months(ofLunarYear: row.year)
            let firstDay = months[0].firstDay
            let leap = months.first(where: \.isLeap)?.number
            let lengths = months.map(\.length)
            if firstDay != row.firstDay || leap != row.leapMonth || lengths != row.monthDays {
                problems.append("\(row.year): published \(row.firstDay) leap \(row.leapMonth ?? 0) \(row.monthDays); "
                                + "computed \(firstDay) leap \(leap ?? 0) \(lengths)")
            }
        }
        return problems
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
