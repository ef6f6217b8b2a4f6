import Foundation
import Testing
@testable import RapportCore

@Suite struct DraftComposerTests {
    typealias F = DraftFixtures

    func collection(_ level: CollectionLevel, account: String = "HD-MACH", currency: String = "CNY") -> Reason {
        let invoices = [
            OpenInvoice(invoice: F.invoice("INV-1", account: account, due: "2026-08-01", minor: 10_000_000, currency: currency), balance: 4_000_000, daysOverdue: 54),
            OpenInvoice(invoice: F.invoice("INV-2", account: account, due: "2026-09-09", minor: 250_000, currency: currency), balance: 250_000, daysOverdue: 15),
        ]
        return Reason(kind: .collection, dueOn: F.date("2026-09-24"), level: level, invoices: invoices)
    }

    @Test func midAutumnGreetingForEveryRecipient() throws {
        let drafts = try F.composer().drafts(for: [F.item(F.hdMach, reasons: [F.midAutumn])])
        #expect(drafts.map(\.contact) == ["hd-li", "hd-ouyang", "hd-zhang"])
        #expect(drafts.map(\.channel) == [.chat, .chat, .email])
        #expect(drafts[0].body == "李总，中秋快乐！月圆人团圆，祝您和家人阖家安康、万事顺心！——王磊")
        #expect(drafts[1].body.hasPrefix("欧阳总，中秋快乐！"))
        #expect(drafts[1].address == "ouyang_ming")
        #expect(drafts[2].subject == "中秋快乐")
        #expect(drafts[2].body.hasPrefix("张经理，您好！"))
        #expect(drafts[2].body.hasSuffix("王磊\n+86 138 0000 1234\nwang.lei@example-supplier.cn"))
        #expect(drafts.allSatisfy { $0.occasion == "mid-autumn" && $0.reason == .holiday && $0.date == F.date("2026-09-24") })
    }

    /// The generic holiday template names the occasion in the template's locale.
    @Test func occasionNameInTheLocale() throws {
        let labour = Reason(kind: .holiday, dueOn: F.date("2026-05-01"), occasion: "labour-day", occasionDate: F.date("2026-05-01"))
        let zh = try F.composer().drafts(for: [F.item(F.hdMach, on: "2026-04-29", reasons: [labour])])
        #expect(zh[0].body.hasPrefix("李总，劳动节快乐！"))
        #expect(zh[2].subject == "劳动节快乐")
        let en = try F.composer().drafts(for: [F.item(F.buckeye, on: "2026-04-29", reasons: [labour])])
        #expect(en[0].subject == "Labour Day greetings")
        #expect(en[0].body.contains("With Labour Day coming up"))
        // Unknown to the calendar: the key stands in.
        let unknown = Reason(kind: .holiday, dueOn: F.date("2026-05-01"), occasion: "founders-day", occasionDate: F.date("2026-05-01"))
        let fallback = try F.composer().drafts(for: [F.item(F.buckeye, reasons: [unknown])])
        #expect(fallback[0].subject == "founders-day greetings")
    }

    /// The collection ladder: each level has its own template, and the tone steps up.
    @Test func collectionLevelsUseTheirOwnTemplates() throws {
        for locale in ["zh-CN", "en"] {
            var account = F.hdMach
            account.locale = locale
            var data = F.data
            data.accounts["HD-MACH"] = account
            var subjects: [String] = []
            for level in CollectionLevel.allCases {
                let drafts = try F.composer(data: data).drafts(for: [F.item(account, reasons: [collection(level)])])
                #expect(drafts.count == 1)
                let draft = try #require(drafts.first)
                #expect(draft.contact == "hd-zhang")
                #expect(draft.template.hasSuffix("\(locale)/collection.\(level.rawValue).mustache"))
                #expect(draft.level == level)
                subjects.append(draft.subject)
                #expect(draft.body.contains("INV-1") && draft.body.contains("INV-2"))
            }
            #expect(Set(subjects).count == CollectionLevel.allCases.count)
        }
        let zh = try F.composer().drafts(for: [F.item(F.hdMach, reasons: [collection(.second)])])[0]
        #expect(zh.body.contains("- 发票 INV-1：¥40,000.00，到期日 2026年8月1日（已逾期 54 天）"))
        #expect(zh.body.contains("合计未付：¥42,500.00"))
        #expect(zh.subject == "再次提醒：逾期发票合计¥42,500.00")
    }

