import Testing
@testable import RapportCore

@Suite struct RecipientsTests {
    typealias F = DraftFixtures
    let hd = [F.li, F.ouyang, F.zhang, F.formerUser]

    func keys(_ reason: Reason, _ contacts: [Contact]) -> [String?] {
        Recipients.choose(for: reason, among: contacts).map { $0?.key }
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
        #expect(keys(reason(.event, contact: "hd-ouyang", title: "birthday"), hd) == ["hd-ouyang"])
        // The person is not (or no longer) among the account's contacts: to the account.
        #expect(keys(reason(.event, contact: "gone", title: "birthday"), hd) == [nil])
    }

    @Test func careToTheDecisionMakerOrThePersonConcerned() {
        #expect(keys(reason(.care, title: "车间安全事故"), hd) == ["hd-li"])
        #expect(keys(reason(.care, contact: "hd-zhang", title: "家人去世"), hd) == ["hd-zhang"])
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
