import Foundation

/// The month-days (`MM-DD`, as stored for birthdays and events) whose yearly occurrence may
/// fall in a range of Gregorian dates. The database is filtered with these before the
/// rules compute exact occurrences, so the set only has to be a superset.
public enum MonthDayCandidates {
    /// Gregorian: every day of the range, plus 29 February when the range holds 28 February
    /// of a common year (where a 29 February date falls).
    public static func gregorian(from: CivilDate, through: CivilDate) -> Set<String> {
        guard from.days(to: through) < 366 else { return allMonthDays }
        var result: Set<String> = []
        var day = from
        while day <= through {
            result.insert(monthDay(day.month, day.day))
            if day.month == 2, day.day == 28, !CivilDate.isLeapYear(day.year) { result.insert("02-29") }
            day = day.adding(days: 1)
        }
        return result
    }

    /// Lunar: the lunar month-day of every day of the range with a day of slack either way
    /// (and day 30, which falls on 29 in a short month), so a converter that differs by a
    /// day at a month edge cannot hide a birthday. Leap and ordinary months share `MM-DD`.
    public static func lunar(from: CivilDate, through: CivilDate) -> Set<String> {
        guard from.days(to: through) < 366 else { return allMonthDays }
        var result: Set<String> = []
        var day = from.adding(days: -1)
        while day <= through.adding(days: 1) {
            if let (month, dayOfMonth) = lunarMonthDay(day) {
                result.insert(monthDay(month, dayOfMonth))
                if dayOfMonth >= 29 { result.insert(monthDay(month, 30)) }
            }
            day = day.adding(days: 1)
        }
        return result
    }

    private static let allMonthDays: Set<String> = Set((1...12).flatMap { m in (1...31).map { monthDay(m, $0) } })

    private static func monthDay(_ month: Int, _ day: Int) -> String {
        (month < 10 ? "0\(month)" : "\(month)") + "-" + (day < 10 ? "0\(day)" : "\(day)")
    }

    private static let utc = TimeZone(identifier: "UTC")!
    private static let chinese: Calendar = {
        var calendar = Calendar(identifier: .chinese)
        calendar.timeZone = utc
        return calendar
    }()
    private static let gregorianCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar
    }()

    private static func lunarMonthDay(_ date: CivilDate) -> (Int, Int)? {
        guard let instant = gregorianCalendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
        else { return nil }
        let parts = chinese.dateComponents([.month, .day], from: instant)
        guard let month = parts.month, let day = parts.day else { return nil }
        return (month, day)
    }
}
