import Foundation

/// The Hindu lunisolar calendar as India's panchangs compute it (drik ganita: true
/// positions of the Sun and Moon):
///
/// - a month (masa) runs from new moon to new moon (amanta) and is named by the sidereal
///   sign (rashi, Lahiri ayanamsha) the Sun enters during it: entering Mesha makes
///   Chaitra, Vrishabha Vaishakha, … Meena Phalguna;
/// - a month in which the Sun enters no sign is adhika (leap) and takes the name of the
///   month after it, the nija month, where the festivals stay;
/// - a month in which the Sun enters two signs (kshaya: from 17 November 1963 and from
///   14 January 1983, the only two in 1901–2099) bears both names: the festivals of the
///   skipped month fall in it too;
/// - a tithi is a twelfth of 30° of the Moon's elongation from the Sun; the tithi at
///   sunrise names the civil day (IST, sunrise at New Delhi), or for a pradosh rule
///   the tithi prevailing after sunset. A tithi that no sunrise sees (kshaya) belongs
///   to the day in which it begins and ends; one that two sunrises see (vriddhi), to
///   the first.
///
/// Months and festival days are computed on first use and cached.
public final class HinduCalendar: @unchecked Sendable {
    let place: Sunrise.Place
    /// The civil clock: IST, UTC+5:30.
    public let offsetSeconds: Int

    /// India: IST, sunrise at New Delhi (28°37′ N, 77°13′ E), as the Government of
    /// India's holiday lists and most North Indian panchangs reckon.
    public static let india = HinduCalendar(place: Sunrise.Place(latitude: 28.6139, longitude: 77.2090),
                                            offsetSeconds: 5 * 3600 + 30 * 60)

    public struct Month: Hashable, Sendable {
        /// `NewMoon` lunation number of the new moon that opens the month.
        public let lunation: Int
        public let masa: HinduDate.Masa
        public let isAdhika: Bool
        /// The second name of a kshaya month, whose own month the year skips.
        public let skipped: HinduDate.Masa?
    }

    private struct DayKey: Hashable {
        let lunation: Int
        let tithi: Int
        let kaala: HinduDate.Kaala
        let avoidsBhadra: Bool
    }

    // Guarded by `lock`.
    private let lock = NSLock()
    private var months: [Int: Month] = [:]
    private var siderealSun: [Int: Double] = [:]
    private var days: [DayKey: Int] = [:]
    /// Sunrise of day d at key 2d, sunset at 2d + 1.
    private var sunEvents: [Int: Double] = [:]

    init(place: Sunrise.Place, offsetSeconds: Int) {
        self.place = place
        self.offsetSeconds = offsetSeconds
    }

    // MARK: Public

    /// The days of `date` in the months that begin from a month before `years` to its
    /// end, in date order; a festival near a year end may appear for the neighbouring year.
    public func dates(of date: HinduDate, years: ClosedRange<Int>) -> [CivilDate] {
        lock.lock()
        defer { lock.unlock() }
        let first = NewMoon.lunation(near: JulianDay.terrestrial(dayNumber: CivilDate.dayNumber(year: years.lowerBound, month: 1, day: 1))) - 1
        let last = NewMoon.lunation(near: JulianDay.terrestrial(dayNumber: CivilDate.dayNumber(year: years.upperBound, month: 12, day: 31))) + 1
        return (first...last).compactMap { k in
            let month = monthLocked(k)
            let named = month.masa == date.masa && month.isAdhika == date.isAdhika
            let skippedHere = !date.isAdhika && month.skipped == date.masa
            guard named || skippedHere else { return nil }
            return CivilDate(dayNumber: dayLocked(DayKey(lunation: k, tithi: date.tithi, kaala: date.kaala, avoidsBhadra: date.avoidsBhadra)))
        }
    }

    /// The month opened by new moon `lunation`.
    public func month(lunation: Int) -> Month {
        lock.lock()
        defer { lock.unlock() }
        return monthLocked(lunation)
    }

