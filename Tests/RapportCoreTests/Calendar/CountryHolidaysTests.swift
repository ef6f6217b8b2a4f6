import Testing
@testable import RapportCore

/// The TH, RU, BR, MX, FR, IT, ES, CA and AU calendars against python-holidays 0.109
/// (Fixtures/calendar/country-holidays.csv, made by generate_countries.py): for every
/// year python-holidays covers within 1901–2099, each of our occasions with a
/// python-holidays counterpart falls on one of its dates that year, and is absent when
/// python-holidays has none.
@Suite struct CountryHolidaysTests {
    /// Where we knowingly differ from python-holidays, "CC key year" → why we are right.
    /// python-holidays lists public holidays (days off); we list occasions to greet, which
    /// can outlive a day off:
    static let knownDifferences: [String: String] = {
        var known: [String: String] = [:]
        // Songkran was not a public holiday in 1954–1956 and the 2020 days off were
        // postponed by the Cabinet for Covid-19 (python-holidays' sources), but the
        // festival on 13 April was kept all the same: a Songkran greeting is right.
        for year in [1954, 1955, 1956, 2020] { known["TH songkran \(year)"] = "festival kept without the day off" }
        // Christmas became a Brazilian national holiday in 1922 (Decree 4,867); the
        // festival, and its greetings, are older.
        for year in 1901...1921 { known["BR christmas \(year)"] = "festival before the public holiday" }
        return known
    }()

    @Test func everyOccasionOnPythonHolidaysDates() throws {
        let calendar = try ShippedCalendars.load()
        var differences: [String] = []
        var compared = 0
        for cells in try CalendarFixtures.rows("country-holidays") {
            let (country, key, year) = (cells[0], cells[1], Int(cells[2])!)
            let published = cells[3].split(separator: " ").map { CivilDate(String($0))! }
            let ours = try calendar.occasions(country: country, year: year).filter { $0.key == key }.map(\.date)
            compared += 1
            let agrees = published.isEmpty ? ours.isEmpty : ours.count == 1 && published.contains(ours[0])
            if !agrees {
                differences.append("\(country) \(key) \(year)")
                if Self.knownDifferences["\(country) \(key) \(year)"] == nil {
                    Issue.record("\(country) \(key) \(year): python-holidays \(published), ours \(ours)")
                }
            }
        }
        #expect(compared > 7000)
        // Every known difference is still one (none is stale).
        #expect(Set(differences) == Set(Self.knownDifferences.keys))
    }

    /// Hand-picked edges of the year ranges, from the laws python-holidays cites.
    @Test(arguments: [
        ("TH", "national-day", 1959, "1959-06-24"), ("TH", "national-day", 1960, "1960-12-05"),
        ("TH", "new-year", 1941, "1941-01-01"), ("TH", "songkran", 1948, "1948-04-13"),
        ("RU", "christmas", 1991, "1991-01-07"), ("RU", "russia-day", 1992, "1992-06-12"),
        ("IT", "republic-day", 1947, "1947-06-02"), ("IT", "republic-day", 1977, "1977-06-05"),
        ("IT", "republic-day", 2000, "2000-06-04"), ("IT", "republic-day", 2001, "2001-06-02"),
        ("AU", "australia-day", 1935, "1935-01-26"), ("CA", "canada-day", 1901, "1901-07-01"),
        ("ES", "national-day", 2099, "2099-10-12"), ("FR", "bastille-day", 1901, "1901-07-14"),
    ])
    func firstAndLastYears(country: String, key: String, year: Int, date: String) throws {
        let dates = try ShippedCalendars.load().occasions(country: country, year: year).filter { $0.key == key }.map(\.date)
        #expect(dates == [CivilDate(date)!])
    }

    @Test(arguments: [
        ("TH", "new-year", 1940), ("TH", "songkran", 1947), ("TH", "national-day", 1938), ("TH", "kings-birthday", 2016),
        ("RU", "christmas", 1990), ("RU", "russia-day", 1991), ("IT", "republic-day", 1946), ("IT", "easter-monday", 1949),
        ("AU", "australia-day", 1934), ("AU", "anzac-day", 1920),
    ])
    func absentBeforeItExisted(country: String, key: String, year: Int) throws {
        #expect(try ShippedCalendars.load().occasions(country: country, year: year).allSatisfy { $0.key != key })
    }

    /// The greeting and gift policy decided in docs/calendars.md: (country, key, 2025
    /// date, greeted tiers (nil = all; [] = no greeting), gift, template).
    @Test(arguments: [
        ("TH", "songkran", "2025-04-13", nil, false, "songkran"), ("TH", "new-year", "2025-01-01", nil, true, "new-year"),
        ("TH", "national-day", "2025-12-05", ["A"], false, "national-day"), ("TH", "kings-birthday", "2025-07-28", [], false, "kings-birthday"),
        ("RU", "new-year", "2025-01-01", nil, true, "new-year"), ("RU", "christmas", "2025-01-07", [], false, "christmas"),
        ("RU", "russia-day", "2025-06-12", ["A"], false, "national-day"),
        ("BR", "christmas", "2025-12-25", nil, true, "christmas"), ("BR", "independence-day", "2025-09-07", ["A"], false, "national-day"),
        ("BR", "easter-sunday", "2025-04-20", nil, false, "easter-sunday"),
        ("MX", "christmas", "2025-12-25", nil, true, "christmas"), ("MX", "independence-day", "2025-09-16", nil, false, "national-day"),
        ("FR", "christmas", "2025-12-25", nil, true, "christmas"), ("FR", "bastille-day", "2025-07-14", ["A"], false, "national-day"),
        ("IT", "christmas", "2025-12-25", nil, true, "christmas"), ("IT", "republic-day", "2025-06-02", ["A"], false, "national-day"),
        ("IT", "easter-sunday", "2025-04-20", nil, false, "easter-sunday"),
        ("ES", "christmas", "2025-12-25", nil, true, "christmas"), ("ES", "national-day", "2025-10-12", ["A"], false, "national-day"),
        ("CA", "christmas", "2025-12-25", nil, true, "christmas"), ("CA", "canada-day", "2025-07-01", nil, false, "national-day"),
        ("AU", "christmas", "2025-12-25", nil, true, "christmas"), ("AU", "australia-day", "2025-01-26", [], false, "national-day"),
        ("AU", "new-year", "2025-01-01", nil, false, "new-year"),
    ] as [(String, String, String, [String]?, Bool, String)])
    func greetingAndGiftPolicy(country: String, key: String, date: String, tiers: [String]?, gift: Bool, template: String) throws {
        let found = try #require(try ShippedCalendars.load().occasions(country: country, year: 2025).first { $0.key == key })
        #expect(found.date == CivilDate(date))
        #expect(found.isGreeting == (tiers != [] ))
        if tiers != [] { #expect(found.greetedTiers == tiers.map(Set.init)) }
        #expect(found.isGift == gift)
        #expect(found.template == template)
        #expect(found.names["en"] != nil)
    }
}
