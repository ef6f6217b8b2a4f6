import Testing
@testable import RapportCore

@Suite struct RecipientsTests {
    typealias F = DraftFixtures
    let hd = [F.li, F.ouyang, F.zhang, F.formerUser]

    func keys(_ reason: Reason, _ contacts: [Contact], eventKind: EventKind? = nil) -> [String?] {
        Recipients.choose(for: reason, among: contacts, eventKind: eventKind).map { $0?.key }
    }

    func reason(_ kind: ReasonKind, contact: String? = nil, title: String? = nil) -> Reason {
        Reason(kind: kind, dueOn: F.date("2026-09-25"), title: title, contact: contact)
    }

    /// Greetings: current contacts and former influencers / decision-makers, not a
    /// former plain user.
    @Test func greetingsGoToCurrentAndInfluentialFormerContacts() {
        #expect(keys(reason(.holiday), hd) == ["hd-li", "hd-ouyang", "hd-zhang"])
        #expect(keys(reason(.gift), hd) == ["hd-li", "hd-ouyang", "hd-zhang"])
        #expect(keys(reason(.event, title: "合作周年"), hd) == ["hd-li", "hd-ouyang", "hd-zhang"])
    }

    @Test func birthdayOnlyToItsPerson() {
        #expect(keys(reason(.event, contact: "hd-ouyang", title: "birthday"), hd, eventKind: .birthday) == ["hd-ouyang"])
        // The person is not (or no longer) among the account's contacts: to the account.
        #expect(keys(reason(.event, contact: "gone", title: "birthday"), hd, eventKind: .birthday) == [nil])
    }

    /// Spec: event greetings go to everyone who keeps influence; only a birthday goes to
    /// its person alone — an anniversary or milestone that names a contact is still for all.
    @Test func eventNamingAContactThatIsNoBirthdayGoesToEveryone() {
        let everyone: [String?] = ["hd-li", "hd-ouyang", "hd-zhang"]
        #expect(keys(reason(.event, contact: "hd-zhang", title: "升职"), hd, eventKind: .milestone) == everyone)
        #expect(keys(reason(.event, contact: "hd-zhang", title: "入职十周年"), hd, eventKind: .anniversary) == everyone)
        #expect(keys(reason(.event, title: "合作周年"), hd, eventKind: .anniversary) == everyone)
    }

    /// Spec: "care to the decision-maker" — also when the sensitive event names another person.
    @Test func careToTheDecisionMaker() {
        #expect(keys(reason(.care, title: "车间安全事故"), hd, eventKind: .incident) == ["hd-li"])
        #expect(keys(reason(.care, contact: "hd-zhang", title: "家人去世"), hd, eventKind: .incident) == ["hd-li"])
        // A former decision-maker is not "the decision-maker".
        var former = F.li
        former.status = .former
        #expect(keys(reason(.care), [former, F.zhang]) == [nil])
    }

    @Test func moneyToFinanceElseDecisionMaker() {
        #expect(keys(reason(.collection), hd) == ["hd-zhang"])
        #expect(keys(reason(.promise), hd) == ["hd-zhang"])
        #expect(keys(reason(.collection), [F.li, F.ouyang]) == ["hd-li"])
        var formerFinance = F.zhang
        formerFinance.status = .former
        #expect(keys(reason(.collection), [formerFinance, F.li]) == ["hd-li"])
        // Two finance contacts: the first added.
        var second = F.zhang
        second.key = "hd-zhang2"
        #expect(keys(reason(.collection), [F.li, second, F.zhang]) == ["hd-zhang2"])
    }

    @Test func checkinToDecisionMakerElseFirstCurrentContact() {
        #expect(keys(reason(.checkin), hd) == ["hd-li"])
        #expect(keys(reason(.checkin), [F.ouyang, F.formerUser, F.zhang]) == ["hd-zhang"])
    }

    /// A visit request about slipping payment: the decision-maker, else the finance contact.
    @Test func payerToDecisionMakerElseFinance() {
        #expect(keys(reason(.payer), hd) == ["hd-li"])
        #expect(keys(reason(.payer), [F.ouyang, F.zhang]) == ["hd-zhang"])
        #expect(keys(reason(.payer), [F.ouyang, F.formerUser]) == [nil])
    }

    @Test func noSuchContactMeansOneDraftToTheAccount() {
        for kind in ReasonKind.allCases { #expect(keys(reason(kind), []) == [nil], "\(kind)") }
        #expect(keys(reason(.holiday), [F.formerUser]) == [nil])
    }

    @Test func channels() {
        #expect(Recipients.channel(for: F.li) == .chat)
        var plain = Contact(key: "x", account: "A", name: "X")
        #expect(Recipients.channel(for: plain) == .other)
        plain.phone = "1"
        #expect(Recipients.channel(for: plain) == .sms)
        plain.chat = "x"
        #expect(Recipients.channel(for: plain) == .chat)
        plain.email = "x@example.com"
        #expect(Recipients.channel(for: plain) == .email)
        plain.channel = .call
        #expect(Recipients.channel(for: plain) == .call)
        #expect(Recipients.address(of: plain, on: .call) == "1")
        #expect(Recipients.channel(for: nil) == .email)
    }
}
