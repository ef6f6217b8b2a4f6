/// Where a yearly month-day (a birthday, a yearly event) falls, with the spec's
/// fallbacks: 29 February → 28 February in common years; lunar day 30 in a 29-day month
/// → day 29; a leap month in a year without it → the ordinary month of that number.
/// Lunar dates use the Chinese calendar (China's meridian).
extension RecurringDate {
    /// The occurrences for the years around `date`, sorted: Gregorian dates in
    /// `date.year − 1 … date.year + 1`; lunar dates in every lunar year that overlaps
    /// those Gregorian years, so each occurrence within a year of `date` is present.
    public func occurrences(around date: CivilDate) -> [CivilDate] {
        switch calendar {
        case .gregorian:
            return ((date.year - 1)...(date.year + 1)).compactMap { gregorianDate(year: $0) }
        case .chinese:
            // Lunar year N starts in January or February of N, so year − 2 reaches into year − 1.
            let dates = ((date.year - 2)...(date.year + 1)).compactMap { gregorianDate(lunarYear: $0) }
            return Array(Set(dates)).sorted()
        }
    }

    /// A Gregorian month-day in Gregorian `year`; nil for a lunar date or an impossible month-day.
    public func gregorianDate(year: Int) -> CivilDate? {
        guard calendar == .gregorian else { return nil }
        return CivilDate.yearly(month: month, day: day, in: year)
    }

    /// A lunar month-day in lunar `lunarYear` (which begins in Gregorian `lunarYear`);
    /// nil for a Gregorian date or a month outside 1–12.
    public func gregorianDate(lunarYear: Int) -> CivilDate? {
        guard calendar == .chinese else { return nil }
        return LunisolarCalendar.china.yearlyDate(month: month, day: day, isLeapMonth: isLeapMonth, lunarYear: lunarYear)
    }

    /// The first occurrence on or after `date`.
    public func nextOccurrence(onOrAfter date: CivilDate) -> CivilDate? {
        occurrences(around: date).first { $0 >= date }
            ?? occurrences(around: CivilDate(dayNumber: date.dayNumber + 366)).first { $0 >= date }
    }
}
