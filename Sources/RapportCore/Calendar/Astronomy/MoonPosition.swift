import Foundation

/// The Moon's apparent geocentric position by Meeus, *Astronomical Algorithms* (2nd ed.),
/// chapter 47 (ELP-2000/82 truncated): the terms of tables 47.A and 47.B down to
/// 0.0008° in longitude and latitude (the rest add up to a few hundredths of a degree,
/// under ten seconds of a moonset), plus the additive terms of Venus, Jupiter and the
/// Earth's flattening, and nutation in longitude.
enum MoonPosition {
    /// Multiples of D, M, M′, F and the coefficient(s) (longitude and latitude in
    /// 0.000001°, distance in 0.001 km).
    struct Term: Sendable {
        let d: Double, m: Double, mp: Double, f: Double, first: Double, second: Double

        init(_ d: Double, _ m: Double, _ mp: Double, _ f: Double, _ first: Double, _ second: Double = 0) {
            self.d = d
            self.m = m
            self.mp = mp
            self.f = f
            self.first = first
            self.second = second
        }
    }

    /// Apparent longitude and latitude (degrees) and distance (km) at a TT instant.
    static func apparent(jde: Double) -> (longitude: Double, latitude: Double, distance: Double) {
        let t = JulianDay.centuries(sinceJ2000: jde)
        let t2 = t * t, t3 = t2 * t, t4 = t3 * t
        let lp = 218.316_447_7 + 481_267.881_234_21 * t - 0.001_578_6 * t2 + t3 / 538_841 - t4 / 65_194_000
        let d = 297.850_192_1 + 445_267.111_403_4 * t - 0.001_881_9 * t2 + t3 / 545_868 - t4 / 113_065_000
        let m = 357.529_109_2 + 35_999.050_290_9 * t - 0.000_153_6 * t2 + t3 / 24_490_000
        let mp = 134.963_396_4 + 477_198.867_505_5 * t + 0.008_741_4 * t2 + t3 / 69_699 - t4 / 14_712_000
        let f = 93.272_095_0 + 483_202.017_523_3 * t - 0.003_653_9 * t2 - t3 / 3_526_000 + t4 / 863_310_000
        let a1 = radians(119.75 + 131.849 * t), a2 = radians(53.09 + 479_264.290 * t), a3 = radians(313.45 + 481_266.484 * t)
        let e = 1 - 0.002_516 * t - 0.000_007_4 * t2

        func argument(_ term: Term) -> (Double, Double) {
            let x = radians(term.d * d + term.m * m + term.mp * mp + term.f * f)
            return (x, pow(e, abs(term.m)))  // terms in M shrink with the eccentricity of the Earth's orbit
        }
        var sumL = 0.0, sumR = 0.0, sumB = 0.0
        for term in longitudeDistance {
            let (x, factor) = argument(term)
            sumL += term.first * factor * sin(x)
            sumR += term.second * factor * cos(x)
        }
        for term in latitude {
            let (x, factor) = argument(term)
            sumB += term.first * factor * sin(x)
        }
        let lpr = radians(lp), mpr = radians(mp), fr = radians(f)
        sumL += 3958 * sin(a1) + 1962 * sin(lpr - fr) + 318 * sin(a2)
        sumB += -2235 * sin(lpr) + 382 * sin(a3) + 175 * sin(a1 - fr) + 175 * sin(a1 + fr)
            + 127 * sin(lpr - mpr) - 115 * sin(lpr + mpr)
        let longitude = lp + sumL / 1_000_000 + Nutation.longitude(t: t) / 3600
        return (SunLongitude.normalized(longitude), sumB / 1_000_000, 385_000.56 + sumR / 1000)
    }

