/// The shared, read-only part of one agenda run: the date, the settings and the
/// occasions, with per-run caches (a country's occasions, a month-day's occurrences)
/// so 100 000 accounts cost a handful of calendar look-ups. One context per run and
/// thread; it is not shared across threads.
public final class AgendaContext {
    public let date: CivilDate
    public let config: RapportConfig
    private let calendar: OccasionCache
    private var occasionsByCountry: [String: [OccasionDate]] = [:]
    private var occurrencesByDate: [RecurringDate: [CivilDate]] = [:]
    private var namesByLocale: [String: [String: String]] = [:]

    public convenience init(date: CivilDate, config: RapportConfig, occasions: any OccasionSource) {
        self.init(date: date, config: config, calendar: OccasionCache(source: occasions))
    }

    private init(date: CivilDate, config: RapportConfig, calendar: OccasionCache) {
        self.date = date
        self.config = config
        self.calendar = calendar
    }

    /// A context for another day that shares this one's occasion cache (a range of days).
    public func on(_ other: CivilDate) -> AgendaContext {
        other == date ? self : AgendaContext(date: other, config: config, calendar: calendar)
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

    /// The name of a country's occasion in `locale` (`OccasionDate.name(locale:)`), looked
    /// up once per occasion and locale: a festival day names it for most accounts.
    public func name(of occasion: OccasionDate, country: String, locale: String) -> String {
        let key = country + "\u{1F}" + occasion.key
        if let cached = namesByLocale[locale]?[key] { return cached }
        let name = occasion.name(locale: locale)
        namesByLocale[locale, default: [:]][key] = name
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
