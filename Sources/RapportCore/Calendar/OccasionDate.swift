/// One occasion of a country's calendar on its date in one year, with the greeting and
/// gift policy from the calendar file. What the agenda and the drafts consume.
public struct OccasionDate: Hashable, Sendable {
    public var key: String
    public var date: CivilDate
    /// Locale → display name (`zh-CN` → 中秋节, `en` → Mid-Autumn Festival).
    public var names: [String: String]
    /// False for occasions that are holidays but not for cheerful greetings (Qingming).
    public var isGreeting: Bool
    /// Tiers greeted; nil = every tier.
    public var greetedTiers: Set<String>?
    /// Greeting window: [date − greetingLead, date]. Default 3.
    public var greetingLead: Int
    /// Whether a gift is sent ahead of this occasion.
    public var isGift: Bool
    /// Tiers that get a gift; nil = the config default (tier A).
    public var giftTiers: Set<String>?
    /// Gift window: [date − giftLead, date − greetingLead − 1]. Default 14.
    public var giftLead: Int
    /// Template name used by the drafts (default: the key).
    public var template: String?

    public init(
        key: String, date: CivilDate, names: [String: String], isGreeting: Bool = true,
        greetedTiers: Set<String>? = nil, greetingLead: Int = 3, isGift: Bool = false,
        giftTiers: Set<String>? = nil, giftLead: Int = 14, template: String? = nil
    ) {
        self.key = key
        self.date = date
        self.names = names
        self.isGreeting = isGreeting
        self.greetedTiers = greetedTiers
        self.greetingLead = greetingLead
        self.isGift = isGift
        self.giftTiers = giftTiers
        self.giftLead = giftLead
        self.template = template
    }

    /// The name in `locale`, falling back to its language (`zh-HK` → `zh`), then English, then the key.
    public func name(locale: String) -> String {
        if let exact = names[locale] { return exact }
        let language = locale.split(separator: "-").first.map(String.init) ?? locale
        if let byLanguage = names.first(where: { $0.key == language || $0.key.hasPrefix(language + "-") })?.value {
            return byLanguage
        }
        return names["en"] ?? key
    }
}

/// Where the agenda gets occasions from; the YAML-backed holiday calendar implements it,
/// tests may pass a fixed list.
public protocol OccasionSource: Sendable {
    /// The occasions of `country` (ISO 3166 alpha-2) falling in Gregorian `year`, in date order.
    func occasions(country: String, year: Int) throws -> [OccasionDate]
}