    @Test func chatCollectionJoinsInvoicesWithLast() throws {
        var data = F.data
        var zhang = F.zhang
        zhang.channel = .chat
        data.contacts["HD-MACH"] = [zhang]
        let draft = try F.composer(data: data).drafts(for: [F.item(F.hdMach, reasons: [collection(.reminder)])])[0]
        #expect(draft.body == "张经理您好！温馨提示：发票INV-1（¥40,000.00）2026年8月1日到期；发票INV-2（¥2,500.00）2026年9月9日到期。麻烦您安排一下付款，已安排的话请忽略，谢谢！——王磊")
    }

    @Test func brokenPromise() throws {
        let promise = Promise(account: "BUCKEYE", invoice: "INV-7", promisedOn: F.date("2026-09-20"), amount: Money(minor: 500_000, currency: "USD"))
        let open = OpenInvoice(invoice: F.invoice("INV-7", account: "BUCKEYE", due: "2026-08-31", minor: 900_000, currency: "USD"), balance: 900_000, daysOverdue: 24)
        let reason = Reason(kind: .promise, dueOn: F.date("2026-09-21"), invoices: [open], promise: promise)
        let draft = try F.composer().drafts(for: [F.item(F.buckeye, reasons: [reason])])[0]
        #expect(draft.contact == "bk-linda")
        #expect(draft.subject == "Your payment scheduled for September 20, 2026")
        #expect(draft.body.contains("a payment of $5,000.00 would be made on September 20, 2026"))
        #expect(draft.body.contains("- Invoice INV-7: $9,000.00 open, due August 31, 2026"))
        #expect(draft.body.hasPrefix("Dear Linda Park,"))
    }

    /// Care never talks money, whatever the account owes: no amount, no invoice, no
    /// currency sign, no payment word, in either language.
    @Test func careNeverMentionsMoney() throws {
        let care = Reason(kind: .care, dueOn: F.date("2026-11-23"), occasionDate: F.date("2026-11-21"), title: "车间安全事故")
        var data = F.data
        data.contacts["BUCKEYE"] = [F.mike, F.linda]
        for (account, language) in [(F.hdMach, "zh"), (F.buckeye, "en")] {
            for channel in [Channel.chat, .email, .sms] {
                var contacts = data.contacts[account.key] ?? []
                contacts = contacts.map { var c = $0; c.channel = channel; c.phone = "1"; return c }
                var d = data
                d.contacts[account.key] = contacts
                let item = F.item(account, on: "2026-11-21", reasons: [care, collection(.notice, account: account.key)])
                let drafts = try F.composer(data: d).drafts(for: [item]).filter { $0.reason == .care }
                #expect(drafts.count == 1)
                for draft in drafts {
                    let text = draft.subject + "\n" + draft.body
                    for word in ["INV-", "¥", "$", "€", "付款", "发票", "欠", "款项", "payment", "invoice", "overdue", "balance", "pay"] {
                        #expect(!text.lowercased().contains(word.lowercased()), "\(language) \(channel): \(word) in \(text)")
                    }
                    #expect(text.contains("车间安全事故"))
                }
            }
        }
    }

    @Test func birthdayAndEvents() throws {
        let birthday = Reason(kind: .event, dueOn: F.date("2026-09-25"), occasionDate: F.date("2026-09-25"), title: "birthday", contact: "hd-li")
        let anniversary = Reason(kind: .event, dueOn: F.date("2026-09-26"), occasionDate: F.date("2026-09-26"), title: "合作周年")
        let drafts = try F.composer().drafts(for: [F.item(F.hdMach, reasons: [birthday, anniversary])])
        #expect(drafts.map(\.contact) == ["hd-li", "hd-li", "hd-ouyang", "hd-zhang"])
        #expect(drafts[0].body == "李总，生日快乐！祝您身体健康，心想事成，天天开心！——王磊")
        #expect(drafts[0].event == "生日")
        #expect(drafts[0].variant == "birthday")
        #expect(drafts[1].variant == "anniversary")
        #expect(drafts[1].body.contains("今天是合作周年"))
        #expect(drafts[3].subject == "感谢一路同行")
    }

