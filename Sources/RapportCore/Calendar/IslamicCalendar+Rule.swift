import Foundation

/// The astronomical rule Rapport uses where no published Hijri calendar reaches: the
/// Umm al-Qura rule in force since AH 1423 (2002). On an evening at Mecca when the
/// conjunction (new moon) has happened before sunset *and* the Moon sets after the Sun,
/// the month ends; the next day is the 1st. Otherwise the evening after ends it. See
/// docs/calendars.md for how often it gives the published table's days.
extension IslamicCalendar {
    /// Mecca, the Kaaba: the place of the Umm al-Qura calendar.
    static let mecca = (latitude: 21.4225, longitude: 39.8262)
    /// Arabia Standard Time, UTC+3: the clock that divides Mecca's days.
    static let meccaOffsetSeconds = 3 * 3600
    /// JD of 1 Muharram AH 1 in the arithmetic calendar (16 July 622, Julian): where the
    /// count of mean lunations starts, to find the conjunction that opens a month.
    static let epochJulianDay = 1_948_439.5

    /// Day number of the first day of a Hijri month by the rule; each month is worked
    /// out once (a moonset takes some thirty evaluations of the Moon's series).
    static func ruleMonthStart(year: Int, month: Int) -> Int {
        RuleCache.shared.start(monthIndex(year: year, month: month), compute: computeRuleMonthStart)
    }

    private static func computeRuleMonthStart(monthIndex: Int) -> Int {
        let months = Double(monthIndex)
        // The mean conjunction falls a day or two before the month's arithmetic start.
        let estimate = epochJulianDay - 1.5 + months * NewMoon.synodicMonth
        let conjunction = NewMoon.jde(lunation: NewMoon.lunation(near: estimate))
        let day = JulianDay.dayNumber(terrestrial: conjunction, offsetSeconds: meccaOffsetSeconds)
        let conjunctionUT = JulianDay.universal(fromTerrestrial: conjunction)
        // The evening of the conjunction's day, else the next: the Moon, a day old by
        // then, has always set after the Sun at Mecca in the years checked.
        for evening in day...(day + 1) {
            // Mecca (21° N) always has a sunset and a moonset.
            let sunset = Setting.sunset(dayNumber: evening, latitude: mecca.latitude, longitude: mecca.longitude)!
            guard conjunctionUT < sunset else { continue }
            let moonset = Setting.moonset(near: sunset, latitude: mecca.latitude, longitude: mecca.longitude)!
            if moonset > sunset { return evening + 1 }
        }
        return day + 2
    }
}

/// Month starts by the rule, by month index; shared by every country's calendar.
private final class RuleCache: @unchecked Sendable {
    static let shared = RuleCache()
    // Guarded by `lock`.
    private let lock = NSLock()
    private var starts: [Int: Int] = [:]

    func start(_ monthIndex: Int, compute: (Int) -> Int) -> Int {
        lock.lock()
        if let cached = starts[monthIndex] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let start = compute(monthIndex)  // outside the lock: pure, so two threads at worst compute it twice
        lock.lock()
        starts[monthIndex] = start
        lock.unlock()
        return start
    }
}
