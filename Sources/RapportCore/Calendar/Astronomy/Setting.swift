import Foundation

/// When the Sun or the Moon sets at a place (Meeus, chapter 15): the instant the body's
/// centre reaches its standard altitude on the western horizon, refined from a first
/// guess by recomputing the body's position at each estimate (the Moon moves half a
/// degree an hour). The Hijri month rule needs both to well under a minute.
enum Setting {
    /// The Sun's standard altitude: upper limb on the horizon, refraction included (−0°50′).
    static let sunAltitude = -0.8333

    /// Sunset (Julian Day, UT) on the civil day `dayNumber` at `latitude` (degrees north)
    /// and `longitude` (degrees east); nil where the Sun does not set (polar days).
    static func sunset(dayNumber: Int, latitude: Double, longitude: Double) -> Double? {
        // From local mean 18:00.
        let guess = JulianDay.unixEpoch + Double(dayNumber) + 0.75 - longitude / 360
        return setting(near: guess, latitude: latitude, longitude: longitude, rate: 360.985_647) { jde in
            let (rightAscension, declination) = equatorial(longitude: SunLongitude.apparent(jde: jde), latitude: 0, jde: jde)
            return (rightAscension, declination, sunAltitude)
        }
    }

    /// The moonset (Julian Day, UT) nearest `near` (UT); nil where the Moon does not set.
    static func moonset(near: Double, latitude: Double, longitude: Double) -> Double? {
        // The Moon's hour angle grows 360.99° − 13.2° a day.
        setting(near: near, latitude: latitude, longitude: longitude, rate: 347.8) { jde in
            let moon = MoonPosition.apparent(jde: jde)
            let (rightAscension, declination) = equatorial(longitude: moon.longitude, latitude: moon.latitude, jde: jde)
            // Upper limb, refraction and the Moon's parallax (Meeus 15: h0 = 0.7275 π − 0°34′).
            let parallax = asin(6378.14 / moon.distance) * 180 / .pi
            return (rightAscension, declination, 0.7275 * parallax - 0.5667)
        }
    }

    /// Newton steps on the body's hour angle: `position` gives its right ascension,
    /// declination and standard altitude (degrees) at a TT instant; `rate` is how fast its
    /// hour angle grows, degrees a day.
    private static func setting(
        near guess: Double, latitude: Double, longitude: Double, rate: Double,
        position: (Double) -> (Double, Double, Double)
    ) -> Double? {
        var jd = guess
        for _ in 0..<4 {
            let jde = jd + DeltaT.seconds(decimalYear: JulianDay.decimalYear(jd)) / 86_400
            let (rightAscension, declination, altitude) = position(jde)
            let phi = radians(latitude), delta = radians(declination)
            let cosH = (sin(radians(altitude)) - sin(phi) * sin(delta)) / (cos(phi) * cos(delta))
            guard abs(cosH) <= 1 else { return nil }
            let hourAngle = acos(cosH) * 180 / .pi
            var difference = SunLongitude.normalized(localSidereal(jd: jd, longitude: longitude) - rightAscension) - hourAngle
            difference -= 360 * (difference / 360).rounded()  // −180 … 180
            jd -= difference / rate
        }
        return jd
    }

    /// Local mean sidereal time in degrees at a UT instant (Meeus 12.4): a body's hour
    /// angle is this minus its right ascension.
    static func localSidereal(jd: Double, longitude: Double) -> Double {
        let t = JulianDay.centuries(sinceJ2000: jd)
        return SunLongitude.normalized(280.46061837 + 360.98564736629 * (jd - JulianDay.j2000) + 0.000387933 * t * t + longitude)
    }

    /// The Moon's topocentric altitude (centre, no refraction) and its geocentric
    /// elongation from the Sun, in degrees, at a UT instant and place: the two figures
    /// of crescent-visibility criteria such as MABIMS.
    static func crescent(jd: Double, latitude: Double, longitude: Double) -> (altitude: Double, elongation: Double) {
        let jde = jd + DeltaT.seconds(decimalYear: JulianDay.decimalYear(jd)) / 86_400
        let moon = MoonPosition.apparent(jde: jde)
        let sun = SunLongitude.apparent(jde: jde)
        let (rightAscension, declination) = equatorial(longitude: moon.longitude, latitude: moon.latitude, jde: jde)
        let hourAngle = radians(localSidereal(jd: jd, longitude: longitude) - rightAscension)
        let phi = radians(latitude), delta = radians(declination)
        let geocentric = asin(sin(phi) * sin(delta) + cos(phi) * cos(delta) * cos(hourAngle))
        let parallax = asin(6378.14 / moon.distance)
        let altitude = (geocentric - parallax * cos(geocentric)) * 180 / .pi
        let elongation = acos(cos(radians(moon.latitude)) * cos(radians(moon.longitude - sun))) * 180 / .pi
        return (altitude, elongation)
    }

    /// Ecliptic longitude and latitude (degrees, of date) → right ascension and declination.
    static func equatorial(longitude: Double, latitude: Double, jde: Double) -> (Double, Double) {
        let t = JulianDay.centuries(sinceJ2000: jde)
        let epsilon = radians(23.439_291_1 - 0.013_004_2 * t)
        let lambda = radians(longitude), beta = radians(latitude)
        let rightAscension = atan2(sin(lambda) * cos(epsilon) - tan(beta) * sin(epsilon), cos(lambda)) * 180 / .pi
        let declination = asin(sin(beta) * cos(epsilon) + cos(beta) * sin(epsilon) * sin(lambda)) * 180 / .pi
        return (SunLongitude.normalized(rightAscension), declination)
    }
}
