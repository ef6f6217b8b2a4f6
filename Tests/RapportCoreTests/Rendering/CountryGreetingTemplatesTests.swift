import Foundation
import Testing
@testable import RapportCore

/// The greetings of the new countries find their own shipped templates: the occasion key,
/// then the calendar's `template` name, in the account's locale, then English.
@Suite struct CountryGreetingTemplatesTests {
    @Test(arguments: [
        ("FR", "bastille-day", "fr", Channel.email, "fr/holiday.national-day.mustache", "Fête nationale"),
        ("CA", "canada-day", "en-CA", .chat, "en/holiday.national-day.chat.mustache", "Canada Day"),
        ("CA", "canada-day", "fr-CA", .email, "fr/holiday.national-day.mustache", "Fête du Canada"),
        ("TH", "songkran", "th", .email, "en/holiday.songkran.mustache", "Songkran"),
        ("RU", "new-year", "ru", .email, "ru/holiday.new-year.mustache", "Новым годом"),
        ("RU", "russia-day", "ru", .chat, "ru/holiday.national-day.chat.mustache", "День России"),
        ("BR", "christmas", "pt-BR", .email, "pt/holiday.christmas.mustache", "Natal"),
        ("BR", "independence-day", "pt-BR", .email, "pt/holiday.national-day.mustache", "Dia da Independência"),
        ("MX", "independence-day", "es-MX", .email, "es/holiday.national-day.mustache", "Día de la Independencia"),
        ("ES", "easter-sunday", "es", .chat, "es/holiday.easter-sunday.chat.mustache", "Pascuas"),
        ("IT", "easter-sunday", "it", .email, "en/holiday.easter-sunday.mustache", "Easter"),
        ("AU", "christmas", "en-AU", .email, "en/holiday.christmas.mustache", "Christmas"),
    ])
    func greetingTemplate(country: String, key: String, locale: String, channel: Channel, file: String, text: String) throws {
        let occasion = try #require(try ShippedCalendars.load().occasions(country: country, year: 2026).first { $0.key == key })
        let variants = [key] + (occasion.template.map { $0 == key ? [] : [$0] } ?? [])
        let library = try TemplateLibrary(user: nil, shipped: DraftFixtures.shippedTemplates)
        let entry = try #require(library.resolve(
            names: TemplateName.chain(reason: .holiday, variants: variants, channel: channel),
            locales: LocaleTag.chain(contact: nil, account: locale, defaultLocale: "en")))
        #expect("\(entry.locale)/\(entry.fileName)" == file)
        // Rendered with the occasion's name in the template's locale.
        let template = try library.template(entry, reason: .holiday)
        let reason = Reason(kind: .holiday, dueOn: occasion.date, occasion: key, occasionDate: occasion.date)
        let context = DraftContext.make(DraftContext.Inputs(
            item: DraftFixtures.item(DraftFixtures.hdMach, reasons: [reason]), reason: reason,
            recipient: DraftContext.recipient(contact: DraftFixtures.li, accountName: DraftFixtures.hdMach.name,
                                              locale: entry.locale, rules: DraftFixtures.rules),
            rep: DraftFixtures.wang, locale: entry.locale, occasionName: occasion.name(locale: entry.locale), eventTitle: nil))
        let out = template.render(context)
        #expect((out.subject + "\n" + out.body).contains(text), "\(out.subject)\n\(out.body)")
    }
}
