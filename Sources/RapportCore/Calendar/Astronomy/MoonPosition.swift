import Foundation

/// The Moon's apparent geocentric position by Meeus, *Astronomical Algorithms* (2nd ed.),
/// chapter 47 (ELP-2000/82 truncated): the longitude of `MoonLongitude` plus nutation,
/// and the latitude and distance terms of tables 47.B and 47.A down to 0.0008° and
/// 2 km (the rest move a moonset by seconds), with the additive latitude terms.
enum MoonPosition {
    /// Apparent longitude and latitude (degrees) and distance (km) at a TT instant.
    static func apparent(jde: Double) -> (longitude: Double, latitude: Double, distance: Double) {
        let t = JulianDay.centuries(sinceJ2000: jde)
        let x = MoonLongitude.Arguments(t: t)
        let a1 = radians(119.75 + 131.849 * t), a3 = radians(313.45 + 481_266.484 * t)
        let lp = radians(x.lp), mp = radians(x.mp), f = radians(x.f)
        var sumB = x.sum(latitude)
        sumB += -2235 * sin(lp) + 382 * sin(a3) + 175 * sin(a1 - f) + 175 * sin(a1 + f) + 127 * sin(lp - mp) - 115 * sin(lp + mp)
        let longitude = MoonLongitude.trueLongitude(x, t: t) + Nutation.longitude(t: t) / 3600
        return (SunLongitude.normalized(longitude), sumB / 1_000_000, 385_000.56 + x.sum(distance, cosine: true) / 1000)
    }

    /// Table 47.A, distance column (Σr, 0.001 km; cosines).
    static let distance: [MoonLongitude.Term] = [
        (0, 0, 1, 0, -20_905_355), (2, 0, -1, 0, -3_699_111), (2, 0, 0, 0, -2_955_968),
        (0, 0, 2, 0, -569_925), (0, 1, 0, 0, 48_888), (0, 0, 0, 2, -3_149),
        (2, 0, -2, 0, 246_158), (2, -1, -1, 0, -152_138), (2, 0, 1, 0, -170_733),
        (2, -1, 0, 0, -204_586), (0, 1, -1, 0, -129_620), (1, 0, 0, 0, 108_743),
        (0, 1, 1, 0, 104_755), (2, 0, 0, -2, 10_321), (0, 0, 1, -2, 79_661),
        (4, 0, -1, 0, -34_782), (0, 0, 3, 0, -23_210), (4, 0, -2, 0, -21_636),
        (2, 1, -1, 0, 24_208), (2, 1, 0, 0, 30_824), (1, 0, -1, 0, -8_379),
        (1, 1, 0, 0, -16_675), (2, -1, 1, 0, -12_831), (2, 0, 2, 0, -10_445),
        (4, 0, 0, 0, -11_650), (2, 0, -3, 0, 14_403), (0, 1, -2, 0, -7_003),
        (2, -1, -2, 0, 10_056), (1, 0, 1, 0, 6_322), (2, -2, 0, 0, -9_884),
        (0, 1, 2, 0, 5_751), (2, -2, -1, 0, -4_950), (2, 0, 1, -2, 4_130),
        (4, -1, -1, 0, -3_958), (3, 0, -1, 0, 3_258), (2, 1, 1, 0, 2_616),
        (4, -1, -2, 0, -1_897), (0, 2, -1, 0, -2_117), (2, 2, -1, 0, 2_354),
    ]

    /// Table 47.B: latitude (Σb, 0.000001°; sines).
    static let latitude: [MoonLongitude.Term] = [
        (0, 0, 0, 1, 5_128_122), (0, 0, 1, 1, 280_602), (0, 0, 1, -1, 277_693),
        (2, 0, 0, -1, 173_237), (2, 0, -1, 1, 55_413), (2, 0, -1, -1, 46_271),
        (2, 0, 0, 1, 32_573), (0, 0, 2, 1, 17_198), (2, 0, 1, -1, 9_266),
        (0, 0, 2, -1, 8_822), (2, -1, 0, -1, 8_216), (2, 0, -2, -1, 4_324),
        (2, 0, 1, 1, 4_200), (2, 1, 0, -1, -3_359), (2, -1, -1, 1, 2_463),
        (2, -1, 0, 1, 2_211), (2, -1, -1, -1, 2_065), (0, 1, -1, -1, -1_870),
        (4, 0, -1, -1, 1_828), (0, 1, 0, 1, -1_794), (0, 0, 0, 3, -1_749),
        (0, 1, -1, 1, -1_565), (1, 0, 0, 1, -1_491), (0, 1, 1, 1, -1_475),
        (0, 1, 1, -1, -1_410), (0, 1, 0, -1, -1_344), (1, 0, 0, -1, -1_335),
        (0, 0, 3, 1, 1_107), (4, 0, 0, -1, 1_021), (4, 0, -1, 1, 833),
    ]
}
