/// Easter Sunday by the two computuses in use.
public enum Easter: String, CaseIterable, Sendable {
    /// Gregorian computus (Catholic and Protestant churches).
    case western
    /// Julian computus (Orthodox churches), given as a Gregorian date.
    case orthodox

    public func sunday(in year: Int) -> CivilDate {
        switch self {
        case .western: return Self.gregorianComputus(year)
        case .orthodox: return Self.julianComputus(year)
        }
    }

    /// The anonymous Gregorian algorithm ("Meeus/Jones/Butcher").
    static func gregorianComputus(_ year: Int) -> CivilDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)!
    }

    /// Meeus's Julian algorithm, then the Julian date moved to the Gregorian calendar:
    /// in March–May of `year` the two differ by year/100 − year/400 − 2 days (13 in 1900–2099).
    static func julianComputus(_ year: Int) -> CivilDate {
        let a = year % 4, b = year % 7, c = year % 19
        let d = (19 * c + 15) % 30
        let e = (2 * a + 4 * b - d + 34) % 7
        let month = (d + e + 114) / 31
        let day = (d + e + 114) % 31 + 1
        let julian = CivilDate(year: year, month: month, day: day)!
        return julian.adding(days: year / 100 - year / 400 - 2)
    }
}
