import Foundation
import Testing
@testable import RapportCore

@Suite struct TemplateResolutionTests {
    @Test func chainGoesFromMostSpecificToReason() {
        let names = TemplateName.chain(reason: .holiday, variants: ["mid-autumn"], channel: .chat).map(\.description)
        #expect(names == ["holiday.mid-autumn.chat", "holiday.mid-autumn", "holiday.chat", "holiday"])
        let sms = TemplateName.chain(reason: .checkin, variants: [], channel: .sms).map(\.description)
        #expect(sms == ["checkin.sms", "checkin.chat", "checkin"])
        let twoVariants = TemplateName.chain(reason: .holiday, variants: ["chuseok", "mid-autumn"], channel: .email).map(\.description)
        #expect(twoVariants == ["holiday.chuseok.email", "holiday.chuseok", "holiday.mid-autumn.email", "holiday.mid-autumn", "holiday.email", "holiday"])
    }

    @Test func parsesFileNames() throws {
        #expect(try TemplateName.parse(fileName: "holiday.mid-autumn.chat.mustache") == TemplateName(reason: .holiday, variant: "mid-autumn", channel: .chat))
        #expect(try TemplateName.parse(fileName: "holiday.chat.mustache") == TemplateName(reason: .holiday, channel: .chat))
        #expect(try TemplateName.parse(fileName: "collection.notice.mustache") == TemplateName(reason: .collection, variant: "notice"))
        #expect(throws: TemplateProblem.self) { try TemplateName.parse(fileName: "holidy.mustache") }
        #expect(throws: TemplateProblem.self) { try TemplateName.parse(fileName: "holiday.x.pigeon.mustache") }
        #expect(throws: TemplateProblem.self) { try TemplateName.parse(fileName: "holiday.Mid_Autumn.mustache") }
        do {
            _ = try TemplateName.parse(fileName: "holidy.mustache")
        } catch {
            #expect(error.message.contains("did you mean 'holiday'"))
        }
    }

