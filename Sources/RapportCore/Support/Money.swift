/// An amount in a currency's minor units (cents, fen). Never a floating-point number.
public struct Money: Hashable, Sendable {
    public var minor: Int64
    public var currency: String

    public init(minor: Int64, currency: String) {
        self.minor = minor
        self.currency = currency
    }
}

/// ISO 4217 minor-unit exponents for the currencies that differ from the usual two.
public enum Currency {
    static let exponents: [String: Int] = [
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
        "PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
    ]

    /// Digits after the decimal point in the currency's major unit.
    public static func exponent(of code: String) -> Int { exponents[code] ?? 2 }

    /// A plausible ISO 4217 code: three upper-case ASCII letters.
    public static func isValidCode(_ code: String) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }
    }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case notANumber(String)
        case tooManyDecimals(String, allowed: Int, currency: String)
        case outOfRange(String)

        public var description: String {
            switch self {
            case .notANumber(let text): return "'\(text)' is not a decimal amount"
            case .tooManyDecimals(let text, let allowed, let currency):
                return "'\(text)' has more than \(allowed) decimal\(allowed == 1 ? "" : "s") for \(currency)"
            case .outOfRange(let text): return "'\(text)' is too large"
            }
        }
    }

    /// Parses a major-unit decimal (`1250.50`, `-3`, `1250`) into minor units exactly.
    public static func parseMinor(_ text: String, currency: String) throws(ParseError) -> Int64 {
        let exponent = exponent(of: currency)
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenDot = false
        var seenDigit = false
        for b in bytes {
            if b == UInt8(ascii: ".") {
                guard !seenDot else { throw .notANumber(text) }
                seenDot = true
                continue
            }
            guard b >= 48, b <= 57 else { throw .notANumber(text) }
            seenDigit = true
            let digit = Int64(b - 48)
            if seenDot {
                fractionDigits += 1
                if fractionDigits > exponent {
                    if digit != 0 { throw .tooManyDecimals(text, allowed: exponent, currency: currency) }
                    continue  // trailing zeros beyond the exponent carry no value
                }
                fraction = fraction * 10 + digit
            } else {
                let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(digit)
                guard !o1, !o2 else { throw .outOfRange(text) }
                whole = s
            }
        }
        guard seenDigit else { throw .notANumber(text) }
        for _ in 0..<(exponent - min(fractionDigits, exponent)) { fraction *= 10 }
        var scale: Int64 = 1
        for _ in 0..<exponent { scale *= 10 }
        let (scaled, o3) = whole.multipliedReportingOverflow(by: scale)
        let (total, o4) = scaled.addingReportingOverflow(fraction)
        guard !o3, !o4 else { throw .outOfRange(text) }
        return negative ? -total : total
    }

    /// Formats minor units as a plain major-unit decimal (`1250.50`), as CSV exports use.
    public static func plain(_ minor: Int64, currency: String) -> String {
        let exponent = exponent(of: currency)
        guard exponent > 0 else { return String(minor) }
        var scale: Int64 = 1
        for _ in 0..<exponent { scale *= 10 }
        let sign = minor < 0 ? "-" : ""
        let magnitude = minor.magnitude
        let whole = magnitude / UInt64(scale)
        let fraction = String(magnitude % UInt64(scale))
        return sign + String(whole) + "." + String(repeating: "0", count: exponent - fraction.count) + fraction
    }
}