    /// Table 47.A: longitude (Σl) and distance (Σr).
    static let longitudeDistance: [Term] = [
        Term(0, 0, 1, 0, 6_288_774, -20_905_355), Term(2, 0, -1, 0, 1_274_027, -3_699_111),
        Term(2, 0, 0, 0, 658_314, -2_955_968), Term(0, 0, 2, 0, 213_618, -569_925),
        Term(0, 1, 0, 0, -185_116, 48_888), Term(0, 0, 0, 2, -114_332, -3_149),
        Term(2, 0, -2, 0, 58_793, 246_158), Term(2, -1, -1, 0, 57_066, -152_138),
        Term(2, 0, 1, 0, 53_322, -170_733), Term(2, -1, 0, 0, 45_758, -204_586),
        Term(0, 1, -1, 0, -40_923, -129_620), Term(1, 0, 0, 0, -34_720, 108_743),
        Term(0, 1, 1, 0, -30_383, 104_755), Term(2, 0, 0, -2, 15_327, 10_321),
        Term(0, 0, 1, 2, -12_528, 0), Term(0, 0, 1, -2, 10_980, 79_661),
        Term(4, 0, -1, 0, 10_675, -34_782), Term(0, 0, 3, 0, 10_034, -23_210),
        Term(4, 0, -2, 0, 8_548, -21_636), Term(2, 1, -1, 0, -7_888, 24_208),
        Term(2, 1, 0, 0, -6_766, 30_824), Term(1, 0, -1, 0, -5_163, -8_379),
        Term(1, 1, 0, 0, 4_987, -16_675), Term(2, -1, 1, 0, 4_036, -12_831),
        Term(2, 0, 2, 0, 3_994, -10_445), Term(4, 0, 0, 0, 3_861, -11_650),
        Term(2, 0, -3, 0, 3_665, 14_403), Term(0, 1, -2, 0, -2_689, -7_003),
        Term(2, 0, -1, 2, -2_602, 0), Term(2, -1, -2, 0, 2_390, 10_056),
        Term(1, 0, 1, 0, -2_348, 6_322), Term(2, -2, 0, 0, 2_236, -9_884),
        Term(0, 1, 2, 0, -2_120, 5_751), Term(0, 2, 0, 0, -2_069, 0),
        Term(2, -2, -1, 0, 2_048, -4_950), Term(2, 0, 1, -2, -1_773, 4_130),
        Term(2, 0, 0, 2, -1_595, 0), Term(4, -1, -1, 0, 1_215, -3_958),
        Term(0, 0, 2, 2, -1_110, 0), Term(3, 0, -1, 0, -892, 3_258),
        Term(2, 1, 1, 0, -810, 2_616), Term(4, -1, -2, 0, 759, -1_897),
        Term(0, 2, -1, 0, -713, -2_117), Term(2, 2, -1, 0, -700, 2_354),
    ]

    /// Table 47.B: latitude (Σb).
    static let latitude: [Term] = [
        Term(0, 0, 0, 1, 5_128_122), Term(0, 0, 1, 1, 280_602), Term(0, 0, 1, -1, 277_693),
        Term(2, 0, 0, -1, 173_237), Term(2, 0, -1, 1, 55_413), Term(2, 0, -1, -1, 46_271),
        Term(2, 0, 0, 1, 32_573), Term(0, 0, 2, 1, 17_198), Term(2, 0, 1, -1, 9_266),
        Term(0, 0, 2, -1, 8_822), Term(2, -1, 0, -1, 8_216), Term(2, 0, -2, -1, 4_324),
        Term(2, 0, 1, 1, 4_200), Term(2, 1, 0, -1, -3_359), Term(2, -1, -1, 1, 2_463),
        Term(2, -1, 0, 1, 2_211), Term(2, -1, -1, -1, 2_065), Term(0, 1, -1, -1, -1_870),
        Term(4, 0, -1, -1, 1_828), Term(0, 1, 0, 1, -1_794), Term(0, 0, 0, 3, -1_749),
        Term(0, 1, -1, 1, -1_565), Term(1, 0, 0, 1, -1_491), Term(0, 1, 1, 1, -1_475),
        Term(0, 1, 1, -1, -1_410), Term(0, 1, 0, -1, -1_344), Term(1, 0, 0, -1, -1_335),
        Term(0, 0, 3, 1, 1_107), Term(4, 0, 0, -1, 1_021), Term(4, 0, -1, 1, 833),
    ]
}
