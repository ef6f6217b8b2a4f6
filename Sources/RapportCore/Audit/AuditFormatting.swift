/// Numbers as people read them in the audit's table and HTML page, independent of the
/// process locale (a report must not change with the manager's machine).
public enum AuditFormatting {
    /// Minor units as a major-unit amount with thousands grouped: 123456789 CNY → `1,234,567.89`.
    public static func grouped(_ minor: Int64, currency: String) -> String {
        let plain = Currency.plain(minor, currency: currency)
        var digits = Substring(plain)
        var sign = ""
        if digits.first == "-" {
            sign = "-"
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ".", maxSplits: 1)
        var whole = Substring(parts.first ?? "0")
        var groups: [Substring] = []
        while whole.count > 3 {
            groups.insert(whole.suffix(3), at: 0)
            whole = whole.dropLast(3)
        }
        groups.insert(whole, at: 0)
        return sign + groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// A fixed-point decimal, rounded half away from zero: fixed(61.538, decimals: 1) = `61.5`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return String(value) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 1e15 else { return String(value) }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        var fraction = String(units % divisor)
        fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        return (value < 0 && units > 0 ? "-" : "") + String(units / divisor) + (decimals > 0 ? "." + fraction : "")
    }

    /// A fraction as a percentage with one decimal, or an em dash when there is none.
    public static func percent(_ fraction: Double?) -> String {
        fraction.map { fixed($0 * 100, decimals: 1) + " %" } ?? "—"
    }
}