    /// Spec recipients through the composer: a milestone that names a person is greeted
    /// like any event (everyone who keeps influence); a birthday event goes to its person
    /// only; care goes to the decision-maker even when the sensitive event names someone else.
    @Test func recipientsFollowTheEventKind() throws {
        var data = F.data
        data.events["HD-MACH"] = [
            Event(account: "HD-MACH", contact: "hd-zhang", kind: .milestone, title: "升任财务总监", date: .gregorian(F.date("2026-09-26"))),
            Event(account: "HD-MACH", contact: "hd-zhang", kind: .birthday, title: "张丽生日", date: .gregorian(F.date("1985-09-25"))),
            Event(account: "HD-MACH", contact: "hd-zhang", kind: .incident, title: "家人住院", date: .gregorian(F.date("2026-09-23")), sensitive: true),
        ]
        let day = F.date("2026-09-24")
        let milestone = Reason(kind: .event, dueOn: F.date("2026-09-26"), occasionDate: F.date("2026-09-26"), title: "升任财务总监", contact: "hd-zhang")
        let birthday = Reason(kind: .event, dueOn: F.date("2026-09-25"), occasionDate: F.date("2026-09-25"), title: "张丽生日", contact: "hd-zhang")
        let care = Reason(kind: .care, dueOn: F.date("2026-09-25"), occasionDate: F.date("2026-09-23"), title: "家人住院", contact: "hd-zhang")
        let composer = try F.composer(data: data)
        let item = F.item(F.hdMach, on: day.description, reasons: [milestone])
        #expect(try composer.drafts(for: item.reasons[0], of: item).map(\.contact) == ["hd-li", "hd-ouyang", "hd-zhang"])
        #expect(try composer.drafts(for: birthday, of: item).map(\.contact) == ["hd-zhang"])
        #expect(try composer.drafts(for: care, of: item).map(\.contact) == ["hd-li"])
    }

    @Test func draftToTheAccountWhenNobodyFits() throws {
        var data = F.data
        data.contacts["BUCKEYE"] = []
        let drafts = try F.composer(data: data).drafts(for: [F.item(F.buckeye, reasons: [Reason(kind: .checkin, dueOn: F.date("2026-09-20"))])])
        #expect(drafts.count == 1)
        #expect(drafts[0].contact == nil)
        #expect(drafts[0].to == "Buckeye Tooling Inc.")
        #expect(drafts[0].channel == .email)
        #expect(drafts[0].body.hasPrefix("Dear Buckeye Tooling Inc. team,"))
        #expect(DraftFileName.base(for: drafts[0]) == "2026-09-24_BUCKEYE_account_checkin")
    }

