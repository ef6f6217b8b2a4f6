/// A non-negative rate written as a decimal (`0.0001`, `0.03`, `3%`), kept exactly as
/// units ÷ 10^scale. Binary floating point would turn 0.285 × 100 into 28.4999…, and the
/// penalty what-if is money: it is computed in integers and rounded once, half up.
public struct DecimalRate: Hashable, Sendable, CustomStringConvertible {
    /// The rate's digits without the decimal point: 0.0001 → 1.
    public let units: UInt64
    /// Decimal places: 0.0001 → 4.
    public let scale: Int

    /// The most decimal places a rate may have (10^18 still fits in 64 bits).
    public static let maxScale = 18

    public init(units: UInt64, scale: Int) {
        precondition((0...Self.maxScale).contains(scale), "scale out of range")
        self.units = units
        self.scale = scale
    }

    /// Parses `0.0001`, `.03`, `3`, or a percentage `3%` / `0.01%`; nil for anything else
    /// (signs, exponents, more than 18 decimal places in all, overflow).
    public init?(_ text: String) {
        var body = Substring(text)
        var scale = 0
        if body.last == "%" {
            body = body.dropLast()
            scale = 2
        }
        var units: UInt64 = 0
        var seenDot = false
        var seenDigit = false
        for byte in body.utf8 {
            if byte == UInt8(ascii: ".") {
                guard !seenDot else { return nil }
                seenDot = true
                continue
            }
            guard byte >= 48, byte <= 57 else { return nil }
            seenDigit = true
            let (shifted, o1) = units.multipliedReportingOverflow(by: 10)
            let (sum, o2) = shifted.addingReportingOverflow(UInt64(byte - 48))
            guard !o1, !o2 else { return nil }
            units = sum
            if seenDot { scale += 1 }
        }
        guard seenDigit, scale <= Self.maxScale else { return nil }
        self.init(units: units, scale: scale)
    }

    public var isZero: Bool { units == 0 }

    /// `amount × rate` in the amount's minor units, rounded half up (away from zero on
    /// a tie, as commercial rounding does); nil when the result does not fit 64 bits.
    public func applied(to amount: Int64) -> Int64? {
        ExactArithmetic.multiplyDivideRounded(amount, by: units, dividedBy: ExactArithmetic.powerOfTen(scale))
    }

    public var description: String {
        var digits = String(units)
        guard scale > 0 else { return digits }
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        let point = digits.index(digits.endIndex, offsetBy: -scale)
        var text = digits[..<point] + "." + digits[point...]
        while text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return String(text)
    }
}

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