    /// Each step of the chain, removing the winner each time: user before shipped at each
    /// name, names before locales.
    @Test func eachStepOfTheFallbackChain() throws {
        let user = try DraftFixtures.temporaryFolder(), shipped = try DraftFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: user); try? FileManager.default.removeItem(at: shipped) }
        var files: [(URL, String)] = []
        for name in ["holiday.mid-autumn.chat", "holiday.mid-autumn", "holiday.chat", "holiday"] {
            for (root, origin) in [(user, "user"), (shipped, "shipped")] {
                for locale in ["zh-CN", "en"] {
                    files.append((root.appendingPathComponent("\(locale)/\(name).mustache"), "\(origin) \(locale) \(name)"))
                }
            }
        }
        for (url, text) in files {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let names = TemplateName.chain(reason: .holiday, variants: ["mid-autumn"], channel: .chat)
        let locales = LocaleTag.chain(contact: nil, account: "zh-CN", defaultLocale: "en")
        var expected: [String] = []
        for locale in ["zh-CN", "en"] {
            for name in ["holiday.mid-autumn.chat", "holiday.mid-autumn", "holiday.chat", "holiday"] {
                expected += ["user \(locale) \(name)", "shipped \(locale) \(name)"]
            }
        }
        for step in expected {
            let library = try TemplateLibrary(user: user, shipped: shipped)
            let entry = try #require(library.resolve(names: names, locales: locales))
            let text = try String(contentsOf: entry.url, encoding: .utf8)
            #expect(text == step)
            try FileManager.default.removeItem(at: entry.url)
        }
        let empty = try TemplateLibrary(user: user, shipped: shipped)
        #expect(empty.resolve(names: names, locales: locales) == nil)
    }

    @Test func userOverrideBeatsShippedInARealDraft() throws {
        let user = try DraftFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: user) }
        try DraftFixtures.write(["zh-CN/holiday.mid-autumn.chat.mustache": "{{contact.salutation}}：中秋好！{{rep.name}}敬上"], under: user)
        let composer = try DraftFixtures.composer(user: user)
        let drafts = try composer.drafts(for: [DraftFixtures.item(DraftFixtures.hdMach, reasons: [DraftFixtures.midAutumn])])
        let li = try #require(drafts.first { $0.contact == "hd-li" })
        #expect(li.body == "李总：中秋好！王磊敬上")
        #expect(li.template.hasPrefix(user.path))
        // Zhang prefers e-mail: no user template for that, so the shipped one.
        let zhang = try #require(drafts.first { $0.contact == "hd-zhang" })
        #expect(zhang.template == DraftFixtures.shippedTemplates.appendingPathComponent("zh-CN/holiday.mid-autumn.mustache").path)
        #expect(zhang.subject == "中秋快乐")
    }

    @Test func missingUserFolderIsAnError() {
        #expect(throws: RapportError.self) {
            try TemplateLibrary(user: URL(fileURLWithPath: "/nonexistent/rapport-templates"), shipped: nil)
        }
    }

    @Test func localeTags() {
        #expect(LocaleTag.normalize("zh_cn") == "zh-CN")
        #expect(LocaleTag.normalize("ZH-hant-tw") == "zh-Hant-TW")
        #expect(LocaleTag.fallbacks(for: "zh-HK") == ["zh-HK", "zh-TW", "zh", "zh-CN"])
        #expect(LocaleTag.fallbacks(for: "zh-TW") == ["zh-TW", "zh-HK", "zh", "zh-CN"])
        #expect(LocaleTag.fallbacks(for: "zh-SG") == ["zh-SG", "zh-CN", "zh"])
        #expect(LocaleTag.fallbacks(for: "en-GB") == ["en-GB", "en"])
        #expect(LocaleTag.chain(contact: "zh-HK", account: "en-US", defaultLocale: "en")
            == ["zh-HK", "zh-TW", "zh", "zh-CN", "en-US", "en"])
        #expect(LocaleTag.chain(contact: nil, account: nil, defaultLocale: "en") == ["en"])
        #expect(LocaleTag.chain(contact: " ", account: "ko", defaultLocale: "en") == ["ko", "en"])
    }

    /// A zh-HK contact at an English account gets the zh-CN template (no zh-HK or zh-TW
    /// set ships), formatted for zh-CN; a Korean account falls to the default locale.
    @Test func localeFallbackInADraft() throws {
        var data = DraftFixtures.data
        var mike = DraftFixtures.mike
        mike.locale = "zh-HK"
        data.contacts["BUCKEYE"] = [mike]
        let composer = try DraftFixtures.composer(data: data)
        let invoice = OpenInvoice(invoice: DraftFixtures.invoice("INV-9", account: "BUCKEYE", due: "2026-09-01", minor: 125_050, currency: "USD"), balance: 125_050, daysOverdue: 23)
        let reason = Reason(kind: .collection, dueOn: DraftFixtures.date("2026-09-02"), level: .overdue, invoices: [invoice])
        let draft = try #require(try composer.drafts(for: [DraftFixtures.item(DraftFixtures.buckeye, reasons: [reason])]).first)
        #expect(draft.locale == "zh-CN")
        #expect(draft.template.hasSuffix("zh-CN/collection.overdue.mustache"))
        #expect(draft.body.contains("US$1,250.50"))
        #expect(draft.body.contains("2026年9月1日"))

        var korean = DraftFixtures.buckeye
        korean.locale = "ko"
        data.accounts["BUCKEYE"] = korean
        data.contacts["BUCKEYE"] = [DraftFixtures.linda]
        let en = try #require(try DraftFixtures.composer(data: data).drafts(for: [DraftFixtures.item(korean, reasons: [reason])]).first)
        #expect(en.locale == "en")
        #expect(en.body.contains("$1,250.50"))
        #expect(!en.body.contains("US$"))
    }

    /// An occasion whose calendar entry names another template (chuseok → mid-autumn)
    /// uses it after its own key.
    @Test func occasionTemplateNameIsAVariant() throws {
        let reason = Reason(kind: .holiday, dueOn: DraftFixtures.date("2026-09-25"), occasion: "chuseok", occasionDate: DraftFixtures.date("2026-09-25"))
        var data = DraftFixtures.data
        data.contacts["BUCKEYE"] = [DraftFixtures.mike]
        let draft = try #require(try DraftFixtures.composer(data: data).drafts(for: [DraftFixtures.item(DraftFixtures.buckeye, reasons: [reason])]).first)
        #expect(draft.template.hasSuffix("en/holiday.mid-autumn.mustache"))
        #expect(draft.occasion == "chuseok")
    }
}