    /// A template without `Subject:` gets the reason's default subject in its locale.
    @Test func defaultSubjects() throws {
        let user = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: user) }
        try F.write([
            "en/checkin.mustache": "Hi {{contact.salutation}}",
            "zh-CN/holiday.mustache": "{{occasion.name}}快乐",
            "en/collection.mustache": "{{outstanding}}",
        ], under: user)
        let composer = try F.composer(user: user)
        let checkin = try composer.drafts(for: [F.item(F.buckeye, reasons: [Reason(kind: .checkin, dueOn: F.date("2026-09-20"))])])
        #expect(checkin[0].subject == "Checking in")
        let labour = Reason(kind: .holiday, dueOn: F.date("2026-05-01"), occasion: "labour-day", occasionDate: F.date("2026-05-01"))
        var data = F.data
        data.contacts["HD-MACH"] = [F.zhang]
        let holiday = try F.composer(user: user, data: data).drafts(for: [F.item(F.hdMach, reasons: [labour])])
        #expect(holiday[0].subject == "劳动节问候")
        #expect(holiday[0].body == "劳动节快乐")
        // A chat draft has no subject of its own; written as e-mail it takes the default.
        let chat = try F.composer().drafts(for: [F.item(F.hdMach, reasons: [labour])])[0]
        #expect(chat.channel == .chat)
        #expect(chat.subject == "")
        #expect(chat.defaultSubject == "劳动节问候")
        let eml = EmailMessage.render(chat, from: F.wang, timeZone: TimeZone(identifier: "UTC")!)
        #expect(eml.contains("Subject: " + EmailMessage.encodedWords("劳动节问候") + "\r\n"))
    }

    /// A user template naming a variable the context lacks stops the run with PATH:LINE.
    @Test func badUserTemplateIsAnError() throws {
        let user = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: user) }
        try F.write(["zh-CN/holiday.mid-autumn.chat.mustache": "{{contact.salutation}}：\n中秋快乐！{{contact.nickname}}"], under: user)
        do {
            _ = try F.composer(user: user).drafts(for: [F.item(F.hdMach, reasons: [F.midAutumn])])
            Issue.record("expected an error")
        } catch let error as RapportError {
            #expect(error.code == .dataError)
            let path = user.appendingPathComponent("zh-CN/holiday.mid-autumn.chat.mustache").path
            #expect(error.message.hasPrefix("\(path):2: unknown variable 'contact.nickname'"))
        }
    }

    @Test func noTemplateAnywhereIsMissingInput() throws {
        let empty = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        let composer = DraftComposer(
            library: try TemplateLibrary(user: empty, shipped: nil), data: F.data, rules: F.rules,
            occasions: OccasionCatalog(source: nil), defaultLocale: "en")
        do {
            _ = try composer.drafts(for: [F.item(F.hdMach, reasons: [F.midAutumn])])
            Issue.record("expected an error")
        } catch let error as RapportError {
            #expect(error.code == .noInput)
            #expect(error.message.contains("holiday.mid-autumn.chat"))
        }
    }

    /// CSV rows of drafts: a contact called `=HYPERLINK(...)` stays text.
    @Test func csvInjectionIsNeutralised() throws {
        var data = F.data
        let evil = Contact(key: "=cmd|' /C calc'!A0", account: "BUCKEYE", name: "=HYPERLINK(\"http://evil.example\",\"click\")", role: .decisionMaker, email: "x@example.com")
        data.contacts["BUCKEYE"] = [evil]
        let drafts = try F.composer(data: data).drafts(for: [F.item(F.buckeye, reasons: [Reason(kind: .checkin, dueOn: F.date("2026-09-20"))])])
        let row = CSVCell.row(drafts[0].cells)
        let cells = parseCSVRow(row)
        #expect(cells.count == Draft.columns.count)
        for cell in cells { #expect(!["=", "+", "-", "@"].contains(cell.first.map(String.init) ?? ""), "\(cell)") }
        #expect(cells[Draft.columns.firstIndex(of: "to")!] == "'=HYPERLINK(\"http://evil.example\",\"click\")")
        #expect(cells[Draft.columns.firstIndex(of: "contact")!] == "'=cmd|' /C calc'!A0")
        #expect(cells[Draft.columns.firstIndex(of: "body")!].hasPrefix("Dear =HYPERLINK"))
    }

    /// A minimal RFC 4180 reader for one row (quotes, doubled quotes, embedded newlines).
    func parseCSVRow(_ row: String) -> [String] {
        var cells: [String] = [], cell = "", quoted = false
        var chars = Array(row)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { cell.append("\""); chars = chars.dropFirst() } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { cells.append(cell); cell = "" } else { cell.append(c) }
        }
        cells.append(cell)
        return cells
    }

    @Test func jsonHasTheContractKeys() throws {
        var data = F.data
        data.contacts["BUCKEYE"] = []
        let drafts = try F.composer(data: data).drafts(for: [F.item(F.buckeye, reasons: [Reason(kind: .checkin, dueOn: F.date("2026-09-20"))])])
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(drafts)) as? [[String: Any]]
        let object = try #require(json?.first)
        for key in ["account", "contact", "to", "channel", "reason", "occasion", "subject", "body"] {
            #expect(object.keys.contains(key), "\(key)")
        }
        #expect(object["contact"] is NSNull)
        #expect(object["account"] as? String == "BUCKEYE")
        #expect(object["reason"] as? String == "checkin")
    }
}
