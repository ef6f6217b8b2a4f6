import Foundation
import Testing
@testable import RapportCore

/// The templates that ship: lint clean, complete, and rendering to real text.
@Suite struct ShippedTemplatesTests {
    typealias F = DraftFixtures

    @Test func templatesCheckPasses() throws {
        let library = try TemplateLibrary(user: nil, shipped: F.shippedTemplates)
        let result = library.check()
        #expect(result.problems == [])
        #expect(result.checked >= 80)
    }

    @Test func checkReportsUserProblemsWithPathAndLine() throws {
        let user = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: user) }
        try F.write([
            "en/holiday.mustache": "Subject: Hi\n\n{{contact.salutaion}}\n",
            "en/greeting.mustache": "x",
            "en/care.mustache": "{{#invoices}}{{amount}}{{/invoices}}",
            "en/README.txt": "not a template",
        ], under: user)
        let result = try TemplateLibrary(user: user, shipped: F.shippedTemplates).check()
        let base = user.appendingPathComponent("en").path
        #expect(result.problems == [
            "\(base)/care.mustache:1: unknown variable 'invoices' (a care draft has: account, contact, days_since_touch, event, rep)",
            "\(base)/greeting.mustache:1: 'greeting' is not a reason kind (one of checkin, holiday, gift, event, care, collection, promise, payer)",
            "\(base)/holiday.mustache:3: unknown variable 'contact.salutaion' (did you mean 'contact.salutation'?)",
        ])
    }

    /// Both shipped locales cover every reason, with an e-mail form carrying a subject
    /// and a chat form; the main festivals have their own templates.
    @Test func bothLocalesAreComplete() throws {
        for locale in ["zh-CN", "en"] {
            let folder = F.shippedTemplates.appendingPathComponent(locale)
            let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
            for reason in ReasonKind.allCases {
                #expect(files.contains("\(reason.rawValue).mustache"), "\(locale) \(reason)")
                #expect(files.contains("\(reason.rawValue).chat.mustache"), "\(locale) \(reason) chat")
                let text = try String(contentsOf: folder.appendingPathComponent("\(reason.rawValue).mustache"), encoding: .utf8)
                #expect(text.hasPrefix("Subject: "), "\(locale) \(reason)")
            }
            for festival in ["spring-festival", "mid-autumn", "dragon-boat", "national-day", "new-year", "christmas", "thanksgiving"] {
                #expect(files.contains("holiday.\(festival).mustache"), "\(locale) \(festival)")
                #expect(files.contains("holiday.\(festival).chat.mustache"), "\(locale) \(festival) chat")
            }
            for level in CollectionLevel.allCases {
                #expect(files.contains("collection.\(level.rawValue).mustache"), "\(locale) \(level)")
            }
            // Chat and e-mail bodies stay short enough to read on a phone.
            for file in files where file.contains(".chat.") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                #expect(!text.hasPrefix("Subject:"), "\(file)")
                #expect(text.count < 400, "\(locale)/\(file)")
            }
        }
    }

    /// The payer drafts ask for a visit and never chase money (SPEC: a relationship
    /// message, never a dunning one).
    @Test func payerTemplatesAskForAVisitAndNeverDun() throws {
        let words = ["付款", "欠款", "逾期", "发票", "催", "pay", "invoice", "overdue", "outstanding", "{{payer", "{{#invoices", "{{outstanding"]
        for (locale, visit) in [("zh-CN", "拜访"), ("en", "visit")] {
            for file in ["payer.mustache", "payer.chat.mustache"] {
                let text = try String(contentsOf: F.shippedTemplates.appendingPathComponent("\(locale)/\(file)"), encoding: .utf8)
                #expect(text.contains(visit), "\(locale)/\(file)")
                for word in words { #expect(!text.lowercased().contains(word), "\(locale)/\(file): \(word)") }
            }
        }
    }

    /// Every shipped template rendered with a full context: no tag left, no blank where
    /// a value belongs, no doubled punctuation from an empty value.
    @Test func everyTemplateRendersCleanly() throws {
        let library = try TemplateLibrary(user: nil, shipped: F.shippedTemplates)
        let invoices = [
            OpenInvoice(invoice: F.invoice("INV-1", due: "2026-08-01", minor: 10_000_000), balance: 4_000_000, daysOverdue: 54),
            OpenInvoice(invoice: F.invoice("INV-2", due: "2026-09-09", minor: 250_000), balance: 250_000, daysOverdue: 15),
        ]
        let promise = Promise(account: "HD-MACH", promisedOn: F.date("2026-09-20"), amount: Money(minor: 100_000, currency: "CNY"))
        for entry in library.allEntries() {
            let name = try TemplateName.parse(fileName: entry.fileName)
            let template = try library.template(entry, reason: name.reason)
            let reason = Reason(
                kind: name.reason, dueOn: F.date("2026-09-25"), occasion: "mid-autumn", occasionDate: F.date("2026-09-25"),
                level: .second, title: "新厂房投产", invoices: invoices, promise: promise)
            let context = DraftContext.make(DraftContext.Inputs(
                item: F.item(F.hdMach, reasons: [reason]), reason: reason,
                recipient: DraftContext.recipient(contact: F.li, accountName: F.hdMach.name, locale: entry.locale, rules: F.rules),
                rep: F.wang, locale: entry.locale, occasionName: "中秋节", eventTitle: "新厂房投产"))
            let out = template.render(context)
            let text = out.subject + "\n" + out.body
            #expect(!text.contains("{{") && !text.contains("}}"), "\(entry.fileName)")
            #expect(!out.body.isEmpty, "\(entry.fileName)")
            for doubled in ["，，", "，。", "  ,", " ,", "（）", "()", ": \n", "：\n-"] {
                #expect(!text.contains(doubled), "\(entry.locale)/\(entry.fileName): '\(doubled)' in \(text)")
            }
            #expect(text.contains("李总"), "\(entry.fileName)")
            #expect(text.contains("王磊"), "\(entry.fileName)")
        }
    }
}
