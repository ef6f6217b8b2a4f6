import Foundation

/// The Moon's geocentric longitude by Meeus, *Astronomical Algorithms* (2nd ed.),
/// chapter 47: the ELP-2000/82 mean arguments and the 59 longitude terms of table 47.A
/// (plus the Venus, Jupiter and flattening terms A1, A2). Meeus gives about 10″ of
/// error; the Moon gains 12° a day on the Sun, so a tithi's end is found within a
/// minute or so, the same order as the new moons of `NewMoon`.
enum MoonLongitude {
    /// One row of table 47.A: multiples of D, M, M′, F and Σl in 1e-6 degrees.
    typealias Term = (d: Double, m: Double, mp: Double, f: Double, coefficient: Double)

    /// The mean arguments of chapter 47 in degrees (L′, D, M, M′, F) and E, at `t`
    /// Julian centuries of TT from J2000.0.
    struct Arguments {
        let lp: Double, d: Double, m: Double, mp: Double, f: Double, e: Double

        init(t: Double) {
            let t2 = t * t, t3 = t2 * t, t4 = t3 * t
            lp = 218.3164477 + 481_267.88123421 * t - 0.0015786 * t2 + t3 / 538_841 - t4 / 65_194_000
            d = 297.8501921 + 445_267.1114034 * t - 0.0018819 * t2 + t3 / 545_868 - t4 / 113_065_000
            m = 357.5291092 + 35_999.0502909 * t - 0.0001536 * t2 + t3 / 24_490_000
            mp = 134.9633964 + 477_198.8675055 * t + 0.0087414 * t2 + t3 / 69_699 - t4 / 14_712_000
            f = 93.2720950 + 483_202.0175233 * t - 0.0036539 * t2 - t3 / 3_526_000 + t4 / 863_310_000
            // The Earth's orbital eccentricity shrinks: terms in M are scaled by E, in 2M by E².
            e = 1 - 0.002516 * t - 0.0000074 * t2
        }

        /// Σ coefficient × sin (or cos) of each term's argument, E-scaled.
        func sum(_ terms: [Term], cosine: Bool = false) -> Double {
            var sum = 0.0
            for term in terms {
                let argument = radians(term.d * d + term.m * m + term.mp * mp + term.f * f)
                let scale = term.m == 0 ? 1 : (abs(term.m) == 1 ? e : e * e)
                sum += term.coefficient * scale * (cosine ? cos(argument) : sin(argument))
            }
            return sum
        }
    }

    /// True longitude of date (no nutation), degrees 0 ..< 360, at a Julian Ephemeris Day.
    static func trueLongitude(jde: Double) -> Double {
        let t = JulianDay.centuries(sinceJ2000: jde)
        return trueLongitude(Arguments(t: t), t: t)
    }

    static func trueLongitude(_ x: Arguments, t: Double) -> Double {
        let a1 = 119.75 + 131.849 * t
        let a2 = 53.09 + 479_264.290 * t
        var sum = x.sum(terms)
        sum += 3958 * sin(radians(a1)) + 1962 * sin(radians(x.lp - x.f)) + 318 * sin(radians(a2))
        return SunLongitude.normalized(x.lp + sum / 1_000_000)
    }

    /// Table 47.A, longitude column (the one row with Σl = 0 left out).
    static let terms: [Term] = [
        (0, 0, 1, 0, 6_288_774), (2, 0, -1, 0, 1_274_027), (2, 0, 0, 0, 658_314),
        (0, 0, 2, 0, 213_618), (0, 1, 0, 0, -185_116), (0, 0, 0, 2, -114_332),
        (2, 0, -2, 0, 58793), (2, -1, -1, 0, 57066), (2, 0, 1, 0, 53322),
        (2, -1, 0, 0, 45758), (0, 1, -1, 0, -40923), (1, 0, 0, 0, -34720),
        (0, 1, 1, 0, -30383), (2, 0, 0, -2, 15327), (0, 0, 1, 2, -12528),
        (0, 0, 1, -2, 10980), (4, 0, -1, 0, 10675), (0, 0, 3, 0, 10034),
        (4, 0, -2, 0, 8548), (2, 1, -1, 0, -7888), (2, 1, 0, 0, -6766),
        (1, 0, -1, 0, -5163), (1, 1, 0, 0, 4987), (2, -1, 1, 0, 4036),
        (2, 0, 2, 0, 3994), (4, 0, 0, 0, 3861), (2, 0, -3, 0, 3665),
        (0, 1, -2, 0, -2689), (2, 0, -1, 2, -2602), (2, -1, -2, 0, 2390),
        (1, 0, 1, 0, -2348), (2, -2, 0, 0, 2236), (0, 1, 2, 0, -2120),
        (0, 2, 0, 0, -2069), (2, -2, -1, 0, 2048), (2, 0, 1, -2, -1773),
        (2, 0, 0, 2, -1595), (4, -1, -1, 0, 1215), (0, 0, 2, 2, -1110),
        (3, 0, -1, 0, -892), (2, 1, 1, 0, -810), (4, -1, -2, 0, 759),
        (0, 2, -1, 0, -713), (2, 2, -1, 0, -700), (2, 1, -2, 0, 691),
        (2, -1, 0, -2, 596), (4, 0, 1, 0, 549), (0, 0, 4, 0, 537),
        (4, -1, 0, 0, 520), (1, 0, -2, 0, -487), (2, 1, 0, -2, -399),
        (0, 0, 2, -2, -381), (1, 1, 1, 0, 351), (3, 0, -2, 0, -340),
        (4, 0, -3, 0, 330), (2, -1, 2, 0, 327), (0, 2, 1, 0, -323),
        (1, 1, -1, 0, 299), (2, 0, 3, 0, 294),
    ]
}
