/// A day of a Chinese-style lunisolar calendar: lunar year (the Gregorian year in which
/// its first month begins), month 1–12 (a leap month repeats the number of the month
/// before it), day 1–30.
public struct LunarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var isLeapMonth: Bool

    public init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.isLeapMonth = isLeapMonth
    }

    /// `2025-L06-01` for day 1 of the leap sixth month of lunar 2025.
    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-" + (isLeapMonth ? "L" : "") + m + "-" + d
    }

    /// Calendar order: a leap month comes after the ordinary month of its number.
    public static func < (a: LunarDate, b: LunarDate) -> Bool {
        (a.year, a.month, a.isLeapMonth ? 1 : 0, a.day) < (b.year, b.month, b.isLeapMonth ? 1 : 0, b.day)
    }
}

/// One month of a lunar year as the calendar laid it out.
public struct LunarMonth: Hashable, Sendable {
    public let year: Int
    public let number: Int
    public let isLeap: Bool
    public let firstDay: CivilDate
    /// 29 or 30.
    public let length: Int

    public var lastDay: CivilDate { firstDay.adding(days: length - 1) }

    public func contains(_ date: CivilDate) -> Bool {
        let offset = firstDay.days(to: date)
        return offset >= 0 && offset < length
    }
}
