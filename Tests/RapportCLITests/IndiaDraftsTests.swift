import Foundation
import Testing
@testable import RapportCLI

/// An Indian customer end to end: the shipped IN calendar puts Diwali (20 October 2025,
/// the gazetted date) on the agenda, a gift first for tier A, and the drafts come out in
/// each contact's language.
@Suite struct IndiaDraftsTests {
    func world() throws -> CLIScratch {
        let scratch = try CLIScratch()
        try scratch.importCustomers(
            accounts: ["MUM-STEEL,Mumbai Steel Works Pvt Ltd,A,sarah.chen,IN,Mumbai,en-IN,2020-01-15,active"],
            contacts: ["ms-rao,MUM-STEEL,Priya Rao,Priya ji,Purchase Head,decision-maker,current,+91 98200 00000,,priya_rao,chat,hi,,",
                       "ms-iyer,MUM-STEEL,Arjun Iyer,,Plant Manager,influencer,current,,arjun.iyer@example.in,,email,en-IN,,"])
        return scratch
    }

    @Test func diwaliGreetingInEachContactsLanguage() throws {
        let scratch = try world()
        let texts = try scratch.drafts(date: "2025-10-17")  // greeting window 17–20 October
        #expect(texts.contains { $0.contains("Priya ji") && $0.contains("दीपावली की हार्दिक शुभकामनाएँ") }, "\(texts)")
        #expect(texts.contains { $0.contains("Arjun Iyer") && $0.contains("Happy Diwali") }, "\(texts)")
    }

    @Test func diwaliGiftBeforeTheGreeting() throws {
        let scratch = try world()
        let texts = try scratch.drafts(date: "2025-10-10")  // gift window 6–16 October
        #expect(texts.contains { $0.contains("Priya ji") && $0.contains("उपहार") }, "\(texts)")
        #expect(texts.contains { $0.contains("small festive gift") }, "\(texts)")
        #expect(!texts.contains { $0.contains("Happy Diwali") })
    }

    @Test func holiGreeting() throws {
        let scratch = try world()
        let texts = try scratch.drafts(date: "2025-03-14")  // Holi 14 March 2025 (gazetted)
        #expect(texts.contains { $0.contains("होली की हार्दिक शुभकामनाएँ") }, "\(texts)")
        #expect(texts.contains { $0.contains("Happy Holi") }, "\(texts)")
    }
}
