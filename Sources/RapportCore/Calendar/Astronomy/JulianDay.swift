import Foundation

/// Julian days: the continuous day count astronomy works in. Terrestrial Time (TT, the
/// "JDE" of the ephemerides) runs ahead of Universal Time by ΔT; civil dates belong to
/// Universal Time shifted by a meridian's offset.
enum JulianDay {
    /// JD of 1970-01-01 00:00 UT, day number 0 of `CivilDate`.
    static let unixEpoch = 2_440_587.5
    /// JD of the J2000.0 epoch (2000-01-01 12:00 TT).
    static let j2000 = 2_451_545.0

    /// Julian centuries of 36525 days from J2000.0.
    static func centuries(sinceJ2000 jd: Double) -> Double { (jd - j2000) / 36_525 }

    /// The year with a fraction (2024.5 is mid-2024), as ΔT tables are indexed.
    static func decimalYear(_ jd: Double) -> Double { 2000 + (jd - j2000) / 365.2425 }

    /// Universal Time of an instant given in Terrestrial Time.
    static func universal(fromTerrestrial jde: Double) -> Double {
        jde - DeltaT.seconds(decimalYear: decimalYear(jde)) / 86_400
    }

    /// Terrestrial Time of the start (00:00 UT) of a civil day number.
    static func terrestrial(dayNumber: Int) -> Double {
        let jd = unixEpoch + Double(dayNumber)
        return jd + DeltaT.seconds(decimalYear: decimalYear(jd)) / 86_400
    }

    /// The civil day number on which a TT instant falls for a clock `offsetSeconds` ahead of UT.
    static func dayNumber(terrestrial jde: Double, offsetSeconds: Int) -> Int {
        let local = universal(fromTerrestrial: jde) + Double(offsetSeconds) / 86_400
        return Int((local - unixEpoch).rounded(.down))
    }
}

/// ΔT = TT − UT in seconds: the polynomials of Espenak & Meeus (NASA Five Millennium
/// Canon, 2006), which follow the observed values to about a second over 1900–2020 and
/// extrapolate beyond. A minute of error moves a new moon or a solar term across
/// midnight only when it falls within that minute of it.
enum DeltaT {
    static func seconds(decimalYear y: Double) -> Double {
        switch y {
        case ..<1800:
            return longTerm(y)
        case ..<1860:
            let t = y - 1800
            return 13.72 - 0.332447 * t + 0.0068612 * t * t + 0.0041116 * pow(t, 3) - 0.00037436 * pow(t, 4)
                + 0.0000121272 * pow(t, 5) - 0.0000001699 * pow(t, 6) + 0.000000000875 * pow(t, 7)
        case ..<1900:
            let t = y - 1860
            return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * pow(t, 3) - 0.0004473624 * pow(t, 4)
                + pow(t, 5) / 233_174
        case ..<1920:
            let t = y - 1900
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * pow(t, 3) - 0.000197 * pow(t, 4)
        case ..<1941:
            let t = y - 1920
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * pow(t, 3)
        case ..<1961:
            let t = y - 1950
            return 29.07 + 0.407 * t - t * t / 233 + pow(t, 3) / 2547
        case ..<1986:
            let t = y - 1975
            return 45.45 + 1.067 * t - t * t / 260 - pow(t, 3) / 718
        case ..<2005:
            let t = y - 2000
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * pow(t, 3) + 0.000651814 * pow(t, 4)
                + 0.00002373599 * pow(t, 5)
        case ..<2050:
            let t = y - 2000
            return 62.92 + 0.32217 * t + 0.005589 * t * t
        case ..<2150:
            return longTerm(y) - 0.5628 * (2150 - y)
        default:
            return longTerm(y)
        }
    }

    private static func longTerm(_ y: Double) -> Double {
        let u = (y - 1820) / 100
        return -20 + 32 * u * u
    }
}
