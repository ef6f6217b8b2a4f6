/// Money as a reader of a locale expects it (`¥100,000.00` in zh-CN, `CN¥100,000.00` in
/// English), from minor units and tables in this file only: the output never depends on
/// the machine's locale or ICU version.
public enum MoneyFormat {
    /// The currency a locale calls its own: it gets the bare local symbol (`¥` in zh-CN,
    /// `$` in en). Keyed by region, and by language for tags without one.
    static let homeCurrencyByRegion: [String: String] = [
        "CN": "CNY", "US": "USD", "JP": "JPY", "HK": "HKD", "MO": "MOP", "TW": "TWD", "SG": "SGD",
        "KR": "KRW", "VN": "VND", "GB": "GBP", "CA": "CAD", "AU": "AUD", "NZ": "NZD", "IN": "INR",
        "CH": "CHF", "DE": "EUR", "FR": "EUR", "IT": "EUR", "ES": "EUR", "NL": "EUR", "AT": "EUR",
        "BE": "EUR", "IE": "EUR", "PT": "EUR", "FI": "EUR",
    ]
    static let homeCurrencyByLanguage: [String: String] = [
        "zh": "CNY", "en": "USD", "ja": "JPY", "ko": "KRW", "vi": "VND", "de": "EUR", "fr": "EUR",
        "it": "EUR", "es": "EUR", "nl": "EUR", "pt": "EUR",
    ]
    /// The symbol inside its home locale.
    static let localSymbols: [String: String] = [
        "CNY": "¥", "USD": "$", "JPY": "¥", "HKD": "HK$", "MOP": "MOP$", "TWD": "$", "SGD": "$",
        "KRW": "₩", "VND": "₫", "GBP": "£", "CAD": "$", "AUD": "$", "NZD": "$", "INR": "₹",
        "CHF": "CHF", "EUR": "€",
    ]
    /// The symbol elsewhere: unambiguous where the local one is shared.
    static let internationalSymbols: [String: String] = [
        "CNY": "CN¥", "USD": "US$", "JPY": "JP¥", "HKD": "HK$", "TWD": "NT$", "KRW": "₩", "VND": "₫",
        "GBP": "£", "EUR": "€", "CAD": "CA$", "AUD": "A$", "NZD": "NZ$", "INR": "₹",
    ]

    struct Style {
        var group: String
        var decimal: String
        /// `1.250,50 €` rather than `€1,250.50`.
        var symbolAfter: Bool
    }

    /// Languages that write `1.250,50 €`; everyone else in Rapport's reach writes `€1,250.50`.
    static let continentalLanguages: Set<String> = ["de", "es", "it", "nl", "pt", "vi", "fr"]

    static func style(locale: String) -> Style {
        let language = LocaleTag.language(locale)
        if continentalLanguages.contains(language) {
            // French groups with a space; the others with a dot.
            return Style(group: language == "fr" ? " " : ".", decimal: ",", symbolAfter: true)
        }
        return Style(group: ",", decimal: ".", symbolAfter: false)
    }

    /// The symbol for `currency` as written in `locale`; `USD ` style (code and a space)
    /// when there is no symbol.
    public static func symbol(currency: String, locale: String) -> String {
        let home = LocaleTag.region(locale).flatMap { homeCurrencyByRegion[$0] }
            ?? homeCurrencyByLanguage[LocaleTag.language(locale)]
        if currency == home, let local = localSymbols[currency] { return local }
        return internationalSymbols[currency] ?? currency
    }

    /// `¥100,000.00`, `US$1,250.50`, `JP¥1,250`, `-¥12.30`, `1.250,50 €`, `CHF 1,234.56`.
    public static func format(_ money: Money, locale: String) -> String {
        let style = style(locale: locale)
        let exponent = Currency.exponent(of: money.currency)
        let number = digits(money.minor.magnitude, exponent: exponent, style: style)
        let symbol = symbol(currency: money.currency, locale: locale)
        let sign = money.minor < 0 ? "-" : ""
        if style.symbolAfter { return sign + number + " " + symbol }
        // A code or letters-only symbol (CHF, MOP$ aside) needs a space before the digits.
        let needsSpace = symbol.unicodeScalars.last.map { ("A"..."Z").contains($0) } ?? false
        return sign + symbol + (needsSpace ? " " : "") + number
    }

    static func digits(_ magnitude: UInt64, exponent: Int, style: Style) -> String {
        var scale: UInt64 = 1
        for _ in 0..<exponent { scale *= 10 }
        let whole = String(magnitude / scale)
        var grouped = ""
        for (offset, character) in whole.enumerated() {
            if offset > 0, (whole.count - offset) % 3 == 0 { grouped += style.group }
            grouped.append(character)
        }
        guard exponent > 0 else { return grouped }
        let fraction = String(magnitude % scale)
        return grouped + style.decimal + String(repeating: "0", count: exponent - fraction.count) + fraction
    }

    /// Several currencies' totals joined: `¥10,000.00 + US$500.00` (sorted by currency code).
    public static func formatTotals(_ totals: [String: Int64], locale: String) -> String {
        totals.keys.sorted().map { format(Money(minor: totals[$0] ?? 0, currency: $0), locale: locale) }
            .joined(separator: " + ")
    }
}
