import Foundation

/// The Lahiri (Chitrapaksha) ayanamsha: the distance of the moving vernal equinox from
/// the start of the sidereal zodiac, as India's national calendar reform committee
/// fixed it (23°15′00.658″ on 21 March 1956, 0h TT) and the Indian Astronomical
/// Ephemeris carries it forward with the general precession in longitude (IAU 1976,
/// 5029.0966″ a century). This is the ayanamsha of the Rashtriya Panchang and of
/// Swiss Ephemeris' `SIDM_LAHIRI` (23.8571° at J2000), to well under an arcsecond here.
enum Ayanamsha {
    /// The reference epoch and value (Swiss Ephemeris' figure, which corrects the
    /// committee's value for the nutation it included).
    static let epoch = 2_435_553.5
    static let valueAtEpoch = 23.250_182_778 - 0.004_658_035

    /// Degrees at a Julian Ephemeris Day.
    static func lahiri(jde: Double) -> Double {
        valueAtEpoch + (precession(jde) - precession(epoch)) / 3600
    }

    /// The mean Sun's sidereal longitude: the apparent longitude less nutation (sidereal
    /// positions are measured from the mean equinox) less the ayanamsha. Degrees 0 ..< 360.
    static func siderealSunLongitude(jde: Double) -> Double {
        SunLongitude.normalized(SunLongitude.meanEquinox(jde: jde) - lahiri(jde: jde))
    }

    /// General precession in longitude since J2000, arcseconds.
    private static func precession(_ jde: Double) -> Double {
        let t = JulianDay.centuries(sinceJ2000: jde)
        return 5029.0966 * t + 1.11113 * t * t
    }
}
