import Foundation
import Testing
@testable import RapportCore

/// Loading calendar files: the shipped ones, a user's overrides, and every error path.
@Suite struct HolidayCalendarTests {
    /// A throwaway config folder holding `holidays/<name>` files.
    static func configFolder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-cal-\(UUID().uuidString)")
        let holidays = folder.appendingPathComponent("holidays")
        try FileManager.default.createDirectory(at: holidays, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: holidays.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func userCalendar(_ files: [String: String], config: RapportConfig = RapportConfig()) throws -> HolidayCalendar {
        try HolidayCalendar.load(shipped: ShippedResources.configDirectory, user: configFolder(files), config: config)
    }

    /// The error `body` throws, as a RapportError.
    static func error(_ body: () throws -> Void) -> RapportError? {
        do {
            try body()
            return nil
        } catch {
            return error as? RapportError
        }
    }

    func occasion(_ calendar: HolidayCalendar, _ country: String, _ year: Int, _ key: String) throws -> OccasionDate? {
        try calendar.occasions(country: country, year: year).first { $0.key == key }
    }

    // MARK: Shipped calendars

    @Test func shippedCountries() throws {
        let calendar = try ShippedCalendars.load()
        for country in ["CN", "HK", "TW", "SG", "KR", "VN", "JP", "US", "GB", "DE", "TH", "RU", "BR", "MX", "FR", "IT", "ES", "CA", "AU"] {
            #expect(calendar.hasCalendar(country: country), "\(country)")
        }
        #expect(calendar.hasCalendar(country: "cn"))
        #expect(calendar.problems().isEmpty, "\(calendar.problems())")
    }

    /// The keys the spec names, on their 2025 dates, with the spec's default policy.
    @Test(arguments: [
        ("CN", "new-year", "2025-01-01", true, false), ("CN", "spring-festival", "2025-01-29", true, true),
        ("CN", "new-years-eve", "2025-01-28", false, false), ("CN", "lantern", "2025-02-12", true, false),
        ("CN", "qingming", "2025-04-04", false, false), ("CN", "labour-day", "2025-05-01", true, false),
        ("CN", "dragon-boat", "2025-05-31", true, false), ("CN", "qixi", "2025-08-29", false, false),
        ("CN", "mid-autumn", "2025-10-06", true, true), ("CN", "national-day", "2025-10-01", true, false),
        ("CN", "double-ninth", "2025-10-29", false, false),
        ("KR", "seollal", "2025-01-29", true, true), ("KR", "chuseok", "2025-10-06", true, true),
        ("VN", "tet", "2025-01-29", true, true),
        ("US", "thanksgiving", "2025-11-27", true, true), ("US", "christmas", "2025-12-25", true, true),
        ("US", "independence-day", "2025-07-04", true, false),
        ("GB", "easter-monday", "2025-04-21", true, false), ("GB", "christmas", "2025-12-25", true, true),
        ("DE", "easter-sunday", "2025-04-20", true, false), ("DE", "christmas", "2025-12-25", true, true),
    ])
    func specOccasions(country: String, key: String, date: String, greeting: Bool, gift: Bool) throws {
        let found = try #require(try occasion(ShippedCalendars.load(), country, 2025, key))
        #expect(found.date == CivilDate(date))
        #expect(found.isGreeting == greeting)
        #expect(found.isGift == gift)
        #expect(found.greetedTiers == nil)  // every tier
        #expect(found.greetingLead == 3)
        #expect(found.giftLead == 14)
        #expect(found.giftTiers == nil)
        #expect(found.template == key)
        #expect(found.names["en"] != nil)
    }

    @Test func namesPerLocale() throws {
        let midAutumn = try #require(try occasion(ShippedCalendars.load(), "CN", 2025, "mid-autumn"))
        #expect(midAutumn.name(locale: "zh-CN") == "中秋节")
        #expect(midAutumn.name(locale: "zh-TW") == "中秋節")
        #expect(midAutumn.name(locale: "en") == "Mid-Autumn Festival")
        #expect(try ShippedCalendars.load().locale(country: "CN") == "zh-CN")
        #expect(try ShippedCalendars.load().locale(country: "DE") == "de")
    }

    @Test func leadsDefaultFromTheConfig() throws {
        var config = RapportConfig()
        config.holidayLead = 5
        config.giftLead = 21
        let found = try #require(try occasion(ShippedCalendars.load(config: config), "CN", 2025, "spring-festival"))
        #expect(found.greetingLead == 5)
        #expect(found.giftLead == 21)
    }

    /// Every shipped calendar, every year: dates in the year, in order; Tết 1985 a month
    /// before the Chinese New Year.
    @Test func everyCountryEveryYear() throws {
        let calendar = try ShippedCalendars.load()
        for country in calendar.countries {
            for year in HolidayCalendar.supportedYears {
                let occasions = try calendar.occasions(country: country, year: year)
                #expect(occasions.allSatisfy { $0.date.year == year })
                #expect(occasions.map(\.date) == occasions.map(\.date).sorted())
            }
        }
        #expect(try occasion(calendar, "VN", 1985, "tet")?.date == CivilDate("1985-01-21"))
        #expect(try occasion(calendar, "CN", 1985, "spring-festival")?.date == CivilDate("1985-02-20"))
        #expect(try occasion(calendar, "CN", 1949, "national-day") == nil)  // first kept in 1950
        #expect(try occasion(calendar, "CN", 1950, "national-day")?.date == CivilDate("1950-10-01"))
        #expect(try occasion(calendar, "JP", 2025, "vernal-equinox-day")?.date == CivilDate("2025-03-20"))
        #expect(try occasion(calendar, "JP", 2025, "autumnal-equinox-day")?.date == CivilDate("2025-09-23"))
        #expect(try occasion(calendar, "DE", 2025, "whit-monday")?.date == CivilDate("2025-06-09"))
        #expect(try occasion(calendar, "US", 2026, "thanksgiving")?.date == CivilDate("2026-11-26"))
    }

    // MARK: A user's config folder

    @Test func userOverridesOccasionsByKey() throws {
        let calendar = try Self.userCalendar(["CN.yaml": """
            occasions:
              - key: qixi
                greeting: true
                tiers: [A]
              - key: mid-autumn
                names: { en: Moon Festival }
                gift_tiers: [A, B]
              - key: laba
                remove: true
              - key: national-day
                date: 10-02
              - key: company-day
                date: 06-18
                names: { en: Company Day }
            """])
        let qixi = try #require(try occasion(calendar, "CN", 2025, "qixi"))
        #expect(qixi.isGreeting && qixi.greetedTiers == ["A"] && qixi.date == CivilDate("2025-08-29"))
        let midAutumn = try #require(try occasion(calendar, "CN", 2025, "mid-autumn"))
        #expect(midAutumn.name(locale: "en") == "Moon Festival")
        #expect(midAutumn.name(locale: "zh-CN") == "中秋节")
        #expect(midAutumn.isGift && midAutumn.giftTiers == ["A", "B"] && midAutumn.date == CivilDate("2025-10-06"))
        #expect(try occasion(calendar, "CN", 2025, "laba") == nil)
        #expect(try occasion(calendar, "CN", 2025, "national-day")?.date == CivilDate("2025-10-02"))
        #expect(try occasion(calendar, "CN", 2025, "company-day")?.date == CivilDate("2025-06-18"))
        // Other countries are untouched.
        #expect(try occasion(calendar, "DE", 2025, "christmas") != nil)
    }

    @Test func userAddsACountryOrReplacesOne() throws {
        let calendar = try Self.userCalendar([
            "NL.yaml": """
                country: NL
                locale: nl
                occasions:
                  - key: kings-day
                    date: 04-27
                    names: { nl: Koningsdag, en: "King's Day" }
                  - key: easter-monday
                    easter: western
                    offset: 1
                    names: { nl: Tweede paasdag }
                """,
            "GB.yaml": """
                replace: true
                occasions:
                  - key: christmas
                    date: 12-25
                    names: { en: Christmas }
                """,
        ])
        #expect(calendar.countries.contains("NL"))
        #expect(try calendar.locale(country: "NL") == "nl")
        #expect(try calendar.occasions(country: "NL", year: 2025).map(\.date) == [CivilDate("2025-04-21")!, CivilDate("2025-04-27")!])
        #expect(try calendar.occasions(country: "GB", year: 2025).map(\.key) == ["christmas"])
    }

    @Test func offsetsCrossTheYearEnd() throws {
        let calendar = try Self.userCalendar(["XA.yaml": """
            occasions:
              - key: new-year
                date: 01-01
                names: { en: New Year }
              - key: eve
                from: new-year
                offset: -1
                names: { en: Eve }
              - key: before-spring
                lunar: 01-01
                offset: -40
                names: { en: Forty days before }
            """])
        let keys = try calendar.occasions(country: "XA", year: 2025).map { "\($0.key) \($0.date)" }
        // Lunar 1-1 of 2025 (29 January) gives 20 December 2024; of 2026 (17 February),
        // 8 January 2026. So 2025 has none, and 2026 has two: lunar 2027 begins on
        // 6 February 2027, 40 days after 28 December 2026.
        #expect(keys == ["new-year 2025-01-01", "eve 2025-12-31"])
        #expect(try calendar.occasions(country: "XA", year: 2026).map { "\($0.key) \($0.date)" }
                == ["new-year 2026-01-01", "before-spring 2026-01-08", "before-spring 2026-12-28", "eve 2026-12-31"])
    }

