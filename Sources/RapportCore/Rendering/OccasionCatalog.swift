/// The calendar entries behind holiday and gift reasons (a reason carries only the key
/// and date): their names in each locale and their template names. Each country-year is
/// asked of the source once.
public final class OccasionCatalog {
    private let source: (any OccasionSource)?
    private var cache: [String: [OccasionDate]] = [:]

    public init(source: (any OccasionSource)?) {
        self.source = source
    }

    /// The occasion `key` of `country` on or near `date` (the reason's occasion date).
    public func occasion(key: String, country: String, date: CivilDate) throws -> OccasionDate? {
        guard let source else { return nil }
        let cacheKey = "\(country)/\(date.year)"
        let list: [OccasionDate]
        if let cached = cache[cacheKey] {
            list = cached
        } else {
            list = try source.occasions(country: country, year: date.year)
            cache[cacheKey] = list
        }
        return list.first { $0.key == key && $0.date == date } ?? list.first { $0.key == key }
    }
}
