/// One calendar file (`holidays/<CC>.yaml`) as written. Every field is optional so that
/// a user's file can change a shipped one field by field; `CountryCalendar` is the
/// merged, validated form the dates are computed from.
struct HolidayFile: Sendable {
    /// The clock of a file's lunar dates and solar terms (`meridian:`).
    enum Meridian: String, CaseIterable, Sendable {
        case china, korea, vietnam, japan

        var calendar: LunisolarCalendar {
            switch self {
            case .china: return .china
            case .korea: return .korea
            case .vietnam: return .vietnam
            case .japan: return .japan
            }
        }
    }

    /// One item of `occasions:`.
    struct Entry: Sendable {
        var key: String
        var path: String
        var line: Int
        var rule: OccasionRule?
        /// Line of the rule field, for errors about the rule (a missing `from` target).
        var ruleLine: Int
        var offset: Int?
        var names: [String: String] = [:]
        var greeting: Bool?
        var tiers: [String]?
        var lead: Int?
        var gift: Bool?
        var giftTiers: [String]?
        var giftLead: Int?
        var template: String?
        var since: Int?
        var until: Int?
        /// In a user's file: drop the shipped occasion of this key.
        var remove = false
        /// A rule was given but could not be read (already reported).
        var hasBadRule = false

        /// `FILE:LINE: rule KEY: reason`, the form every occasion error takes.
        func problem(_ reason: String, line: Int? = nil) -> String {
            "\(path):\(line ?? self.line): rule \(key): \(reason)"
        }
    }

    var path: String
    var country: String?
    var meridian: Meridian?
    var locale: String?
    /// In a user's file: ignore the shipped file of the country altogether.
    var replacesShipped = false
    var occasions: [Entry] = []
    /// The `islamic:` block: the base Hijri calendar and officially kept days.
    var islamic = IslamicSettings()
    /// Problems found while reading, already formatted `FILE:LINE: …`.
    var problems: [String] = []

    /// The fields an occasion may have; the first ones are the rule kinds.
    static let ruleFields = ["date", "weekday", "lunar", "solar_term", "easter", "from", "hindu", "islamic"]
    static let occasionFields = ruleFields + [
        "key", "names", "offset", "greeting", "tiers", "lead", "gift", "gift_tiers", "gift_lead", "template",
        "since", "until", "remove", "rules",
    ]
    static let fileFields = ["country", "meridian", "locale", "replace", "occasions", "islamic"]
    /// An offset further than this is surely a mistake (and would fall outside the years searched).
    static let maxOffset = 366
}
