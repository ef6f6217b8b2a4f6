import Foundation
import Testing
@testable import RapportCore

/// The SQL loader must give exactly what the pure rules give on the same plain values:
/// a seeded random book of accounts is written with plain SQL, then the agenda of many
/// days (one at a time, a week at once, all reps and one) is compared.
@Suite struct AgendaStoreTests {
    @Test func loaderMatchesThePureRulesOnManyDays() throws {
        let book = Book(seed: 7)
        let (db, path) = try book.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let config = RapportConfig()
        var compared = 0, payers = 0
        var day = CivilDate(year: 2026, month: 1, day: 3)!
        while day.year == 2026 {
            let fromDB = try agendaItems(db: db, config: config, occasions: book.occasions, date: day, rep: nil)
            let pure = try book.pureItems(on: day, config: config)
            #expect(Book.comparable(fromDB) == Book.comparable(pure), "on \(day)")
            #expect(fromDB.map { $0.contact?.key } == pure.map { $0.contact?.key }, "contacts on \(day)")
            compared += pure.count
            payers += pure.reduce(0) { $0 + $1.reasons.count { $0.kind == .payer } }
            day = day.adding(days: 5)
        }
        #expect(compared > 500)  // the book really exercises the rules
        #expect(payers > 20)
    }

    @Test func aWeekAtOnceEqualsDayByDay() throws {
        let book = Book(seed: 11)
        let (db, path) = try book.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let config = RapportConfig()
        let from = CivilDate(year: 2026, month: 9, day: 20)!
        let week = try agendaDays(db: db, config: config, occasions: book.occasions, from: from, through: from.adding(days: 6), rep: nil)
        try book.expectWeek(week, from: from, config: config)
    }

