import Foundation
import Testing
@testable import RapportCore

/// The shipped templates for India's occasions: a Hindi contact gets the Hindi Diwali
/// greeting, an English one the English, and Hindi falls back to English for the
/// reasons it has no template of its own (checkin and the rest).
@Suite struct IndiaTemplatesTests {
    let library: TemplateLibrary

    init() throws {
        library = try TemplateLibrary(user: nil, shipped: DraftFixtures.shippedTemplates)
    }

    func resolved(_ reason: ReasonKind, _ variant: String?, _ channel: Channel, contact: String?, account: String) throws -> String? {
        let names = TemplateName.chain(reason: reason, variants: variant.map { [$0] } ?? [], channel: channel)
        let locales = LocaleTag.chain(contact: contact, account: account, defaultLocale: "en")
        return try library.resolve(names: names, locales: locales).map { "\($0.locale)/\($0.fileName)" }
    }

    @Test(arguments: [
        (ReasonKind.holiday, "diwali" as String?, Channel.email, "hi", "hi/holiday.diwali.mustache"),
        (.holiday, "diwali", .chat, "hi", "hi/holiday.diwali.chat.mustache"),
        (.holiday, "holi", .chat, "hi", "hi/holiday.holi.chat.mustache"),
        (.gift, "diwali", .email, "hi", "hi/gift.diwali.mustache"),
        (.holiday, "new-year", .chat, "hi", "hi/holiday.chat.mustache"),
        (.holiday, "diwali", .email, "en-IN", "en/holiday.diwali.mustache"),
        (.holiday, "holi", .chat, "en-IN", "en/holiday.holi.chat.mustache"),
        (.gift, "diwali", .chat, "en-IN", "en/gift.diwali.chat.mustache"),
        (.checkin, nil, .email, "hi", "en/checkin.mustache"),
    ])
    func contactGetsTheLocalesTemplate(reason: ReasonKind, variant: String?, channel: Channel, locale: String, expected: String) throws {
        #expect(try resolved(reason, variant, channel, contact: locale, account: "en-IN") == expected)
    }

    /// E-mail forms carry a subject in their own language.
    @Test func emailFormsHaveSubjects() throws {
        let folder = DraftFixtures.shippedTemplates
        for file in ["hi/holiday.diwali", "hi/holiday.holi", "hi/gift.diwali", "hi/holiday", "en/holiday.diwali", "en/holiday.holi", "en/gift.diwali"] {
            let text = try String(contentsOf: folder.appendingPathComponent("\(file).mustache"), encoding: .utf8)
            #expect(text.hasPrefix("Subject: "), "\(file)")
            #expect(file.hasPrefix("en") || text.unicodeScalars.contains { (0x0900...0x097F).contains($0.value) }, "\(file) is in Devanagari")
        }
    }
}
