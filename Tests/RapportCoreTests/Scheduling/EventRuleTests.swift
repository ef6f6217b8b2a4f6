import Testing
@testable import RapportCore

@Suite struct EventRuleTests {
    func person(_ key: String, _ birthday: String, calendar: CalendarKind = .gregorian, role: ContactRole? = nil, status: ContactStatus = .current) -> Contact {
        Contact(key: key, account: "HD-MACH", name: key, role: role, status: status, birthday: RecurringDate(birthday, calendar: calendar))
    }

    func events(_ date: String, contacts: [Contact] = [], events: [Event] = [], touches: [Touch] = []) throws -> [Reason] {
        reasons(.event, try agenda(account(), on: date, contacts: contacts, events: events, touches: touches))
    }

    @Test func birthdayWindowIsTheDayBeforeAndTheDay() throws {
        let li = person("li", "05-20")
        #expect(try events("2026-05-18", contacts: [li]).isEmpty)
        #expect(try events("2026-05-19", contacts: [li]).map(\.dueOn) == [day("2026-05-20")])
        #expect(try events("2026-05-20", contacts: [li]).first?.contact == "li")
        #expect(try events("2026-05-21", contacts: [li]).isEmpty)
    }

    @Test func firstOfJanuaryBirthdayAppearsOnNewYearsEve() throws {
        let found = try events("2026-12-31", contacts: [person("li", "01-01")])
        #expect(found.map(\.dueOn) == [day("2027-01-01")])
    }

    @Test func leapDayBirthdayFallsOn28FebruaryInACommonYear() throws {
        let li = person("li", "02-29")
        #expect(try events("2027-02-27", contacts: [li]).map(\.dueOn) == [day("2027-02-28")])
        #expect(try events("2027-02-28", contacts: [li]).count == 1)
        #expect(try events("2027-03-01", contacts: [li]).isEmpty)
        #expect(try events("2028-02-28", contacts: [li]).map(\.dueOn) == [day("2028-02-29")])
    }

    @Test func lunarLeapMonthBirthday() throws {
        // Leap 6th month of 2025 began 2025-07-25, so L06-10 is 2025-08-03.
        let leap = person("li", "L06-10", calendar: .chinese)
        #expect(try events("2025-08-02", contacts: [leap]).map(\.dueOn) == [day("2025-08-03")])
        // The ordinary 6th month: 06-10 fell on 2025-07-04 (6th month began 2025-06-25).
        #expect(try events("2025-07-04", contacts: [person("wu", "06-10", calendar: .chinese)]).map(\.dueOn) == [day("2025-07-04")])
        #expect(try events("2025-08-03", contacts: [person("wu", "06-10", calendar: .chinese)]).isEmpty)
        // 2026 has no leap 7th month: L07-07 falls on the ordinary 7-7, Qixi, 2026-08-19.
        #expect(try events("2026-08-18", contacts: [person("li", "L07-07", calendar: .chinese)]).map(\.dueOn) == [day("2026-08-19")])
    }

    @Test func lunarDay30FallsOnDay29InAShortMonth() throws {
        // The 12th month of lunar 2025 has 29 days: New Year's Eve is 2026-02-16 (Spring Festival 02-17).
        #expect(try events("2026-02-16", contacts: [person("li", "12-30", calendar: .chinese)]).map(\.dueOn) == [day("2026-02-16")])
    }

    @Test func formerContactsCountOnlyWhenTheyDecidedOrInfluenced() throws {
        let user = person("u", "05-20", role: .user, status: .former)
        let noRole = person("n", "05-20", status: .former)
        let influencer = person("i", "05-20", role: .influencer, status: .former)
        let decider = person("d", "05-20", role: .decisionMaker, status: .former)
        #expect(try events("2026-05-20", contacts: [user, noRole]).isEmpty)
        #expect(try events("2026-05-20", contacts: [influencer, decider]).compactMap(\.contact).sorted() == ["d", "i"])
        // A birthday event of a former contact follows the same rule.
        let birthday = Event(account: "HD-MACH", contact: "u", kind: .birthday, title: "U's birthday", date: .gregorian(day("1980-05-20")))
        #expect(try events("2026-05-20", contacts: [user], events: [birthday]).isEmpty)
        var influencers = birthday
        influencers.contact = "i"
        #expect(try events("2026-05-20", contacts: [influencer], events: [influencers]).count == 2)
    }

    @Test func eventsLeadThreeDaysAndBirthdayEventsOne() throws {
        let anniversary = Event(account: "HD-MACH", kind: .anniversary, title: "10 years together", date: .gregorian(day("2016-06-10")))
        #expect(try events("2026-06-06", events: [anniversary]).isEmpty)
        #expect(try events("2026-06-07", events: [anniversary]).map(\.title) == ["10 years together"])
        #expect(try events("2026-06-10", events: [anniversary]).map(\.dueOn) == [day("2026-06-10")])
        let birthday = Event(account: "HD-MACH", kind: .birthday, title: "Boss", date: .gregorian(day("1970-06-10")))
        #expect(try events("2026-06-08", events: [birthday]).isEmpty)
        #expect(try events("2026-06-09", events: [birthday]).count == 1)
    }

    @Test func onceEventsOnlyOnTheirDateAndYearlyNotBeforeTheFirst() throws {
        let opening = Event(account: "HD-MACH", kind: .milestone, title: "Plant opening", date: .gregorian(day("2026-03-10")))
        #expect(opening.effectiveRepeat == .once)
        #expect(try events("2026-03-08", events: [opening]).count == 1)
        #expect(try events("2027-03-08", events: [opening]).isEmpty)
        let anniversary = Event(account: "HD-MACH", kind: .anniversary, title: "Founding", date: .gregorian(day("2026-03-10")))
        #expect(try events("2025-03-09", events: [anniversary]).isEmpty)
        #expect(try events("2027-03-09", events: [anniversary]).map(\.dueOn) == [day("2027-03-10")])
        var yearly = opening
        yearly.repeatRule = .yearly
        #expect(try events("2027-03-08", events: [yearly]).count == 1)
    }

    @Test func eventDoneByGreetingGiftCareOrVisitInTheWindow() throws {
        let li = person("li", "05-20")
        for kind in [TouchKind.greeting, .gift, .care, .visit] {
            #expect(try events("2026-05-20", contacts: [li], touches: [touch("2026-05-19", kind)]).isEmpty, "\(kind)")
        }
        #expect(try events("2026-05-20", contacts: [li], touches: [touch("2026-05-19", .checkin)]).count == 1)
        #expect(try events("2026-05-20", contacts: [li], touches: [touch("2026-05-18", .greeting)]).count == 1)
    }
}