    /// The days are handed over one at a time, in order, whether the accounts load in one
    /// part or in two halves on two threads; an error thrown while handling a day ends the
    /// run there (the other thread stopped, nothing more handed over) and comes out as it was.
    @Test func daysAreHandedOverOneAtATimeAndAnErrorStopsThem() throws {
        struct Stop: Error {}
        let book = Book(seed: 11)
        let (db, path) = try book.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let from = CivilDate(year: 2026, month: 9, day: 20)!
        for splitFrom: Int64 in [0, 1 << 40] {
            var seen: [CivilDate] = []
            #expect(throws: Stop.self) {
                try forEachAgendaDay(
                    db: db, config: RapportConfig(), occasions: book.occasions, from: from, through: from.adding(days: 6),
                    rep: nil, splitFrom: splitFrom
                ) { day in
                    seen.append(day.date)
                    #expect(Book.comparable(day.items) == Book.comparable(try book.pureItems(on: day.date, config: RapportConfig())))
                    if seen.count == 3 { throw Stop() }
                }
            }
            #expect(seen == (0..<3).map { from.adding(days: $0) }, "split from \(splitFrom)")
        }
        // The connection is free again: a run after the stopped one answers as usual.
        #expect(try agendaDays(db: db, config: RapportConfig(), occasions: book.occasions, from: from, through: from, rep: nil, splitFrom: 0).count == 1)
    }

    /// Over all reps a large database is loaded in two halves of the account row ids, on two
    /// connections and threads, the date-found sources read once for both, and the contacts
    /// to reach read for the items only; forced here on the small book (`splitFrom: 0`), on
    /// days replayed before later touches and payments, one day at a time and a week at once.
    @Test func twoHalvesMatchThePureRules() throws {
        let book = Book(seed: 13)
        let (db, path) = try book.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let config = RapportConfig()
        var compared = 0
        var day = CivilDate(year: 2026, month: 1, day: 2)!
        while day.year == 2026 {
            let halves = try agendaDays(db: db, config: config, occasions: book.occasions, from: day, through: day, rep: nil, splitFrom: 0)
            let pure = try book.pureItems(on: day, config: config)
            #expect(halves.count == 1)
            #expect(Book.comparable(halves.first?.items ?? []) == Book.comparable(pure), "on \(day)")
            #expect(Book.reach(halves.first?.items ?? []) == Book.reach(pure), "contacts on \(day)")
            compared += pure.count
            day = day.adding(days: 9)
        }
        #expect(compared > 300)

        let from = CivilDate(year: 2026, month: 9, day: 20)!
        let week = try agendaDays(db: db, config: config, occasions: book.occasions, from: from, through: from.adding(days: 6), rep: nil, splitFrom: 0)
        try book.expectWeek(week, from: from, config: config)
    }

    /// Inside a write transaction the agenda is computed on the one connection that sees its
    /// changes (a second connection would miss them): a touch just logged closes the check-in.
    @Test func insideATransactionTheAgendaSeesItsOwnChanges() throws {
        struct Undo: Error {}
        let book = Book(seed: 13)
        let (db, path) = try book.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let day = CivilDate(year: 2026, month: 6, day: 1)!
        func checkins() throws -> Set<String> {
            let items = try agendaDays(db: db, config: RapportConfig(), occasions: book.occasions, from: day, through: day, rep: nil, splitFrom: 0)
            return Set((items.first?.items ?? []).filter { $0.reasons.contains { $0.kind == .checkin } }.map(\.account))
        }
        let due = try checkins()
        let account = try #require(due.sorted().first)
        #expect(throws: Undo.self) {
            try db.transaction {
                try db.execute("""
                    INSERT INTO touch (account_id, rep_id, date, channel, kind)
                    VALUES ((SELECT id FROM account WHERE key = ?), (SELECT id FROM rep WHERE handle = 'wang'), ?, 'call', 'visit')
                    """, [account, day])
                #expect(try checkins() == due.subtracting([account]))
                throw Undo()
            }
        }
        #expect(try checkins() == due)
    }

    /// `agendaHistories` (all accounts in one part) still carries each account's contact to reach.
    @Test func historiesCarryTheirContactToReach() throws {
        let book = Book(seed: 7)
        let (db, path) = try book.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let day = CivilDate(year: 2026, month: 6, day: 1)!
        let context = AgendaContext(date: day, config: RapportConfig(), occasions: book.occasions)
        let histories = try db.agendaHistories(from: day, through: day, rep: nil, context: context)
        #expect(!histories.isEmpty)
        for history in histories {
            let expected = AgendaRules.contactToReach(among: book.contacts.filter { $0.account == history.account.key })
            #expect(history.contactToReach?.key == expected?.key, "\(history.account.key)")
            #expect(history.contactToReach.map { $0.account == history.account.key } ?? true)
        }
    }

    /// The account pass keeps, unread by the rules otherwise, only accounts whose country
    /// and tier have a window open: a greeting for every tier reaches a tier no occasion
    /// names (here "Z"), a tier-limited one only its tiers. Each account was touched (a
    /// call: it closes no window) the day before, so no check-in is due and only the
    /// windows can put it on the agenda.
    @Test func occasionWindowsReachTheTiersTheyGreet() throws {
        var book = Book(seed: 1)
        (book.contacts, book.events, book.invoices, book.payments, book.promises, book.snoozes) = ([], [], [], [], [], [])
        book.accounts = ["CN", "US"].flatMap { country in
            ["A", "B", "C", "Z"].map { tier in
                Account(key: "\(country)-\(tier)", name: tier, tier: tier, owner: "wang", country: country, createdOn: CivilDate(year: 2026, month: 1, day: 1)!)
            }
        }
        let expected: [(String, Set<String>)] = [
            ("2026-09-15", ["CN-A"]),                          // Mid-Autumn gift window: gift tiers [A]
            ("2026-09-23", ["CN-A", "CN-B", "CN-C", "CN-Z"]),  // Mid-Autumn greeting: every tier
            ("2026-09-29", ["CN-A", "CN-B"]),                  // National Day greets A and B
            ("2026-11-20", ["US-A", "US-B"]),                  // Thanksgiving gift tiers [A, B]
            ("2026-11-24", ["US-A", "US-B", "US-C", "US-Z"]),  // Thanksgiving greeting: every tier
        ]
        book.touches = expected.flatMap { day, _ in
            book.accounts.map { Touch(account: $0.key, rep: "wang", date: CivilDate(day)!.adding(days: -1), channel: .call, kind: .checkin) }
        }
        let (db, path) = try book.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        for (text, accounts) in expected {
            let day = CivilDate(text)!
            let pure = try book.pureItems(on: day, config: RapportConfig())
            #expect(Set(pure.map(\.account)) == accounts, "pure rules on \(day)")
            for splitFrom: Int64 in [0, 1 << 40] {
                let loaded = try agendaDays(db: db, config: RapportConfig(), occasions: book.occasions, from: day, through: day, rep: nil, splitFrom: splitFrom)
                #expect(Book.comparable(loaded.first?.items ?? []) == Book.comparable(pure), "loader on \(day), split from \(splitFrom)")
            }
        }
    }

    @Test func oneRepsAgenda() throws {
        let book = Book(seed: 5)
        let (db, path) = try book.database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let day = CivilDate(year: 2026, month: 11, day: 29)!
        let mine = try agendaItems(db: db, config: RapportConfig(), occasions: book.occasions, date: day, rep: "li")
        let pure = AgendaRanking.ranked(try book.pureItems(on: day, config: RapportConfig()).filter { $0.rep == "li" })
        #expect(!mine.isEmpty)
        #expect(Book.comparable(mine) == Book.comparable(pure))
        #expect(throws: RapportError.self) { try agendaItems(db: db, config: RapportConfig(), occasions: book.occasions, date: day, rep: "nobody") }
    }
}

