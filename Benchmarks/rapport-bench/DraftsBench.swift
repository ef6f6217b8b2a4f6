import Foundation
import RapportCore

/// `rapport-bench drafts [--drafts N] [--format txt|eml] [--in DIR]`: renders N drafts
/// (default 10 000) from hand-built agenda items with the shipped templates and writes
/// them to a fresh output folder inside DIR (default: the temporary folder), removed
/// afterwards. Target: under 2 s in a release build. Prints wall and CPU time: file
/// creation is kernel work whose cost depends on the file system's state (ext4 is slow
/// to allocate inodes right after many deletions, e.g. the previous run's).
enum DraftsBench {
    static func run(_ arguments: ArraySlice<String>) throws {
        var target = 10_000
        var format = DraftFileFormat.txt
        var parent = FileManager.default.temporaryDirectory
        var args = arguments
        while let flag = args.popFirst() {
            switch flag {
            case "--drafts": target = args.popFirst().flatMap(Int.init) ?? target
            case "--format": format = args.popFirst().flatMap(DraftFileFormat.init(rawValue:)) ?? format
            case "--in": parent = args.popFirst().map { URL(fileURLWithPath: $0) } ?? parent
            default: throw RapportError.usage("unknown option \(flag)")
            }
        }
        let templates = ShippedResources.templatesDirectory
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("templates")
        let config = ShippedResources.configDirectory
            ?? templates.deletingLastPathComponent().appendingPathComponent("config")

        let (items, data) = makeAgenda(drafts: target)
        let out = parent.appendingPathComponent("rapport-bench-drafts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }

        let cpuStart = cpuTime()
        let start = Date()
        let composer = DraftComposer(
            library: try TemplateLibrary(user: nil, shipped: templates), data: data,
            rules: try SalutationRules.load(directory: nil, shipped: config),
            occasions: OccasionCatalog(source: BenchCalendar()), defaultLocale: "en")
        let drafts = try composer.drafts(for: items)
        let rendered = Date()
        let urls = try DraftWriter.write(drafts, format: format, to: out, reps: data.reps, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        let written = Date()
        let cpuEnd = cpuTime()
        let cpu = (user: cpuEnd.user - cpuStart.user, system: cpuEnd.system - cpuStart.system)

        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).count
        let bytes = urls.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        func ms(_ a: Date, _ b: Date) -> String { String(format: "%.0f ms", b.timeIntervalSince(a) * 1000) }
        print("drafts: \(drafts.count) from \(items.count) items, \(files) .\(format.rawValue) files, \(bytes / 1024) KiB")
        print("render: \(ms(start, rendered))  write: \(ms(rendered, written))  total: \(ms(start, written))")
        print(String(format: "cpu: user %.0f ms, system %.0f ms", cpu.user * 1000, cpu.system * 1000))
        let total = written.timeIntervalSince(start)
        print(total < 2 ? "OK: under 2 s" : "SLOW: over 2 s")
    }

    /// User and system CPU seconds of this process so far.
    static func cpuTime() -> (user: Double, system: Double) {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime), seconds(usage.ru_stime))
    }

    struct BenchCalendar: OccasionSource {
        func occasions(country: String, year: Int) throws -> [OccasionDate] {
            [OccasionDate(key: "mid-autumn", date: CivilDate(year: year, month: 9, day: 25)!, names: ["zh-CN": "中秋节", "en": "Mid-Autumn Festival"])]
        }
    }

    static let surnames = ["李", "王", "张", "刘", "陈", "杨", "黄", "赵", "欧阳", "司马", "周", "吴"]
    static let given = ["建国", "明", "丽", "伟", "芳", "志强", "静", "磊", "海燕", "晓东"]
    static let titles = ["总经理", "财务经理", "采购经理", "董事会顾问（前总经理）", "工程师", nil]
    static let english = ["Mike Reynolds", "Linda Park", "Joe Hartley", "Anna Schmidt", "O'Brien, Seán"]

    /// Accounts with four contacts each (one former influencer), half Chinese and half
    /// English; each item has a mid-autumn greeting (four drafts), and one in three also a
    /// collection reason, one in five a check-in, one in seven a care reason.
    static func makeAgenda(drafts target: Int) -> ([AgendaItem], DraftData) {
        var data = DraftData()
        data.reps["wang.lei"] = Rep(handle: "wang.lei", name: "王磊", email: "wang.lei@example.cn", phone: "+86 138 0000 1234")
        data.reps["sarah.chen"] = Rep(handle: "sarah.chen", name: "Sarah Chen", email: "sarah@example.com", phone: "+1 614 555 0142")
        let date = CivilDate("2026-09-24")!
        var items: [AgendaItem] = []
        var count = 0
        var n = 0
        while count < target {
            let chinese = n % 2 == 0
            let key = "ACC-\(n)"
            let account = Account(
                key: key, name: chinese ? "华东精密机械\(n)号有限公司" : "Buckeye Tooling \(n) Inc.", tier: "A",
                owner: chinese ? "wang.lei" : "sarah.chen", country: chinese ? "CN" : "US", locale: chinese ? "zh-CN" : "en",
                createdOn: CivilDate("2019-03-12")!)
            data.accounts[key] = account
            var contacts: [Contact] = []
            let roles: [ContactRole] = [.decisionMaker, .finance, .influencer, .user]
            for c in 0..<4 {
                let name = chinese
                    ? surnames[(n + c) % surnames.count] + given[(n * 3 + c) % given.count]
                    : english[(n + c) % english.count]
                contacts.append(Contact(
                    key: "\(key)-c\(c)", account: key, name: name, title: titles[(n + c) % titles.count], role: roles[c],
                    status: c == 2 ? .former : .current, phone: "+86 139 \(n)", email: c == 2 ? nil : "c\(c)@\(key.lowercased()).example.com",
                    chat: "chat\(n)\(c)", channel: [Channel.chat, .email, .sms, .chat][c]))
            }
            data.contacts[key] = contacts
            // A greeting goes to the four contacts; near the end, a one-draft check-in fills up.
            var reasons = target - count >= 4
                ? [Reason(kind: .holiday, dueOn: CivilDate("2026-09-25")!, occasion: "mid-autumn", occasionDate: CivilDate("2026-09-25")!)]
                : [Reason(kind: .checkin, dueOn: date)]
            var expected = reasons[0].kind == .holiday ? 4 : 1
            if n % 3 == 0, expected == 4 {
                let invoice = Invoice(number: "INV-\(n)", account: key, issuedOn: CivilDate("2026-07-01")!, dueOn: CivilDate("2026-08-01")!, amount: Money(minor: 12_345_600, currency: chinese ? "CNY" : "USD"))
                reasons.append(Reason(kind: .collection, dueOn: CivilDate("2026-09-01")!, level: CollectionLevel.allCases[n % 5], invoices: [OpenInvoice(invoice: invoice, balance: 10_000_000, daysOverdue: 54)]))
                expected += 1
            }
            if n % 5 == 0, expected >= 4 {
                reasons.append(Reason(kind: .checkin, dueOn: date))
                expected += 1
            }
            if n % 7 == 0, expected >= 4 {
                reasons.append(Reason(kind: .care, dueOn: CivilDate("2026-09-25")!, occasionDate: CivilDate("2026-09-23")!, title: chinese ? "车间事故" : "the fire at the plant"))
                expected += 1
            }
            // Trim the last item so the total is exactly the target.
            while count + expected > target, reasons.count > 1 {
                reasons.removeLast()
                expected -= 1
            }
            items.append(AgendaItem(date: date, account: key, accountName: account.name, rep: account.owner, reasons: reasons, daysSinceTouch: 20))
            count += expected
            n += 1
        }
        return (items, data)
    }
}
