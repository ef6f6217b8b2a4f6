import Foundation
@testable import RapportCore

/// Hand-built accounts, people and agenda items for the drafts tests, and the shipped
/// folders found from this file's path.
enum DraftFixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shippedTemplates = repoRoot.appendingPathComponent("templates")
    static let shippedConfig = repoRoot.appendingPathComponent("config")

    static func date(_ text: String) -> CivilDate { CivilDate(text)! }

    static let rules = SalutationRules(
        compoundSurnames: ["欧阳", "司马"],
        titleForms: [("董事长", "董"), ("总经理", "总"), ("总监", "总"), ("经理", "经理"), ("主管", "主管")])

    static let wang = Rep(handle: "wang.lei", name: "王磊", email: "wang.lei@example-supplier.cn", phone: "+86 138 0000 1234")
    static let sarah = Rep(handle: "sarah.chen", name: "Sarah Chen", email: "sarah.chen@example-supplier.com", phone: "+1 614 555 0142")

    static let hdMach = Account(
        key: "HD-MACH", name: "华东精密机械有限公司", tier: "A", owner: "wang.lei", country: "CN", locale: "zh-CN",
        createdOn: date("2019-03-12"))
    static let buckeye = Account(
        key: "BUCKEYE", name: "Buckeye Tooling Inc.", tier: "A", owner: "sarah.chen", country: "US", locale: "en",
        createdOn: date("2020-02-03"))

    static let li = Contact(
        key: "hd-li", account: "HD-MACH", name: "李建国", title: "总经理", role: .decisionMaker,
        email: "li.jianguo@hd-mach.example.cn", chat: "li_jianguo", channel: .chat)
    static let ouyang = Contact(
        key: "hd-ouyang", account: "HD-MACH", name: "欧阳明", title: "董事会顾问（前总经理）", role: .influencer,
        status: .former, chat: "ouyang_ming", channel: .chat)
    static let zhang = Contact(
        key: "hd-zhang", account: "HD-MACH", name: "张丽", title: "财务经理", role: .finance,
        email: "zhang.li@hd-mach.example.cn", channel: .email)
    static let formerUser = Contact(
        key: "hd-old", account: "HD-MACH", name: "赵六", title: "采购", role: .user, status: .former, phone: "123")
    static let mike = Contact(
        key: "bk-mike", account: "BUCKEYE", name: "Mike Reynolds", title: "VP Procurement", role: .decisionMaker,
        email: "mike.reynolds@buckeye.example.com", channel: .email)
    static let linda = Contact(
        key: "bk-linda", account: "BUCKEYE", name: "Linda Park", title: "AP Manager", role: .finance,
        email: "linda.park@buckeye.example.com", channel: .email)

    static let data = DraftData(
        accounts: ["HD-MACH": hdMach, "BUCKEYE": buckeye],
        contacts: ["HD-MACH": [li, ouyang, zhang, formerUser], "BUCKEYE": [mike, linda]],
        reps: ["wang.lei": wang, "sarah.chen": sarah],
        events: ["HD-MACH": [
            Event(account: "HD-MACH", kind: .incident, title: "车间安全事故", date: .gregorian(date("2026-11-21")), sensitive: true),
            Event(account: "HD-MACH", kind: .anniversary, title: "合作周年", date: .gregorian(date("2019-03-12"))),
        ]])

    static func invoice(_ number: String, account: String = "HD-MACH", due: String, minor: Int64, currency: String = "CNY") -> Invoice {
        Invoice(number: number, account: account, issuedOn: date("2026-08-01"), dueOn: date(due), amount: Money(minor: minor, currency: currency))
    }

    static func item(_ account: Account, on day: String = "2026-09-24", reasons: [Reason], daysSinceTouch: Int? = 20) -> AgendaItem {
        AgendaItem(date: date(day), account: account.key, accountName: account.name, rep: account.owner, reasons: reasons, daysSinceTouch: daysSinceTouch)
    }

    static let midAutumn = Reason(kind: .holiday, dueOn: date("2026-09-25"), occasion: "mid-autumn", occasionDate: date("2026-09-25"))

    /// Occasion names as the calendar would give them.
    struct Calendar: OccasionSource {
        func occasions(country: String, year: Int) throws -> [OccasionDate] {
            [
                OccasionDate(key: "mid-autumn", date: CivilDate(year: year, month: 9, day: 25)!, names: ["zh-CN": "中秋节", "en": "Mid-Autumn Festival"]),
                OccasionDate(key: "chuseok", date: CivilDate(year: year, month: 9, day: 25)!, names: ["ko": "추석", "en": "Chuseok"], template: "mid-autumn"),
                OccasionDate(key: "labour-day", date: CivilDate(year: year, month: 5, day: 1)!, names: ["zh-CN": "劳动节", "en": "Labour Day"]),
            ]
        }
    }

    static func composer(user: URL? = nil, data: DraftData = data, defaultLocale: String = "en") throws -> DraftComposer {
        DraftComposer(
            library: try TemplateLibrary(user: user, shipped: shippedTemplates), data: data, rules: rules,
            occasions: OccasionCatalog(source: Calendar()), defaultLocale: defaultLocale)
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-drafts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (relative path → text) under `root`.
    static func write(_ files: [String: String], under root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }
}
