/// The astronomical rule Rapport uses where no published Hijri calendar reaches: a month
/// begins on the day after the evening at Mecca on which the conjunction (new moon) has
/// happened before sunset; a conjunction after sunset starts the month a day later. It is
/// the Umm al-Qura rule without its second condition (the Moon setting after the Sun),
/// which would need the Moon's position; docs/calendars.md gives how often the two agree.
extension IslamicCalendar {
    /// Mecca, the Kaaba: the place of the Umm al-Qura calendar.
    static let mecca = (latitude: 21.4225, longitude: 39.8262)
    /// Arabia Standard Time, UTC+3: the clock that divides Mecca's days.
    static let meccaOffsetSeconds = 3 * 3600
    /// JD of 1 Muharram AH 1 in the arithmetic calendar (16 July 622, Julian): where the
    /// count of mean lunations starts, to find the conjunction that opens a month.
    static let epochJulianDay = 1_948_439.5

    static func ruleMonthStart(year: Int, month: Int) -> Int {
        let months = Double(monthIndex(year: year, month: month))
        // The mean conjunction falls a day or two before the month's arithmetic start.
        let estimate = epochJulianDay - 1.5 + months * NewMoon.synodicMonth
        let conjunction = NewMoon.jde(lunation: NewMoon.lunation(near: estimate))
        let day = JulianDay.dayNumber(terrestrial: conjunction, offsetSeconds: meccaOffsetSeconds)
        let conjunctionUT = JulianDay.universal(fromTerrestrial: conjunction)
        // Mecca (21° N) always has a sunset.
        let sunset = Sunset.universal(dayNumber: day, latitude: mecca.latitude, longitude: mecca.longitude)!
        return conjunctionUT < sunset ? day + 1 : day + 2
    }
}
