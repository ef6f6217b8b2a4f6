import Testing
@testable import RapportCLI
@testable import RapportCore

@Suite struct AgendaCommandParsingTests {
    @Test func todayOptions() throws {
        let command = try RapportCommand.parseAsRoot(["today", "--date", "2026-11-29", "--rep", "wang", "--limit", "5", "--explain", "--format", "csv"])
        let today = try #require(command as? TodayCommand)
        #expect(today.limit == 5)
        #expect(today.explain)
        #expect(today.listing.rep == "wang")
        #expect(throws: (any Error).self) { try RapportCommand.parseAsRoot(["today", "--limit", "-1"]) }
    }

    @Test func agendaRangeIsValidated() throws {
        #expect(try RapportCommand.parseAsRoot(["agenda", "--from", "2026-11-23", "--to", "2026-11-29", "--format", "ics"]) is AgendaCommand)
        #expect(throws: (any Error).self) { try RapportCommand.parseAsRoot(["agenda", "--from", "2026-11-29", "--to", "2026-11-23"]) }
        #expect(throws: (any Error).self) { try RapportCommand.parseAsRoot(["agenda", "--from", "2026-02-30", "--to", "2026-03-01"]) }
        #expect(throws: (any Error).self) { try RapportCommand.parseAsRoot(["agenda", "--from", "2026-01-01", "--to", "2027-06-01"]) }
        #expect(throws: (any Error).self) { try RapportCommand.parseAsRoot(["agenda", "--from", "2026-01-01"]) }
    }

    @Test func snoozeKindAndDate() throws {
        #expect(try RapportCommand.parseAsRoot(["snooze", "HD-MACH", "collection", "--until", "2026-12-15"]) is SnoozeCommand)
        #expect(throws: (any Error).self) { try RapportCommand.parseAsRoot(["snooze", "HD-MACH", "birthday", "--until", "2026-12-15"]) }
        #expect(throws: (any Error).self) { try RapportCommand.parseAsRoot(["snooze", "HD-MACH", "checkin", "--until", "tomorrow"]) }
    }
}

@Suite struct AgendaOutputTests {
    static let today = CivilDate(year: 2026, month: 11, day: 29)!

    func item() -> AgendaItem {
        let invoice = Invoice(number: "INV-1042", account: "HD-MACH", issuedOn: Self.today.adding(days: -90),
                              dueOn: Self.today.adding(days: -45), amount: Money(minor: 100_000_00, currency: "CNY"))
        var holiday = Reason(kind: .holiday, dueOn: Self.today.adding(days: 2), occasion: "mid-autumn", occasionDate: Self.today.adding(days: 2))
        holiday.occasionName = "中秋节"
        return AgendaItem(
            date: Self.today, account: "HD-MACH", accountName: "宏达机械", rep: "wang", priority: 1,
            reasons: [holiday, Reason(kind: .collection, dueOn: Self.today.adding(days: -15), level: .escalation,
                                      invoices: [OpenInvoice(invoice: invoice, balance: 100_000_00, daysOverdue: 45)])],
            daysSinceTouch: 47, tier: "A",
            contact: Contact(key: "li", account: "HD-MACH", name: "李明", salutation: "李总", role: .decisionMaker, chat: "wx-li", channel: .chat))
    }

    @Test func jsonCarriesTheContractFields() throws {
        let json = AgendaOutput.json(item(), explain: false)
        #expect(json.account == "HD-MACH" && json.rep == "wang" && json.priority == 1)
        #expect(json.reasons.map(\.kind) == ["holiday", "collection"])
        #expect(json.reasons[0].occasion == "mid-autumn")
        #expect(json.reasons[1].level == "escalation")
        #expect(json.reasons[1].invoices?.first?.balance == 100_000_00)
        #expect(json.score == nil)
        #expect(AgendaOutput.json(item(), explain: true).score != nil)
        #expect(json.contact?.address == "wx-li")
    }

    @Test func csvHasOneRowPerReason() {
        let rows = AgendaOutput.csvRows(item())
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.count == AgendaOutput.csvHeader.count })
        #expect(rows[1][AgendaOutput.csvHeader.firstIndex(of: "text")!] == "escalation: invoice INV-1042 45 days overdue, ¥100,000.00")
    }

    @Test func tableSaysWhomHowAndWhy() {
        let rendered = AgendaOutput.table([item()], explain: false).render(width: nil)
        #expect(rendered.contains("李总 · chat wx-li"))
        #expect(rendered.contains("中秋节 in 2 days; escalation: invoice INV-1042 45 days overdue, ¥100,000.00"))
        #expect(rendered.contains("47 d ago"))
    }

    @Test func cutNoteCountsReasons() {
        let cut = AgendaCut(kept: [], cut: [item()])
        #expect(AgendaOutput.cutNote(cut) == "1 more item cut by capacity (collection 1, holiday 1)")
        #expect(AgendaOutput.cutNote(AgendaCut(kept: [item()], cut: [])) == nil)
    }
}
