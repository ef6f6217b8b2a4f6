import Foundation

/// The instant of sunset at a place (Meeus, chapter 15, with the Sun's position of
/// chapter 25 from `SunLongitude`): the Sun's upper limb on the horizon, refraction
/// included (altitude −0°50′). Two refinements at the found instant bring it within a
/// few seconds of the almanac; the Hijri month rule only needs it to the minute.
enum Sunset {
    /// The standard altitude of the Sun's centre at sunset, in degrees.
    static let altitude = -0.8333

    /// Sunset (Julian Day, UT) on the civil day `dayNumber` at `latitude` (degrees north)
    /// and `longitude` (degrees east); nil where the Sun does not set (polar days).
    static func universal(dayNumber: Int, latitude: Double, longitude: Double) -> Double? {
        // Start from local apparent 18:00 and refine at the instant found.
        var jd = JulianDay.unixEpoch + Double(dayNumber) + 0.75 - longitude / 360
        for _ in 0..<3 {
            let jde = jd + DeltaT.seconds(decimalYear: JulianDay.decimalYear(jd)) / 86_400
            let (rightAscension, declination) = equatorial(jde: jde)
            let phi = radians(latitude), delta = radians(declination)
            let cosH = (sin(radians(altitude)) - sin(phi) * sin(delta)) / (cos(phi) * cos(delta))
            guard abs(cosH) <= 1 else { return nil }
            let hourAngle = acos(cosH) * 180 / .pi
            // Local hour angle now, from Greenwich mean sidereal time (Meeus 12.4).
            let t = JulianDay.centuries(sinceJ2000: jd)
            let sidereal = 280.46061837 + 360.98564736629 * (jd - JulianDay.j2000) + 0.000387933 * t * t
            var difference = SunLongitude.normalized(sidereal + longitude - rightAscension) - hourAngle
            difference -= 360 * (difference / 360).rounded()  // −180 … 180
            jd -= difference / 360.985_647
        }
        return jd
    }

    /// The Sun's apparent right ascension and declination in degrees at `jde` (TT).
    private static func equatorial(jde: Double) -> (Double, Double) {
        let t = JulianDay.centuries(sinceJ2000: jde)
        let obliquity = radians(23.439_291_1 - 0.013_004_2 * t)
        let lambda = radians(SunLongitude.apparent(jde: jde))
        let rightAscension = atan2(cos(obliquity) * sin(lambda), cos(lambda)) * 180 / .pi
        let declination = asin(sin(obliquity) * sin(lambda)) * 180 / .pi
        return (SunLongitude.normalized(rightAscension), declination)
    }
}
