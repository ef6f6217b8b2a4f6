import Foundation

/// The astronomical rules Rapport uses where no published Hijri calendar reaches. Both
/// look at the evening of the conjunction's day (the new moon) and, failing it, the next:
/// when the crescent passes the criterion at sunset, the month ends that evening and the
/// next day is the 1st; otherwise the evening after ends it (a month has 29 or 30 days).
/// docs/calendars.md gives how often each gives the published days.
extension IslamicCalendar {
    /// A criterion for the first evening of the crescent, with the place it is judged at.
    enum Criterion: Int, Sendable {
        /// The Umm al-Qura rule in force since AH 1423 (2002), at Mecca: the conjunction
        /// before sunset and the Moon setting after the Sun.
        case ummAlQura
        /// MABIMS 2021 (Brunei, Indonesia, Malaysia, Singapore), at Singapore as
        /// python-holidays and MUIS reckon it: at sunset, the conjunction past, the Moon's
        /// altitude at least 3° and its elongation from the Sun at least 6.4°.
        case mabims

        /// Where the crescent is judged, and the clock that divides the days there.
        var place: (at: Sunrise.Place, offsetSeconds: Int) {
            switch self {
            case .ummAlQura: return (Sunrise.Place(latitude: 21.4225, longitude: 39.8262), 3 * 3600)  // the Kaaba, UTC+3
            case .mabims: return (Sunrise.Place(latitude: 1.3521, longitude: 103.8198), 8 * 3600)     // Singapore, UTC+8
            }
        }

        /// Whether the crescent counts on the evening whose sunset is `sunset` (JD, UT).
        func sees(sunset: Double) -> Bool {
            switch self {
            case .ummAlQura:
                // Mecca (21° N) always has a moonset.
                return Crescent.moonset(at: place.at, near: sunset)! > sunset
            case .mabims:
                let sky = Crescent.sky(at: place.at, jd: sunset)
                return sky.altitude >= 3 && sky.elongation >= 6.4
            }
        }
    }

    /// JD of 1 Muharram AH 1 in the arithmetic calendar (16 July 622, Julian): where the
    /// count of mean lunations starts, to find the conjunction that opens a month.
    static let epochJulianDay = 1_948_439.5

    /// Day number of the first day of a Hijri month by a rule; each month is worked out
    /// once (a moonset takes some thirty evaluations of the Moon's series).
    static func ruleMonthStart(year: Int, month: Int, criterion: Criterion = .ummAlQura) -> Int {
        RuleCache.shared.start(monthIndex(year: year, month: month) * 2 + criterion.rawValue) { _ in
            computeRuleMonthStart(monthIndex: monthIndex(year: year, month: month), criterion: criterion)
        }
    }

    private static func computeRuleMonthStart(monthIndex: Int, criterion: Criterion) -> Int {
        let place = criterion.place
        // The mean conjunction falls a day or two before the month's arithmetic start.
        let estimate = epochJulianDay - 1.5 + Double(monthIndex) * NewMoon.synodicMonth
        let conjunction = NewMoon.jde(lunation: NewMoon.lunation(near: estimate))
        let day = JulianDay.dayNumber(terrestrial: conjunction, offsetSeconds: place.offsetSeconds)
        let conjunctionUT = JulianDay.universal(fromTerrestrial: conjunction)
        for evening in day...(day + 1) {
            // From local mean 18:00 of that day.
            let estimate = JulianDay.unixEpoch + Double(evening) + 0.75 - place.at.longitude / 360
            let sunset = Sunrise.jd(rising: false, at: place.at, near: estimate)
            if conjunctionUT < sunset && criterion.sees(sunset: sunset) { return evening + 1 }
        }
        return day + 2
    }
}

/// Month starts by the rules, by month index × 2 + criterion; shared by every country's calendar.
private final class RuleCache: @unchecked Sendable {
    static let shared = RuleCache()
    // Guarded by `lock`.
    private let lock = NSLock()
    private var starts: [Int: Int] = [:]

    func start(_ key: Int, compute: (Int) -> Int) -> Int {
        lock.lock()
        if let cached = starts[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let start = compute(key)  // outside the lock: pure, so two threads at worst compute it twice
        lock.lock()
        starts[key] = start
        lock.unlock()
        return start
    }
}
