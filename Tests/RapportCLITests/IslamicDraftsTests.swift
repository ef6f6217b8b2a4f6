import Foundation
import Testing
@testable import RapportCLI

/// Customers in Jakarta and Dubai end to end: Eid al-Fitr 2026 on 20 March (announced in
/// both, python-holidays 0.109) puts a gift for tier A on the agenda first, then the
/// greeting, in each contact's language.
@Suite struct IslamicDraftsTests {
    /// A tier-A account in Jakarta and a tier-B one in Dubai, a contact each in the
    /// country's language and one in English.
    func world() throws -> CLIScratch {
        let scratch = try CLIScratch()
        try scratch.importCustomers(accounts: [
            "JKT-BAJA,PT Baja Nusantara,A,sarah.chen,ID,Jakarta,id,2020-01-15,active",
            "DXB-TRADE,Gulf Trading LLC,B,sarah.chen,AE,Dubai,ar,2020-01-15,active",
        ], contacts: [
            "jb-sari,JKT-BAJA,Dewi Sari,Ibu Dewi,Purchasing Manager,decision-maker,current,,dewi@example.co.id,,email,id,,",
            "dt-hassan,DXB-TRADE,Omar Hassan,,Procurement Director,decision-maker,current,,,omar_h,chat,ar,,",
            "dt-smith,DXB-TRADE,John Smith,,Finance,influencer,current,,john@example.ae,,email,en,,",
        ])
        return scratch
    }

    @Test func eidAlFitrGreetingInEachContactsLanguage() throws {
        let texts = try world().drafts(date: "2026-03-18")  // greeting window 17–20 March
        #expect(texts.contains { $0.contains("Ibu Dewi") && $0.contains("Selamat Hari Raya Idul Fitri") }, "\(texts)")
        #expect(texts.contains { $0.contains("Omar Hassan") && $0.contains("عيد فطر مبارك") }, "\(texts)")
        #expect(texts.contains { $0.contains("John Smith") && $0.contains("Eid Mubarak") }, "\(texts)")
    }

    /// Only the tier-A Jakarta account gets a gift (the config's `gift_tiers`), in the gift
    /// window 6–16 March, before any greeting (the other drafts that day are check-ins).
    @Test func eidAlFitrGiftBeforeTheGreeting() throws {
        let texts = try world().drafts(date: "2026-03-10")
        let gifts = texts.filter { $0.contains("· gift (eid-al-fitr) ===") }
        #expect(gifts.count == 1 && gifts[0].contains("JKT-BAJA") && gifts[0].contains("Ibu Dewi"), "\(texts)")
        #expect(!texts.contains { $0.contains("· holiday (eid-al-fitr) ===") }, "\(texts)")
    }

    /// Eid al-Adha 2026: 27 May in Indonesia and the UAE (announced).
    @Test func eidAlAdhaGreeting() throws {
        let texts = try world().drafts(date: "2026-05-26")
        #expect(texts.contains { $0.contains("Selamat Hari Raya Idul Adha") }, "\(texts)")
        #expect(texts.contains { $0.contains("عيد أضحى مبارك") }, "\(texts)")
    }
}
