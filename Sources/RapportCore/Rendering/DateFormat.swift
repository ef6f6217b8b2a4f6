/// Civil dates as a letter in a locale writes them, from tables here (never the
/// machine's locale): `2026年9月24日`, `September 24, 2026`, `24 September 2026`.
public enum DateFormat {
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]
    /// English-speaking regions that put the day first.
    static let dayFirstEnglish: Set<String> = ["GB", "IE", "AU", "NZ", "IN", "SG", "HK", "ZA"]

    public static func format(_ date: CivilDate, locale: String) -> String {
        switch LocaleTag.language(locale) {
        case "zh", "ja": return "\(date.year)年\(date.month)月\(date.day)日"
        case "ko": return "\(date.year)년 \(date.month)월 \(date.day)일"
        case "en":
            let month = englishMonths[date.month - 1]
            if let region = LocaleTag.region(locale), dayFirstEnglish.contains(region) {
                return "\(date.day) \(month) \(date.year)"
            }
            return "\(month) \(date.day), \(date.year)"
        case "de": return "\(date.day).\(date.month).\(date.year)"
        default: return date.description
        }
    }
}
