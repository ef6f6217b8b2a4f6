import Foundation

/// The Sun's apparent geocentric longitude (Meeus, chapter 25, "higher accuracy"):
/// VSOP87 Earth position turned geocentric, reduced to the FK5 frame, plus nutation in
/// longitude and aberration. The solar terms are the instants it crosses multiples of 15°.
enum SunLongitude {
    /// Apparent longitude in degrees, 0 ..< 360, at a Julian Ephemeris Day (TT).
    static func apparent(jde: Double) -> Double {
        normalized(meanEquinox(jde: jde) + Nutation.longitude(t: JulianDay.centuries(sinceJ2000: jde)) / 3600)
    }

    /// The apparent longitude without nutation, i.e. from the mean equinox of date: what
    /// sidereal longitudes and the Moon's elongation need (nutation cancels in both).
    static func meanEquinox(jde: Double) -> Double {
        let tau = (jde - JulianDay.j2000) / 365_250
        let earthLongitude = VSOP87Earth.evaluate(VSOP87Earth.longitude, tau: tau) * 180 / .pi
        let radius = VSOP87Earth.evaluate(VSOP87Earth.radius, tau: tau)
        var longitude = earthLongitude + 180
        longitude -= 0.09033 / 3600  // VSOP87 dynamical ecliptic → FK5
        longitude -= 20.4898 / 3600 / radius  // annual aberration
        return normalized(longitude)
    }

    /// The instant (TT) the apparent longitude reaches `degrees`, searched from an
    /// estimate within a few days of it. Newton steps on the mean solar motion.
    static func jde(reaching degrees: Double, near estimate: Double) -> Double {
        var jde = estimate
        for _ in 0..<8 {
            var delta = degrees - apparent(jde: jde)
            delta -= 360 * (delta / 360).rounded()  // shortest way round, −180 … 180
            let step = delta * 365.242_19 / 360
            jde += step
            if abs(step) < 1e-7 { break }
        }
        return jde
    }

    static func normalized(_ degrees: Double) -> Double {
        let r = degrees.truncatingRemainder(dividingBy: 360)
        return r < 0 ? r + 360 : r
    }
}