/// A seeded random set of plain values, and the same written to a database.
struct Book {
    var accounts: [Account] = []
    var contacts: [Contact] = []
    var events: [Event] = []
    var touches: [Touch] = []
    var invoices: [Invoice] = []
    var payments: [Payment] = []
    var promises: [Promise] = []
    var snoozes: [Snooze] = []
    let occasions = FixedOccasions(byCountry: [
        "CN": [
            OccasionDate(key: "spring-festival", date: CivilDate(year: 2026, month: 2, day: 17)!, names: [:], isGift: true),
            OccasionDate(key: "qingming", date: CivilDate(year: 2026, month: 4, day: 5)!, names: [:], isGreeting: false),
            OccasionDate(key: "mid-autumn", date: CivilDate(year: 2026, month: 9, day: 25)!, names: [:], isGift: true),
            OccasionDate(key: "national-day", date: CivilDate(year: 2026, month: 10, day: 1)!, names: [:], greetedTiers: ["A", "B"]),
            OccasionDate(key: "new-year", date: CivilDate(year: 2027, month: 1, day: 1)!, names: [:]),
        ],
        "US": [OccasionDate(key: "thanksgiving", date: CivilDate(year: 2026, month: 11, day: 26)!, names: [:], isGift: true, giftTiers: ["A", "B"])],
    ])

