/// The shared, read-only part of one agenda run: the date, the settings and the
/// occasions, with per-run caches (a country's occasions, a month-day's occurrences)
/// so 100 000 accounts cost a handful of calendar look-ups. One context per run and
/// thread; it is not shared across threads.
public final class AgendaContext {
    public let date: CivilDate
    public let config: RapportConfig
    private let calendar: OccasionCache
    private var occasionsByCountry: [String: [OccasionDate]] = [:]
    private var openByCountry: [String: [OpenOccasion]] = [:]
    /// The last answer of `openOccasions`, asked again for the next account.
    private var lastOpen: (country: String, open: [OpenOccasion])?
    private var lastCadence: (tier: String, days: Int)?
    private var occurrencesByDate: [RecurringDate: [CivilDate]] = [:]

    /// `date` as a day number.
    let dayNumber: Int
    /// The collection levels that have an offset, highest first.
    let ladder: [(level: CollectionLevel, offset: Int)]

    public convenience init(date: CivilDate, config: RapportConfig, occasions: any OccasionSource) {
        self.init(date: date, config: config, calendar: OccasionCache(source: occasions))
    }

    private init(date: CivilDate, config: RapportConfig, calendar: OccasionCache) {
        self.date = date
        self.config = config
        self.calendar = calendar
        dayNumber = date.dayNumber
        ladder = CollectionLevel.descendingLadder.compactMap { level in config.collectionLevels[level].map { (level, $0) } }
    }

    /// A context for another day that shares this one's occasion cache (a range of days).
    public func on(_ other: CivilDate) -> AgendaContext {
        other == date ? self : AgendaContext(date: other, config: config, calendar: calendar)
    }

    /// `config.cadenceDays(tier:)`, remembered for the last tier asked (accounts of a tier
    /// often come in a row; the dictionary would hash the tier for each).
    func cadenceDays(tier: String) -> Int {
        if let last = lastCadence, last.tier == tier { return last.days }
        let days = config.cadenceDays(tier: tier)
        lastCadence = (tier, days)
        return days
    }

    /// The occasions of `country` in D's year and the next: every greeting or gift window
    /// that can contain D closes on an occasion in one of them.
    public func occasions(country: String) throws -> [OccasionDate] {
        if let cached = occasionsByCountry[country] { return cached }
        let found = try calendar.occasions(country: country, year: date.year)
            + calendar.occasions(country: country, year: date.year + 1)
        occasionsByCountry[country] = found
        return found
    }

    /// The occasions of `country` whose greeting or gift window contains D, with the
    /// windows' bounds: the rules test the tier and the touches of each account against
    /// these few instead of every occasion of two years (computed once per country).
    func openOccasions(country: String) throws -> [OpenOccasion] {
        // Accounts come in row id order, often several of a country in a row (38 % on the
        // spec file's 8 countries; most in a book of one market).
        if let last = lastOpen, last.country == country { return last.open }
        if let cached = openByCountry[country] {
            lastOpen = (country, cached)
            return cached
        }
        var open: [OpenOccasion] = []
        for occasion in try occasions(country: country) {
            let greetingStart = occasion.date.adding(days: -occasion.greetingLead)
            let giftStart = occasion.date.adding(days: -occasion.giftLead)
            let giftEnd = occasion.date.adding(days: -occasion.greetingLead - 1)
            let greeting = occasion.isGreeting && date >= greetingStart && date <= occasion.date
            let gift = occasion.isGift && date >= giftStart && date <= giftEnd
            guard greeting || gift else { continue }
            open.append(OpenOccasion(
                occasion: occasion, greeting: greeting, greetingStart: greetingStart,
                gift: gift, giftTiers: occasion.giftTiers ?? config.giftTiers, giftStart: giftStart, giftEnd: giftEnd))
        }
        openByCountry[country] = open
        lastOpen = (country, open)
        return open
    }

    /// The name of an open occasion in `locale` (`OccasionDate.name(locale:)`), looked up
    /// once per occasion and locale: a festival day names it for most accounts. The few
    /// locales are compared in a list kept on the occasion (no hashing per account).
    func name(of open: OpenOccasion, locale: String) -> String {
        if let known = open.names.first(where: { $0.locale == locale }) { return known.name }
        let name = open.occasion.name(locale: locale)
        open.names.append((locale, name))
        return name
    }

    /// `recurring.occurrences(around: D)`, computed once per month-day.
    public func occurrences(of recurring: RecurringDate) -> [CivilDate] {
        if let cached = occurrencesByDate[recurring] { return cached }
        let found = recurring.occurrences(around: date)
        occurrencesByDate[recurring] = found
        return found
    }

    /// The occurrences of an event around D: a one-off event on its date; a yearly one in
    /// each year, never before its first date. Lunar events always repeat (they carry no year).
    public func occurrences(of event: Event) -> [CivilDate] {
        switch event.date {
        case .lunar(let monthDay):
            return occurrences(of: monthDay)
        case .gregorian(let first):
            guard event.effectiveRepeat == .yearly else { return [first] }
            return occurrences(of: RecurringDate(calendar: .gregorian, month: first.month, day: first.day))
                .filter { $0 >= first }
        }
    }

    /// How many days before D a touch can still close a short-window reason (holiday,
    /// gift, event, care) open on D; older touches matter only through the last touch and
    /// the last collection touch. Used by the loader to fetch recent touches only.
    public func touchHorizon(countries: some Sequence<String>) throws -> Int {
        var widest = max(config.birthdayLead, config.eventLead, config.careDays, config.holidayLead, config.giftLead)
        for country in Set(countries) {
            for occasion in try occasions(country: country) {
                widest = max(widest, occasion.greetingLead, occasion.giftLead)
            }
        }
        return widest
    }
}

/// An occasion whose greeting or gift window contains the context's date. A class: the
/// rules read the few open ones for every account of their country, and a value (an
/// `OccasionDate` with its names and tier sets) would be copied each time.
final class OpenOccasion {
    let occasion: OccasionDate
    /// Its names by locale, as asked (`AgendaContext.name(of:locale:)`).
    fileprivate var names: [(locale: String, name: String)] = []
    /// D in [occasion − greeting lead, occasion] of a greeting occasion.
    let greeting: Bool
    let greetingStart: CivilDate
    /// D in [occasion − gift lead, occasion − greeting lead − 1] of a gift occasion.
    let gift: Bool
    /// The occasion's gift tiers, else the config's.
    let giftTiers: Set<String>
    let giftStart: CivilDate
    let giftEnd: CivilDate

    init(
        occasion: OccasionDate, greeting: Bool, greetingStart: CivilDate, gift: Bool, giftTiers: Set<String>,
        giftStart: CivilDate, giftEnd: CivilDate
    ) {
        self.occasion = occasion
        self.greeting = greeting
        self.greetingStart = greetingStart
        self.gift = gift
        self.giftTiers = giftTiers
        self.giftStart = giftStart
        self.giftEnd = giftEnd
    }
}

/// A country's occasions per year, asked of the source once per run.
final class OccasionCache {
    private let source: any OccasionSource
    private var byCountryYear: [String: [Int: [OccasionDate]]] = [:]

    init(source: any OccasionSource) { self.source = source }

    func occasions(country: String, year: Int) throws -> [OccasionDate] {
        if let cached = byCountryYear[country]?[year] { return cached }
        let found = try source.occasions(country: country, year: year)
        byCountryYear[country, default: [:]][year] = found
        return found
    }
}