    @Test func sameFolderTwiceIsReadOnce() throws {
        let shipped = ShippedResources.configDirectory
        let calendar = try HolidayCalendar.load(shipped: shipped, user: shipped, config: RapportConfig())
        #expect(calendar.problems().isEmpty)
    }

    // MARK: Errors

    @Test func unknownCountryIsAUsageErrorListingTheKnownOnes() throws {
        let calendar = try ShippedCalendars.load()
        let error = Self.error { _ = try calendar.occasions(country: "NL", year: 2025) }
        #expect(error?.code == .usage)
        #expect(error?.message.contains("'NL'") == true)
        #expect(error?.message.contains("known: \(calendar.countries.joined(separator: ", "))") == true)
        #expect(calendar.countries.starts(with: ["AE", "AU", "BR", "CA", "CN", "DE", "EG", "ES", "FR", "GB"]))
    }

    @Test(arguments: [1900, 2100, 0])
    func yearOutOfRangeIsAUsageError(year: Int) throws {
        let error = Self.error { _ = try ShippedCalendars.load().occasions(country: "CN", year: year) }
        #expect(error?.code == .usage)
        #expect(error?.message.contains("1901") == true)
    }

    /// The problems of one user file named `XB.yaml`, each `FILE:LINE: …`.
    func problems(_ text: String) throws -> [String] {
        let calendar = try Self.userCalendar(["XB.yaml": text])
        let error = Self.error { _ = try calendar.occasions(country: "XB", year: 2025) }
        #expect(error?.code == .dataError)
        return error?.message.split(separator: "\n").map(String.init) ?? []
    }

