import Foundation

/// Instants of the new moon by Meeus, *Astronomical Algorithms* (2nd ed.), chapter 49:
/// mean lunation plus the 25 periodic terms and 14 planetary arguments. Meeus gives a
/// largest error of 17 seconds against the ELP-2000/82 lunar theory (1980–2020), a
/// mean of under 4 seconds.
enum NewMoon {
    /// Lunation 0 is the new moon of 2000-01-06.
    static let epoch = 2_451_550.09766
    static let synodicMonth = 29.530588861

    /// The lunation whose mean new moon is nearest `jde`.
    static func lunation(near jde: Double) -> Int { Int(((jde - epoch) / synodicMonth).rounded()) }

    /// The instant (Julian Ephemeris Day, TT) of new moon number `k`.
    static func jde(lunation k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85
        let t2 = t * t, t3 = t2 * t, t4 = t3 * t
        var jde = epoch + synodicMonth * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4

        let e = 1 - 0.002516 * t - 0.0000074 * t2
        let m = radians(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3)
        let mp = radians(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4)
        let f = radians(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4)
        let omega = radians(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3)

        var c = -0.40720 * sin(mp)
        c += 0.17241 * e * sin(m)
        c += 0.01608 * sin(2 * mp)
        c += 0.01039 * sin(2 * f)
        c += 0.00739 * e * sin(mp - m)
        c -= 0.00514 * e * sin(mp + m)
        c += 0.00208 * e * e * sin(2 * m)
        c -= 0.00111 * sin(mp - 2 * f)
        c -= 0.00057 * sin(mp + 2 * f)
        c += 0.00056 * e * sin(2 * mp + m)
        c -= 0.00042 * sin(3 * mp)
        c += 0.00042 * e * sin(m + 2 * f)
        c += 0.00038 * e * sin(m - 2 * f)
        c -= 0.00024 * e * sin(2 * mp - m)
        c -= 0.00017 * sin(omega)
        c -= 0.00007 * sin(mp + 2 * m)
        c += 0.00004 * sin(2 * mp - 2 * f)
        c += 0.00004 * sin(3 * m)
        c += 0.00003 * sin(mp + m - 2 * f)
        c += 0.00003 * sin(2 * mp + 2 * f)
        c -= 0.00003 * sin(mp + m + 2 * f)
        c += 0.00003 * sin(mp - m + 2 * f)
        c -= 0.00002 * sin(mp - m - 2 * f)
        c -= 0.00002 * sin(3 * mp + m)
        c += 0.00002 * sin(4 * mp)
        jde += c

        // Planetary perturbations: (amplitude in days, argument = a + b·k degrees).
        jde += 0.000325 * sin(radians(299.77 + 0.107408 * k - 0.009173 * t2))
        for (amplitude, a, b) in planetaryArguments {
            jde += amplitude * sin(radians(a + b * k))
        }
        return jde
    }

    private static let planetaryArguments: [(Double, Double, Double)] = [
        (0.000165, 251.88, 0.016321), (0.000164, 251.83, 26.651886), (0.000126, 349.42, 36.412478),
        (0.000110, 84.66, 18.206239), (0.000062, 141.74, 53.303771), (0.000060, 207.14, 2.453732),
        (0.000056, 154.84, 7.306860), (0.000047, 34.52, 27.261239), (0.000042, 207.19, 0.121824),
        (0.000040, 291.34, 1.844379), (0.000037, 161.72, 24.198154), (0.000035, 239.56, 25.513099),
        (0.000023, 331.55, 3.592518),
    ]
}

@inline(__always) func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }
