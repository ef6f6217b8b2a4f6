/// The occasion source the agenda and drafts use: a country without a calendar file, or
/// a year outside the supported range, simply has no occasions — one account in an
/// uncovered country must not stop a rep's whole morning list.
public struct AgendaOccasions: OccasionSource, @unchecked Sendable {
    public let calendar: HolidayCalendar

    public init(calendar: HolidayCalendar) { self.calendar = calendar }

    public func occasions(country: String, year: Int) throws -> [OccasionDate] {
        guard HolidayCalendar.supportedYears.contains(year), calendar.hasCalendar(country: country) else { return [] }
        return try calendar.occasions(country: country, year: year)
    }
}
