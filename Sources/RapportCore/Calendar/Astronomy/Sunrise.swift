import Foundation

/// Sunrise and sunset at a place, as almanacs print them: the Sun's upper limb on a
/// sea-level horizon with the standard 34′ of refraction (altitude −0°50′). The Sun's
/// apparent longitude is `SunLongitude`'s; its hour angle is found by Newton steps on
/// Greenwich mean sidereal time (Meeus, chapters 12 and 15). Good to well under a
/// minute away from the polar circles.
enum Sunrise {
    struct Place: Hashable, Sendable {
        /// Degrees, north positive.
        let latitude: Double
        /// Degrees, east positive.
        let longitude: Double
    }

    /// Altitude of the Sun's centre at the almanacs' rising and setting.
    static let horizonAltitude = -50.0 / 60

    /// The instant (Julian Day, UT) of sunrise (`rising`) or sunset nearest `estimate` (UT).
    static func jd(rising: Bool, at place: Place, near estimate: Double) -> Double {
        var jd = estimate
        for _ in 0..<5 {
            let (rightAscension, declination) = equatorial(jde: jd + DeltaT.seconds(decimalYear: JulianDay.decimalYear(jd)) / 86_400)
            let latitude = radians(place.latitude)
            let cosH0 = (sin(radians(horizonAltitude)) - sin(latitude) * sin(declination)) / (cos(latitude) * cos(declination))
            let h0 = acos(min(1, max(-1, cosH0))) * 180 / .pi
            let hourAngle = siderealTime(jd: jd) + place.longitude - rightAscension
            var error = hourAngle - (rising ? -h0 : h0)
            error -= 360 * (error / 360).rounded()
            let step = error / 360.985_647
            jd -= step
            if abs(step) < 1e-6 { break }
        }
        return jd
    }

    /// Apparent right ascension (degrees) and declination (radians) of the Sun, by
    /// Meeus's low-accuracy solar theory (chapter 25: 0.01°, a few seconds of sunrise;
    /// the VSOP87 series would cost ten times as much for nothing a day count can see).
    private static func equatorial(jde: Double) -> (Double, Double) {
        let t = JulianDay.centuries(sinceJ2000: jde)
        // Mean obliquity (Meeus 22.2); nutation in obliquity (≤ 9″) moves sunrise by under a second.
        let obliquity = radians(23.439_291_1 - 0.013_004_2 * t - 1.64e-7 * t * t + 5.04e-7 * t * t * t)
        let longitude = radians(lowAccuracyLongitude(t: t))
        let rightAscension = atan2(cos(obliquity) * sin(longitude), cos(longitude)) * 180 / .pi
        return (rightAscension, asin(sin(obliquity) * sin(longitude)))
    }

    /// The Sun's apparent longitude in degrees, Meeus 25.2–25.8.
    static func lowAccuracyLongitude(t: Double) -> Double {
        let meanLongitude = 280.466_46 + 36_000.769_83 * t + 0.000_303_2 * t * t
        let anomaly = radians(357.529_11 + 35_999.050_29 * t - 0.000_153_7 * t * t)
        let center = (1.914_602 - 0.004_817 * t - 0.000_014 * t * t) * sin(anomaly)
            + (0.019_993 - 0.000_101 * t) * sin(2 * anomaly) + 0.000_289 * sin(3 * anomaly)
        let omega = radians(125.04 - 1934.136 * t)
        return meanLongitude + center - 0.005_69 - 0.004_78 * sin(omega)
    }

    /// Greenwich mean sidereal time in degrees at a Julian Day (UT), Meeus 12.4.
    static func siderealTime(jd: Double) -> Double {
        let t = JulianDay.centuries(sinceJ2000: jd)
        return 280.460_618_37 + 360.985_647_366_29 * (jd - JulianDay.j2000) + 0.000_387_933 * t * t - t * t * t / 38_710_000
    }
}
