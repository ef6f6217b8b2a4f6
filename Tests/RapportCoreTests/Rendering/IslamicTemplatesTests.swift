import Testing
@testable import RapportCore

/// The Eid greetings: an Arabic or Indonesian contact gets the shipped template of their
/// language, on each channel; a contact of another language falls back to English.
@Suite struct IslamicTemplatesTests {
    @Test(arguments: [
        ("ar", "eid-al-fitr", Channel.chat, "ar/holiday.eid-al-fitr.chat.mustache"),
        ("ar", "eid-al-adha", .email, "ar/holiday.eid-al-adha.mustache"),
        ("id", "eid-al-fitr", .email, "id/holiday.eid-al-fitr.mustache"),
        ("id-ID", "eid-al-adha", .chat, "id/holiday.eid-al-adha.chat.mustache"),
        ("ms", "eid-al-fitr", .chat, "en/holiday.eid-al-fitr.chat.mustache"),
        ("tr", "eid-al-adha", .sms, "en/holiday.eid-al-adha.chat.mustache"),
    ])
    func eidGreetingsResolveByLocale(locale: String, key: String, channel: Channel, file: String) throws {
        let library = try TemplateLibrary(user: nil, shipped: DraftFixtures.shippedTemplates)
        let names = TemplateName.chain(reason: .holiday, variants: [key], channel: channel)
        let entry = try #require(library.resolve(names: names, locales: LocaleTag.chain(contact: locale, account: nil, defaultLocale: "en")))
        #expect(entry.url.path.hasSuffix("templates/" + file))
    }
}
