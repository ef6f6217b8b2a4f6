/// Lists bound as one parameter: a JSON array read with `json_each(?)`, so a query
/// over thousands of keys is one statement, not one per key.
extension Database {
    /// A JSON array of row ids for `json_each(?)` (numbers, so they compare as integers).
    static func jsonArray(_ values: [Int64]) -> String {
        // Digits written straight into one buffer: the agenda binds lists of tens of
        // thousands of row ids, and a String per number cost more than the query using them.
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(values.count * 8 + 2)
        var digits = [UInt8](repeating: 0, count: 20)
        for (i, value) in values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            var rest = value.magnitude
            var count = 0
            repeat {
                digits[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            for j in stride(from: count - 1, through: 0, by: -1) { bytes.append(digits[j]) }
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON array of strings for `json_each(?)`: one bound parameter instead of a query per value.
    static func jsonArray(_ values: [String]) -> String {
        var out = "["
        for (i, value) in values.enumerated() {
            if i > 0 { out += "," }
            out += "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        }
        return out + "]"
    }
}