    /// The month holding a civil day (the month of the tithi at its sunrise).
    public func month(containing day: CivilDate) -> Month {
        lock.lock()
        defer { lock.unlock() }
        let rise = terrestrial(sunriseLocked(day.dayNumber))
        var k = NewMoon.lunation(near: rise)
        if NewMoon.jde(lunation: k) > rise { k -= 1 }
        if NewMoon.jde(lunation: k + 1) <= rise { k += 1 }
        return monthLocked(k)
    }

    /// The tithi (1–30) at the sunrise of a civil day.
    public func tithi(atSunriseOf day: CivilDate) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return Self.tithi(elongation: Self.elongation(jde: terrestrial(sunriseLocked(day.dayNumber))))
    }

    // MARK: Astronomy

    /// The Moon's elongation from the Sun, 0 ..< 360°, between apparent positions:
    /// nutation (and any ayanamsha) shifts both alike, so both are taken without it.
    static func elongation(jde: Double) -> Double {
        SunLongitude.normalized(MoonLongitude.trueLongitude(jde: jde) - SunLongitude.meanEquinox(jde: jde))
    }

    static func tithi(elongation: Double) -> Int { min(30, Int(elongation / 12) + 1) }

    /// The instant (TT) the elongation reaches `degrees` within lunation `k`.
    static func jde(elongation degrees: Double, lunation k: Int) -> Double {
        // The Moon gains 12.19° a day on the Sun on average.
        var jde = NewMoon.jde(lunation: k) + degrees / 12.190_749
        for _ in 0..<8 {
            var delta = degrees - elongation(jde: jde)
            delta -= 360 * (delta / 360).rounded()
            let step = delta / 12.190_749
            jde += step
            if abs(step) < 1e-6 { break }
        }
        return jde
    }

    private func terrestrial(_ jd: Double) -> Double { jd + DeltaT.seconds(decimalYear: JulianDay.decimalYear(jd)) / 86_400 }

    /// The civil day (at this calendar's clock) of a UT instant.
    private func civilDay(ut jd: Double) -> Int {
        Int((jd - JulianDay.unixEpoch + Double(offsetSeconds) / 86_400).rounded(.down))
    }

    private func sunriseLocked(_ day: Int) -> Double { sunEventLocked(day, rising: true) }

    private func sunsetLocked(_ day: Int) -> Double { sunEventLocked(day, rising: false) }

    /// Sunrise or sunset of a civil day (UT), searched from 6:00 or 18:00 local mean time.
    private func sunEventLocked(_ day: Int, rising: Bool) -> Double {
        let key = 2 * day + (rising ? 0 : 1)
        if let cached = sunEvents[key] { return cached }
        let estimate = JulianDay.unixEpoch + Double(day) + (rising ? 0.25 : 0.75) - place.longitude / 360
        let jd = Sunrise.jd(rising: rising, at: place, near: estimate)
        sunEvents[key] = jd
        return jd
    }

    // MARK: Months

    private func siderealSunLocked(_ k: Int) -> Double {
        if let cached = siderealSun[k] { return cached }
        let value = Ayanamsha.siderealSunLongitude(jde: NewMoon.jde(lunation: k))
        siderealSun[k] = value
        return value
    }

    private func monthLocked(_ k: Int) -> Month {
        if let cached = months[k] { return cached }
        let startSign = Int(siderealSunLocked(k) / 30)
        let endSign = Int(siderealSunLocked(k + 1) / 30)
        let entered = (endSign - startSign + 12) % 12
        // The month is named by the first sign the Sun enters in it (sign s + 1 for a
        // Sun in sign s at the new moon); Mesha (sign 0) makes Chaitra.
        let masa = HinduDate.Masa(rawValue: (startSign + 1) % 12 + 1)!
        let month = Month(lunation: k, masa: masa, isAdhika: entered == 0,
                          skipped: entered >= 2 ? HinduDate.Masa(rawValue: (startSign + 2) % 12 + 1) : nil)
        months[k] = month
        return month
    }

    // MARK: Days

    private func dayLocked(_ key: DayKey) -> Int {
        if let cached = days[key] { return cached }
        let start = JulianDay.universal(fromTerrestrial: Self.jde(elongation: Double(key.tithi - 1) * 12, lunation: key.lunation))
        let end = JulianDay.universal(fromTerrestrial: Self.jde(elongation: Double(key.tithi) * 12, lunation: key.lunation))
        var day: Int
        switch key.kaala {
        case .sunrise: day = sunriseDay(start: start, end: end)
        case .pradosh: day = pradoshDay(start: start, end: end)
        }
        if key.avoidsBhadra && bhadraSpoilsEvening(of: day, lunation: key.lunation, tithi: key.tithi, tithiEnd: end) {
            day += 1
        }
        days[key] = day
        return day
    }

    /// Holika Dahan's move to the second evening, as Dharmasindhu's rule reads and the
    /// published dates of 2001–2035 bear out: Bhadra (Vishti) lasts past the midnight
    /// after `day`'s evening, so that night has no time free of it, and the tithi still
    /// prevails on the next day two muhurtas (2/15 of the daytime) before sunset. Moved
    /// in 2016, 2023 and 2026 (the tithi ended 17:07–18:10 IST, thresholds 16:45–16:58);
    /// kept in 2003, 2012, 2013, 2022 and 2027 (ended 12:47–16:13).
    private func bhadraSpoilsEvening(of day: Int, lunation: Int, tithi: Int, tithiEnd: Double) -> Bool {
        guard let bhadraEnd = bhadraEnd(lunation: lunation, tithi: tithi) else { return false }
        let midnight = JulianDay.unixEpoch + Double(day + 1) - Double(offsetSeconds) / 86_400
        let rise = sunriseLocked(day + 1), dusk = sunsetLocked(day + 1)
        return bhadraEnd > midnight && tithiEnd > dusk - (dusk - rise) * 2 / 15
    }

    /// The end (UT) of the Vishti karana (Bhadra) within a tithi, nil when the tithi has
    /// none. Karanas are half-tithis: the first half of shukla pratipada is Kimstughna,
    /// the last three halves of the month fixed ones, and the 56 between cycle through
    /// seven movable karanas of which Vishti is the seventh.
    private func bhadraEnd(lunation: Int, tithi: Int) -> Double? {
        guard let half = [2 * tithi - 1, 2 * tithi].first(where: { (2...57).contains($0) && ($0 - 2) % 7 == 6 }) else { return nil }
        return JulianDay.universal(fromTerrestrial: Self.jde(elongation: Double(half) * 6, lunation: lunation))
    }

    /// The first day whose sunrise falls in [start, end); for a tithi no sunrise sees,
    /// the day whose sunrise-to-sunrise span holds it.
    private func sunriseDay(start: Double, end: Double) -> Int {
        var day = civilDay(ut: start)
        if sunriseLocked(day) > start { day -= 1 }  // the Hindu day (sunrise to sunrise) holding `start`
        if sunriseLocked(day) == start { return day }
        return sunriseLocked(day + 1) < end ? day + 1 : day
    }

    /// The day whose pradosh kaal (sunset to a fifth of the night after it) the tithi
    /// covers the most of; with none, the sunrise rule's day.
    private func pradoshDay(start: Double, end: Double) -> Int {
        // Evenings that can touch the tithi: from the one before it begins to the day it ends.
        var best: (day: Int, overlap: Double)?
        for day in (civilDay(ut: start) - 1)...civilDay(ut: end) {
            let dusk = sunsetLocked(day)
            let windowEnd = dusk + (sunriseLocked(day + 1) - dusk) / 5
            let overlap = min(end, windowEnd) - max(start, dusk)
            if overlap > 0, overlap > (best?.overlap ?? 0) { best = (day, overlap) }
        }
        return best?.day ?? sunriseDay(start: start, end: end)
    }
}