    init(seed: UInt64) {
        var random = SplitMix(seed: seed)
        let start = CivilDate(year: 2025, month: 1, day: 1)!
        func someDay(_ span: Int = 730, from: CivilDate = start) -> CivilDate { from.adding(days: random.below(span)) }
        let roles: [ContactRole?] = [.decisionMaker, .finance, .influencer, .user, nil]
        for a in 0..<40 {
            let key = "ACC-\(a)"
            accounts.append(Account(
                key: key, name: "Account \(a)", tier: ["A", "B", "C", "A", "B"][a % 5], owner: a % 3 == 0 ? "li" : "wang",
                country: a % 4 == 3 ? "US" : "CN", createdOn: someDay(600, from: CivilDate(year: 2024, month: 6, day: 1)!),
                status: a % 9 == 8 ? .dormant : .active, cadenceDays: a % 7 == 6 ? 10 : nil))
            for c in 0..<random.below(4) {
                let lunar = random.below(4) == 0
                let birthday: RecurringDate? = random.below(5) == 0 ? nil : lunar
                    ? RecurringDate(calendar: .chinese, month: 1 + random.below(12), day: 1 + random.below(30), isLeapMonth: random.below(6) == 0)
                    : RecurringDate(calendar: .gregorian, month: 1 + random.below(12), day: 1 + random.below(28))
                contacts.append(Contact(
                    key: "\(key)-C\(c)", account: key, name: "Person \(a).\(c)", role: roles[random.below(roles.count)],
                    status: random.below(4) == 0 ? .former : .current, phone: "+86 \(a)\(c)", channel: [.chat, .call, nil][random.below(3)],
                    birthday: birthday))
            }
            for e in 0..<random.below(3) {
                let kind = EventKind.allCases[random.below(EventKind.allCases.count)]
                let date: EventDate = random.below(5) == 0
                    ? .lunar(RecurringDate(calendar: .chinese, month: 1 + random.below(12), day: 1 + random.below(29)))
                    : .gregorian(someDay())
                let owned = contacts.filter { $0.account == key }
                events.append(Event(
                    account: key, contact: owned.isEmpty || random.below(2) == 0 ? nil : owned[random.below(owned.count)].key,
                    kind: kind, title: "\(kind) \(a).\(e)", date: date,
                    repeatRule: [nil, Repeat.yearly, .once][random.below(3)], sensitive: kind == .incident))
            }
            for _ in 0..<random.below(25) {
                touches.append(Touch(
                    account: key, rep: "wang", date: someDay(), channel: .call, kind: TouchKind.allCases[random.below(TouchKind.allCases.count)]))
            }
            for i in 0..<random.below(4) {
                let issued = someDay()
                let number = "INV-\(a)-\(i)"
                invoices.append(Invoice(
                    number: number, account: key, issuedOn: issued, dueOn: issued.adding(days: 30),
                    amount: Money(minor: Int64(1_000 + random.below(100_000)), currency: a % 4 == 3 ? "USD" : "CNY")))
                let amount = invoices.last!.amount.minor
                switch random.below(4) {
                case 0: payments.append(Payment(invoice: number, paidOn: issued.adding(days: random.below(90)), amount: amount))
                case 1: payments.append(Payment(invoice: number, paidOn: issued.adding(days: random.below(90)), amount: amount / 2))
                default: break
                }
            }
            if random.below(4) == 0 {
                let own = invoices.filter { $0.account == key }
                promises.append(Promise(
                    account: key, invoice: own.isEmpty || random.below(2) == 0 ? nil : own[0].number, promisedOn: someDay(),
                    amount: Money(minor: 100, currency: "CNY")))
            }
            if random.below(5) == 0 {
                snoozes.append(Snooze(account: key, kind: ReasonKind.allCases[random.below(ReasonKind.allCases.count)], until: someDay()))
            }
        }
        // Payers (drawn after the rest, so the book above stays as it was): a monthly run of
        // invoices whose payment slips on some accounts — paid whole, in two parts (the
        // second reaching the amount), or overpaid — and touches naming a contact.
        for a in 0..<40 where random.below(2) == 0 {
            let key = "ACC-\(a)"
            let slip = random.below(3)
            for i in 0..<(5 + random.below(6)) {
                let due = CivilDate(year: 2025, month: 3, day: 10)!.adding(days: 30 * i)
                let number = "PAY-\(a)-\(i)"
                invoices.append(Invoice(
                    number: number, account: key, issuedOn: due.adding(days: -30), dueOn: due,
                    amount: Money(minor: 10_000, currency: i % 3 == 2 ? "USD" : "CNY")))
                let paidOn = due.adding(days: random.below(8) - 4 + (i >= 3 ? slip * (5 + random.below(15)) : 0))
                switch random.below(5) {
                case 0:
                    payments.append(Payment(invoice: number, paidOn: paidOn.adding(days: -10), amount: 4_000))
                    payments.append(Payment(invoice: number, paidOn: paidOn, amount: 6_000))
                case 1:
                    payments.append(Payment(invoice: number, paidOn: paidOn, amount: 10_000))
                    payments.append(Payment(invoice: number, paidOn: paidOn.adding(days: 20), amount: 500))
                case 2: break
                default: payments.append(Payment(invoice: number, paidOn: paidOn, amount: 10_000))
                }
            }
            let owned = contacts.filter { $0.account == key }
            for _ in 0..<random.below(4) where !owned.isEmpty {
                touches.append(Touch(
                    account: key, contact: owned[random.below(owned.count)].key, rep: "wang", date: someDay(),
                    channel: .visit, kind: [.visit, .checkin, .collection][random.below(3)]))
            }
        }
    }

    func pureItems(on date: CivilDate, config: RapportConfig) throws -> [AgendaItem] {
        let inputs = accounts.map { account in
            AgendaInput(
                account: account, contacts: contacts.filter { $0.account == account.key },
                events: events.filter { $0.account == account.key }, touches: touches.filter { $0.account == account.key },
                invoices: invoices.filter { $0.account == account.key },
                payments: payments.filter { p in invoices.contains { $0.number == p.invoice && $0.account == account.key } },
                promises: promises.filter { $0.account == account.key }, snoozes: snoozes.filter { $0.account == account.key },
                asOf: date)
        }
        return try AgendaRules.items(for: inputs, context: AgendaContext(date: date, config: config, occasions: occasions))
    }

    /// Items without the contact details (the loader reads only what reaching needs).
    static func comparable(_ items: [AgendaItem]) -> [AgendaItem] {
        items.map { var item = $0; item.contact = nil; return item }
    }

