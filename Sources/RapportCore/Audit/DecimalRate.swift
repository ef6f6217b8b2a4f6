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
