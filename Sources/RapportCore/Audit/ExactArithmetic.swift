/// Integer arithmetic with a 128-bit intermediate, so `a × b ÷ d` is exact for any 64-bit
/// money amount before the single rounding step.
enum ExactArithmetic {
    /// Sums of money that do not fit 64 bits mean corrupt amounts, not a real business:
    /// say so instead of trapping.
    static let overflow = RapportError.data("amounts too large to total in 64-bit minor units; check the invoice and payment amounts")

    static func add(_ a: Int64, _ b: Int64) throws(RapportError) -> Int64 {
        let (sum, overflowed) = a.addingReportingOverflow(b)
        guard !overflowed else { throw overflow }
        return sum
    }

    static func subtract(_ a: Int64, _ b: Int64) throws(RapportError) -> Int64 {
        let (difference, overflowed) = a.subtractingReportingOverflow(b)
        guard !overflowed else { throw overflow }
        return difference
    }

    static func multiply(_ a: Int64, _ b: Int64) throws(RapportError) -> Int64 {
        let (product, overflowed) = a.multipliedReportingOverflow(by: b)
        guard !overflowed else { throw overflow }
        return product
    }

    static func powerOfTen(_ exponent: Int) -> UInt64 {
        var value: UInt64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// round(a × b ÷ d) on magnitudes, a tie rounded up; nil on overflow or when d is 0.
    static func multiplyDivideRounded(magnitude a: UInt64, by b: UInt64, dividedBy d: UInt64) -> UInt64? {
        guard d > 0 else { return nil }
        let product = a.multipliedFullWidth(by: b)
        // Adding half the divisor before a floor division rounds a tie up.
        let (low, carry) = product.low.addingReportingOverflow(d / 2)
        let (high, overflow) = product.high.addingReportingOverflow(carry ? 1 : 0)
        guard !overflow, high < d else { return nil }
        return d.dividingFullWidth((high: high, low: low)).quotient
    }

    /// round(a × b ÷ d), half away from zero; nil on overflow or when d is 0.
    static func multiplyDivideRounded(_ a: Int64, by b: UInt64, dividedBy d: UInt64) -> Int64? {
        guard let quotient = multiplyDivideRounded(magnitude: a.magnitude, by: b, dividedBy: d),
              quotient <= UInt64(Int64.max) else { return nil }
        return a < 0 ? -Int64(quotient) : Int64(quotient)
    }

    /// numerator × multiplier ÷ denominator rounded half away from zero to `decimals`
    /// places, as a Double for display (DSO, CEI are ratios, not money); nil when the
    /// denominator is 0.
    static func ratio(_ numerator: Int64, times multiplier: Int64, over denominator: Int64, decimals: Int) -> Double? {
        guard denominator != 0 else { return nil }
        let scale = powerOfTen(decimals)
        let negative = ((numerator < 0) != (multiplier < 0)) != (denominator < 0)
        let (factor, overflow) = multiplier.magnitude.multipliedReportingOverflow(by: scale)
        if !overflow,
           let scaled = multiplyDivideRounded(magnitude: numerator.magnitude, by: factor, dividedBy: denominator.magnitude) {
            let value = Double(scaled) / Double(scale)
            return negative && scaled != 0 ? -value : value
        }
        // Beyond 64 bits the ratio is astronomically large; a Double says so well enough.
        return Double(numerator) * Double(multiplier) / Double(denominator)
    }
}