    @Test func malformedYAMLNamesFileAndLine() throws {
        let lines = try problems("occasions:\n  - key: a\n    date: 01-01\n   names: [oops\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("XB.yaml:") == true)
        #expect(lines.first?.contains("not valid YAML") == true)
    }

    @Test func badRulesNameFileLineAndKey() throws {
        let lines = try problems("""
            occasions:
              - key: fine
                date: 01-01
                names: { en: Fine }
              - key: bad-lunar
                lunar: 13-01
                names: { en: Bad }
              - key: bad-date
                date: 02-30
                names: { en: Bad }
              - key: bad-weekday
                weekday: 6th monday of may
                names: { en: Bad }
              - key: bad-term
                solar_term: tomb-day
                names: { en: Bad }
              - key: bad-easter
                easter: catholic
                names: { en: Bad }
              - key: two-rules
                date: 01-02
                lunar: 01-02
                names: { en: Bad }
            """)
        let path = "XB.yaml"
        #expect(lines.contains { $0.hasSuffix("\(path):6: rule bad-lunar: lunar: '13-01' is not a lunar month-day MM-DD (LMM-DD for a leap month) or last-day-of-year") })
        #expect(lines.contains { $0.contains("\(path):9: rule bad-date: date: '02-30'") })
        #expect(lines.contains { $0.contains("\(path):12: rule bad-weekday: weekday:") })
        #expect(lines.contains { $0.contains("\(path):15: rule bad-term: solar_term: unknown term 'tomb-day'") })
        #expect(lines.contains { $0.contains("\(path):18: rule bad-easter: easter: 'catholic'") })
        #expect(lines.contains { $0.contains("\(path):20: rule two-rules: more than one rule (date, lunar)") })
        #expect(lines.count == 6, "\(lines)")
    }

    @Test func unknownRuleKind() throws {
        let lines = try problems("""
            occasions:
              - key: moon
                moon_phase: full
                names: { en: Full moon }
            """)
        #expect(lines.contains { $0.contains("XB.yaml:3: rule moon: unknown field 'moon_phase' (a rule is one of date, weekday, lunar, solar_term, easter, from") })
        #expect(lines.contains { $0.contains("XB.yaml:2: rule moon: no rule") })
    }

    @Test func offsetFromAMissingOccasion() throws {
        let lines = try problems("""
            occasions:
              - key: after
                from: nowhere
                offset: 1
                names: { en: After }
            """)
        #expect(lines == [lines.first { $0.hasSuffix("XB.yaml:3: rule after: from: no occasion 'nowhere' in this calendar") } ?? "missing"])
    }

    @Test func cycleOfOffsets() throws {
        let lines = try problems("""
            occasions:
              - key: a
                from: c
                names: { en: A }
              - key: b
                from: a
                offset: 1
                names: { en: B }
              - key: c
                from: b
                names: { en: C }
            """)
        #expect(lines.count == 1)
        #expect(lines.first?.contains("from: offsets form a cycle: a → c → b → a") == true, "\(lines)")
    }

    @Test func otherFieldProblemsAllReported() throws {
        let lines = try problems("""
            country: XC
            colour: red
            occasions:
              - key: Bad_Key
                date: 01-01
              - key: no-names
                date: 01-01
              - key: greedy
                date: 01-02
                names: { en: Greedy }
                gift: true
                lead: 10
                gift_lead: 7
                tiers: [A, Z]
                template: ../../etc/passwd
              - key: no-names
                date: 01-03
                names: { en: Twice }
            """)
        let expected = [
            "XB.yaml:1: country XC does not match the file name XB.yaml",
            "XB.yaml:2: unknown field 'colour'",
            "XB.yaml:4: key 'Bad_Key' must be lower-case words joined by hyphens",
            "XB.yaml:6: rule no-names: names: give at least one name",
            "XB.yaml:14: rule greedy: tiers: unknown tier 'Z'",
            "XB.yaml:15: rule greedy: template: expected a name",
            "XB.yaml:8: rule greedy: gift_lead 7 must be more than the greeting lead 10",
            "XB.yaml:16: rule no-names: defined twice in this file",
        ]
        for line in expected {
            #expect(lines.contains { $0.contains(line) }, "missing: \(line)\nin \(lines)")
        }
        #expect(lines.count == expected.count, "\(lines)")
    }

    @Test func userRemovingAnUnknownOccasion() throws {
        let calendar = try Self.userCalendar(["CN.yaml": "occasions:\n  - key: no-such\n    remove: true\n"])
        let error = Self.error { _ = try calendar.occasions(country: "CN", year: 2025) }
        #expect(error?.code == .dataError)
        #expect(error?.message.contains("CN.yaml:2: rule no-such: remove: no shipped occasion of this key") == true)
        #expect(calendar.problems().count == 1)
    }
}
