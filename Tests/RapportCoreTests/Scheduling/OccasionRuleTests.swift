import Testing
@testable import RapportCore

@Suite struct OccasionRuleTests {
    static let midAutumn = OccasionDate(key: "mid-autumn", date: day("2026-09-25"), names: ["en": "Mid-Autumn"], isGift: true)
    static let qingming = OccasionDate(key: "qingming", date: day("2026-04-05"), names: ["en": "Qingming"], isGreeting: false)
    static let vipDay = OccasionDate(key: "vip-day", date: day("2026-06-01"), names: [:], greetedTiers: ["A"])
    static let cn = FixedOccasions(byCountry: ["CN": [midAutumn, qingming, vipDay]])

    func holiday(_ date: String, tier: String = "B", country: String = "CN", touches: [Touch] = []) throws -> [Reason] {
        reasons(.holiday, try agenda(account(tier: tier, country: country), on: date, touches: touches, occasions: Self.cn))
    }

    func gift(_ date: String, tier: String = "A", touches: [Touch] = [], config: RapportConfig = RapportConfig()) throws -> [Reason] {
        reasons(.gift, try agenda(account(tier: tier), on: date, touches: touches, occasions: Self.cn, config: config))
    }

    @Test func holidayWindowIsOccasionMinusLeadThroughTheOccasion() throws {
        #expect(try holiday("2026-09-21").isEmpty)
        let first = try holiday("2026-09-22")
        #expect(first.map(\.occasion) == ["mid-autumn"])
        #expect(first.map(\.dueOn) == [day("2026-09-25")])
        #expect(try holiday("2026-09-25").count == 1)
        #expect(try holiday("2026-09-26").isEmpty)
    }

    @Test func holidayIsForTheAccountsCountryOnly() throws {
        #expect(try holiday("2026-09-24", country: "US").isEmpty)
    }

    @Test func holidayDoneByGreetingGiftOrVisitInTheWindow() throws {
        for kind in [TouchKind.greeting, .gift, .visit] {
            #expect(try holiday("2026-09-24", touches: [touch("2026-09-22", kind)]).isEmpty, "\(kind) closes it")
        }
        // A call, or a greeting before the window opened, does not.
        #expect(try holiday("2026-09-24", touches: [touch("2026-09-23", .checkin)]).count == 1)
        #expect(try holiday("2026-09-24", touches: [touch("2026-09-21", .greeting)]).count == 1)
    }

    @Test func onlyGreetingOccasionsOfGreetedTiers() throws {
        #expect(try holiday("2026-04-04").isEmpty)  // Qingming: mourning, no cheerful greeting
        #expect(try holiday("2026-05-30", tier: "B").isEmpty)
        #expect(try holiday("2026-05-30", tier: "A").map(\.occasion) == ["vip-day"])
    }

    @Test func giftWindowEndsTheDayBeforeTheGreetingWindow() throws {
        #expect(try gift("2026-09-10").isEmpty)
        let first = try gift("2026-09-11")  // occasion − 14
        #expect(first.map(\.occasion) == ["mid-autumn"])
        #expect(first.map(\.dueOn) == [day("2026-09-21")])  // occasion − 3 − 1
        #expect(try gift("2026-09-21").count == 1)
        #expect(try gift("2026-09-22").isEmpty)
    }

    @Test func giftTiersDefaultToTheConfigs() throws {
        #expect(try gift("2026-09-15", tier: "B").isEmpty)
        var config = RapportConfig()
        config.giftTiers = ["A", "B"]
        #expect(try gift("2026-09-15", tier: "B", config: config).count == 1)
        // An occasion's own gift tiers win over the config.
        var only = Self.midAutumn
        only.giftTiers = ["C"]
        let item = try agenda(account(tier: "A"), on: "2026-09-15", occasions: FixedOccasions(byCountry: ["CN": [only]]))
        #expect(reasons(.gift, item).isEmpty)
    }

    @Test func giftDoneByGiftOrVisitOnly() throws {
        #expect(try gift("2026-09-15", touches: [touch("2026-09-11", .gift)]).isEmpty)
        #expect(try gift("2026-09-15", touches: [touch("2026-09-12", .visit)]).isEmpty)
        #expect(try gift("2026-09-15", touches: [touch("2026-09-12", .greeting)]).count == 1)
        #expect(try gift("2026-09-15", touches: [touch("2026-09-10", .gift)]).count == 1)
    }
}
