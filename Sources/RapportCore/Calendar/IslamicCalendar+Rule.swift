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

        var place: (latitude: Double, longitude: Double, offsetSeconds: Int) {
            switch self {
            case .ummAlQura: return (21.4225, 39.8262, 3 * 3600)  // the Kaaba, UTC+3
            case .mabims: return (1.3521, 103.8198, 8 * 3600)     // Singapore, UTC+8
            }
        }

        /// Whether the crescent counts on the evening whose sunset is `sunset` (JD, UT).
        func sees(sunset: Double) -> Bool {
            let place = self.place
            switch self {
            case .ummAlQura:
                // Mecca (21° N) always has a moonset.
                return Setting.moonset(near: sunset, latitude: place.latitude, longitude: place.longitude)! > sunset
            case .mabims:
                let crescent = Setting.crescent(jd: sunset, latitude: place.latitude, longitude: place.longitude)
                return crescent.altitude >= 3 && crescent.elongation >= 6.4
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
            // Neither place (21° N, 1° N) is ever without a sunset.
            let sunset = Setting.sunset(dayNumber: evening, latitude: place.latitude, longitude: place.longitude)!
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
