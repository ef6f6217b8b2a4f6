import Foundation

/// The young Moon in the evening sky, for the Hijri month rules: when it sets and where
/// it stands at sunset (Meeus, chapters 13 and 15, with `MoonPosition`).
enum Crescent {
    /// The moonset (Julian Day, UT) nearest `estimate` (UT); nil where the Moon does not
    /// set. Newton steps on the Moon's hour angle, its position recomputed at each: the
    /// standard altitude h0 = 0.7275 π − 0°34′ (upper limb, refraction and parallax).
    static func moonset(at place: Sunrise.Place, near estimate: Double) -> Double? {
        var jd = estimate
        for _ in 0..<5 {
            let moon = MoonPosition.apparent(jde: terrestrial(jd))
            let (rightAscension, declination) = equatorial(moon, jde: terrestrial(jd))
            let altitude = 0.7275 * parallax(moon.distance) - 0.5667
            let phi = radians(place.latitude)
            let cosH0 = (sin(radians(altitude)) - sin(phi) * sin(declination)) / (cos(phi) * cos(declination))
            guard abs(cosH0) <= 1 else { return nil }
            var error = Sunrise.siderealTime(jd: jd) + place.longitude - rightAscension - acos(cosH0) * 180 / .pi
            error -= 360 * (error / 360).rounded()
            // The Moon's hour angle grows 360.99° − 13.2° a day.
            jd -= error / 347.8
        }
        return jd
    }

    /// The Moon's topocentric altitude (centre, no refraction) and its geocentric
    /// elongation from the Sun, in degrees, at a UT instant: the two figures of crescent
    /// criteria such as MABIMS.
    static func sky(at place: Sunrise.Place, jd: Double) -> (altitude: Double, elongation: Double) {
        let jde = terrestrial(jd)
        let moon = MoonPosition.apparent(jde: jde)
        let (rightAscension, declination) = equatorial(moon, jde: jde)
        let hourAngle = radians(Sunrise.siderealTime(jd: jd) + place.longitude - rightAscension)
        let phi = radians(place.latitude)
        let geocentric = asin(sin(phi) * sin(declination) + cos(phi) * cos(declination) * cos(hourAngle))
        let altitude = geocentric * 180 / .pi - parallax(moon.distance) * cos(geocentric)
        // The low-accuracy Sun (0.01°) is plenty against a 6.4° limit, at a tenth of VSOP87's cost.
        let sun = Sunrise.lowAccuracyLongitude(t: JulianDay.centuries(sinceJ2000: jde))
        let elongation = acos(cos(radians(moon.latitude)) * cos(radians(moon.longitude - sun))) * 180 / .pi
        return (altitude, elongation)
    }

    private static func terrestrial(_ jd: Double) -> Double { jd + DeltaT.seconds(decimalYear: JulianDay.decimalYear(jd)) / 86_400 }

    /// Horizontal parallax in degrees at a distance in km.
    private static func parallax(_ distance: Double) -> Double { asin(6378.14 / distance) * 180 / .pi }

    /// Right ascension (degrees) and declination (radians) of the Moon (Meeus 13.3, 13.4).
    private static func equatorial(_ moon: (longitude: Double, latitude: Double, distance: Double), jde: Double) -> (Double, Double) {
        let t = JulianDay.centuries(sinceJ2000: jde)
        let epsilon = radians(23.439_291_1 - 0.013_004_2 * t)
        let lambda = radians(moon.longitude), beta = radians(moon.latitude)
        let rightAscension = atan2(sin(lambda) * cos(epsilon) - tan(beta) * sin(epsilon), cos(lambda)) * 180 / .pi
        return (rightAscension, asin(sin(beta) * cos(epsilon) + cos(beta) * sin(epsilon) * sin(lambda)))
    }
}