    /// The seven days from `from`, each the pure rules' items with the same contacts to
    /// reach (a later day's items take the contact read for an earlier day's, or read theirs).
    func expectWeek(_ week: [AgendaDay], from: CivilDate, config: RapportConfig) throws {
        #expect(week.map(\.date) == (0..<7).map { from.adding(days: $0) })
        for day in week {
            let pure = try pureItems(on: day.date, config: config)
            #expect(Self.comparable(day.items) == Self.comparable(pure), "on \(day.date)")
            #expect(Self.reach(day.items) == Self.reach(pure), "contacts on \(day.date)")
        }
    }

    /// The contact to reach as the loader reads it (no birthday: reaching needs none).
    static func reach(_ items: [AgendaItem]) -> [Contact?] {
        items.map { item in item.contact.map { var contact = $0; contact.birthday = nil; return contact } }
    }

    func database() throws -> (Database, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-\(UUID().uuidString).db").path
        let db = try Database.openRapport(path: path, mode: .create)
        try db.transaction {
            for rep in ["li", "wang"] { try db.execute("INSERT INTO rep (handle, name) VALUES (?, ?)", [rep, rep]) }
            for a in accounts {
                try db.execute("""
                    INSERT INTO account (key, name, tier, owner_id, country, created_on, status, cadence_days)
                    VALUES (?, ?, ?, (SELECT id FROM rep WHERE handle = ?), ?, ?, ?, ?)
                    """, [a.key, a.name, a.tier, a.owner, a.country, a.createdOn, a.status.rawValue, a.cadenceDays])
            }
            for c in contacts {
                try db.execute("""
                    INSERT INTO contact (key, account_id, name, role, status, phone, channel, birthday, birthday_calendar)
                    VALUES (?, (SELECT id FROM account WHERE key = ?), ?, ?, ?, ?, ?, ?, ?)
                    """, [c.key, c.account, c.name, c.role?.rawValue, c.status.rawValue, c.phone, c.channel?.rawValue,
                          c.birthday?.description, c.birthday?.calendar.rawValue ?? "gregorian"])
            }
            for e in events {
                let (text, calendar): (String, String) = switch e.date {
                case .gregorian(let day): (day.description, "gregorian")
                case .lunar(let monthDay): (monthDay.description, "chinese")
                }
                try db.execute("""
                    INSERT INTO event (account_id, contact_id, kind, title, date, calendar, repeat, sensitive)
                    VALUES ((SELECT id FROM account WHERE key = ?), (SELECT id FROM contact WHERE key = ?), ?, ?, ?, ?, ?, ?)
                    """, [e.account, e.contact, e.kind.rawValue, e.title, text, calendar, e.repeatRule?.rawValue, e.sensitive])
            }
            for t in touches {
                try db.execute("""
                    INSERT INTO touch (account_id, contact_id, rep_id, date, channel, kind)
                    VALUES ((SELECT id FROM account WHERE key = ?), (SELECT id FROM contact WHERE key = ?),
                            (SELECT id FROM rep WHERE handle = ?), ?, ?, ?)
                    """, [t.account, t.contact, t.rep, t.date, t.channel.rawValue, t.kind.rawValue])
            }
            for i in invoices {
                try db.execute("""
                    INSERT INTO invoice (number, account_id, issued_on, due_on, amount, currency)
                    VALUES (?, (SELECT id FROM account WHERE key = ?), ?, ?, ?, ?)
                    """, [i.number, i.account, i.issuedOn, i.dueOn, i.amount.minor, i.amount.currency])
            }
            for p in payments {
                try db.execute(
                    "INSERT INTO payment (invoice_id, paid_on, amount) VALUES ((SELECT id FROM invoice WHERE number = ?), ?, ?)",
                    [p.invoice, p.paidOn, p.amount])
            }
            for p in promises {
                try db.execute("""
                    INSERT INTO promise (account_id, invoice_id, promised_on, amount, currency)
                    VALUES ((SELECT id FROM account WHERE key = ?), (SELECT id FROM invoice WHERE number = ?), ?, ?, ?)
                    """, [p.account, p.invoice, p.promisedOn, p.amount.minor, p.amount.currency])
            }
            for s in snoozes {
                try db.execute(
                    "INSERT INTO snooze (account_id, kind, until) VALUES ((SELECT id FROM account WHERE key = ?), ?, ?)",
                    [s.account, s.kind.rawValue, s.until])
            }
        }
        return (db, path)
    }
}

/// SplitMix64: the same numbers on every machine.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func below(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
