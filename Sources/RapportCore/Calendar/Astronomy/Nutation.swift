import Foundation

/// Nutation in longitude by the IAU 1980 theory (Meeus, chapter 22, table 22.A: 63
/// terms; good to a few ten-thousandths of an arcsecond). The four-term shortcut is off
/// by up to half an arcsecond, a dozen seconds of a solar term's time, enough to move
/// the 1979 Dahan (23:59:50 UTC+8 on 20 January) across midnight.
enum Nutation {
    struct Term: Sendable {
        /// Multiples of D, M, M′, F, Ω.
        let d: Double, m: Double, mp: Double, f: Double, omega: Double
        /// Coefficient of sin(argument) in 0.0001″, and its change per Julian century.
        let coefficient: Double, rate: Double

        init(_ d: Double, _ m: Double, _ mp: Double, _ f: Double, _ omega: Double, _ coefficient: Double, _ rate: Double) {
            self.d = d
            self.m = m
            self.mp = mp
            self.f = f
            self.omega = omega
            self.coefficient = coefficient
            self.rate = rate
        }
    }

    /// Δψ in arcseconds, `t` in Julian centuries of TT from J2000.0.
    static func longitude(t: Double) -> Double {
        let t2 = t * t, t3 = t2 * t
        let d = radians(297.85036 + 445_267.111480 * t - 0.0019142 * t2 + t3 / 189_474)
        let m = radians(357.52772 + 35_999.050340 * t - 0.0001603 * t2 - t3 / 300_000)
        let mp = radians(134.96298 + 477_198.867398 * t + 0.0086972 * t2 + t3 / 56_250)
        let f = radians(93.27191 + 483_202.017538 * t - 0.0036825 * t2 + t3 / 327_270)
        let omega = radians(125.04452 - 1934.136261 * t + 0.0020708 * t2 + t3 / 450_000)
        var sum = 0.0
        for term in terms {
            let argument = term.d * d + term.m * m + term.mp * mp + term.f * f + term.omega * omega
            sum += (term.coefficient + term.rate * t) * sin(argument)
        }
        return sum / 10_000
    }

    static let terms: [Term] = [
        Term(0, 0, 0, 0, 1, -171996.0, -174.2),
        Term(-2, 0, 0, 2, 2, -13187.0, -1.6),
        Term(0, 0, 0, 2, 2, -2274.0, -0.2),
        Term(0, 0, 0, 0, 2, 2062.0, 0.2),
        Term(0, 1, 0, 0, 0, 1426.0, -3.4),
        Term(0, 0, 1, 0, 0, 712.0, 0.1),
        Term(-2, 1, 0, 2, 2, -517.0, 1.2),
        Term(0, 0, 0, 2, 1, -386.0, -0.4),
        Term(0, 0, 1, 2, 2, -301.0, 0.0),
        Term(-2, -1, 0, 2, 2, 217.0, -0.5),
        Term(-2, 0, 1, 0, 0, -158.0, 0.0),
        Term(-2, 0, 0, 2, 1, 129.0, 0.1),
        Term(0, 0, -1, 2, 2, 123.0, 0.0),
        Term(2, 0, 0, 0, 0, 63.0, 0.0),
        Term(0, 0, 1, 0, 1, 63.0, 0.1),
        Term(2, 0, -1, 2, 2, -59.0, 0.0),
        Term(0, 0, -1, 0, 1, -58.0, -0.1),
        Term(0, 0, 1, 2, 1, -51.0, 0.0),
        Term(-2, 0, 2, 0, 0, 48.0, 0.0),
        Term(0, 0, -2, 2, 1, 46.0, 0.0),
        Term(2, 0, 0, 2, 2, -38.0, 0.0),
        Term(0, 0, 2, 2, 2, -31.0, 0.0),
        Term(0, 0, 2, 0, 0, 29.0, 0.0),
        Term(-2, 0, 1, 2, 2, 29.0, 0.0),
        Term(0, 0, 0, 2, 0, 26.0, 0.0),
        Term(-2, 0, 0, 2, 0, -22.0, 0.0),
        Term(0, 0, -1, 2, 1, 21.0, 0.0),
        Term(0, 2, 0, 0, 0, 17.0, -0.1),
        Term(2, 0, -1, 0, 1, 16.0, 0.0),
        Term(-2, 2, 0, 2, 2, -16.0, 0.1),
        Term(0, 1, 0, 0, 1, -15.0, 0.0),
        Term(-2, 0, 1, 0, 1, -13.0, 0.0),
        Term(0, -1, 0, 0, 1, -12.0, 0.0),
        Term(0, 0, 2, -2, 0, 11.0, 0.0),
        Term(2, 0, -1, 2, 1, -10.0, 0.0),
        Term(2, 0, 1, 2, 2, -8.0, 0.0),
        Term(0, 1, 0, 2, 2, 7.0, 0.0),
        Term(-2, 1, 1, 0, 0, -7.0, 0.0),
        Term(0, -1, 0, 2, 2, -7.0, 0.0),
        Term(2, 0, 0, 2, 1, -7.0, 0.0),
        Term(2, 0, 1, 0, 0, 6.0, 0.0),
        Term(-2, 0, 2, 2, 2, 6.0, 0.0),
        Term(-2, 0, 1, 2, 1, 6.0, 0.0),
        Term(2, 0, -2, 0, 1, -6.0, 0.0),
        Term(2, 0, 0, 0, 1, -6.0, 0.0),
        Term(0, -1, 1, 0, 0, 5.0, 0.0),
        Term(-2, -1, 0, 2, 1, -5.0, 0.0),
        Term(-2, 0, 0, 0, 1, -5.0, 0.0),
        Term(0, 0, 2, 2, 1, -5.0, 0.0),
        Term(-2, 0, 2, 0, 1, 4.0, 0.0),
        Term(-2, 1, 0, 2, 1, 4.0, 0.0),
        Term(0, 0, 1, -2, 0, 4.0, 0.0),
        Term(-1, 0, 1, 0, 0, -4.0, 0.0),
        Term(-2, 1, 0, 0, 0, -4.0, 0.0),
        Term(1, 0, 0, 0, 0, -4.0, 0.0),
        Term(0, 0, 1, 2, 0, 3.0, 0.0),
        Term(0, 0, -2, 2, 2, -3.0, 0.0),
        Term(-1, -1, 1, 0, 0, -3.0, 0.0),
        Term(0, 1, 1, 0, 0, -3.0, 0.0),
        Term(0, -1, 1, 2, 2, -3.0, 0.0),
        Term(2, -1, -1, 2, 2, -3.0, 0.0),
        Term(0, 0, 3, 2, 2, -3.0, 0.0),
        Term(2, -1, 0, 2, 2, -3.0, 0.0),
    ]
}
