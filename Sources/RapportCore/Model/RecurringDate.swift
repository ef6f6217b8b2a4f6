/// A month-day that comes back every year: a Gregorian `MM-DD`, or a Chinese lunar
/// month-day (`L04-10` = day 10 of the leap 4th month).
public struct RecurringDate: Hashable, Sendable, CustomStringConvertible {
    public var calendar: CalendarKind
    public var month: Int
    public var day: Int
    public var isLeapMonth: Bool

    public init(calendar: CalendarKind, month: Int, day: Int, isLeapMonth: Bool = false) {
        self.calendar = calendar
        self.month = month
        self.day = day
        self.isLeapMonth = isLeapMonth
    }

    /// Parses `MM-DD` (or `YYYY-MM-DD`, year ignored) for Gregorian dates and
    /// `MM-DD` / `LMM-DD` for lunar ones; nil when malformed or impossible.
    public init?(_ text: String, calendar: CalendarKind) {
        var body = Substring(text)
        var leap = false
        switch calendar {
        case .gregorian:
            // `YYYY-MM-DD`: the year is ignored (even 1981-02-29 means 29 February).
            if body.count == 10, body.dropFirst(4).first == "-", body.prefix(4).allSatisfy(\.isASCII),
               Int(body.prefix(4)) != nil {
                body = body.dropFirst(5)
            }
        case .chinese:
            if body.first == "L" || body.first == "l" {
                leap = true
                body = body.dropFirst()
            }
        }
        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let m = Int(parts[0]), let d = Int(parts[1]) else { return nil }
        switch calendar {
        case .gregorian:
            // 29 February is a valid birthday: it falls on 28 February in common years.
            guard let _ = CivilDate(year: 2000, month: m, day: d) else { return nil }
        case .chinese:
            guard (1...12).contains(m), (1...30).contains(d) else { return nil }
        }
        self.init(calendar: calendar, month: m, day: d, isLeapMonth: leap)
    }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return (isLeapMonth ? "L" : "") + m + "-" + d
    }
}
