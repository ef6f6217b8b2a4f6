import Foundation
import RapportCore

// `rapport-bench generate --dir DIR [--scale 1.0]`: realistic CSV exports at scale, for the
// import benchmark and for the agenda and audit benchmarks that reuse the imported
// database. At scale 1: 200 reps, 100 000 accounts, 300 000 contacts, 2 000 000 touches,
// 300 000 invoices, with their payments, promises, events and snoozes. Deterministic
// (seeded), and streamed to disk: no file is held in memory.

/// "Today" for the generated data: touches cover the two years before it.
let benchToday = CivilDate(year: 2026, month: 11, day: 29)!

func generate(_ arguments: ArraySlice<String>) throws {
    var options = try BenchOptions(arguments)
    let dir = try options.directory()
    let scaleText = try options.value("--scale")
    try options.finish()
    guard let scale = scaleText.map(Double.init) ?? 1.0 else { throw BenchError("--scale must be a number") }
    guard scale > 0 else { throw BenchError("--scale must be positive") }
    let started = Date()
    var generator = DataGenerator(scale: scale, directory: dir)
    try generator.run()
    print(String(format: "generated %@ in %.1f s", generator.summary, Date().timeIntervalSince(started)))
}

/// SplitMix64: small, fast, and the same numbers on every machine.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func chance(_ percent: Double) -> Bool { Double(next() % 1_000_000) < percent * 10_000 }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// A CSV file written through a large buffer.
final class CSVFileWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private(set) var rows = 0

    init(path: String, header: [String]) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else { throw BenchError("cannot write \(path)") }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
        append(header)
        rows = 0
    }

    func append(_ cells: [String]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            if cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) {
                buffer.append(UInt8(ascii: "\""))
                for byte in cell.utf8 {
                    if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                    buffer.append(byte)
                }
                buffer.append(UInt8(ascii: "\""))
            } else {
                buffer.append(contentsOf: cell.utf8)
            }
        }
        buffer.append(UInt8(ascii: "\n"))
        rows += 1
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        try? handle.close()
    }
}

private struct CountryProfile {
    let code: String
    let percent: Int
    let locale: String
    let currency: String
    let cities: [String]
    let chinese: Bool
}

private let countries: [CountryProfile] = [
    CountryProfile(code: "CN", percent: 70, locale: "zh-CN", currency: "CNY",
                   cities: ["上海", "深圳", "广州", "苏州", "宁波", "东莞", "杭州", "天津", "成都", "武汉", "佛山", "无锡"], chinese: true),
    CountryProfile(code: "HK", percent: 4, locale: "zh-HK", currency: "HKD", cities: ["Kowloon", "Kwun Tong", "Tsuen Wan"], chinese: true),
    CountryProfile(code: "TW", percent: 4, locale: "zh-TW", currency: "TWD", cities: ["台北", "台中", "高雄"], chinese: true),
    CountryProfile(code: "SG", percent: 3, locale: "en-SG", currency: "SGD", cities: ["Jurong", "Woodlands"], chinese: false),
    CountryProfile(code: "KR", percent: 3, locale: "ko", currency: "KRW", cities: ["Seoul", "Incheon", "Busan"], chinese: false),
    CountryProfile(code: "VN", percent: 3, locale: "vi", currency: "VND", cities: ["Ho Chi Minh City", "Hanoi", "Hai Phong"], chinese: false),
    CountryProfile(code: "JP", percent: 3, locale: "ja", currency: "JPY", cities: ["Osaka", "Nagoya", "Yokohama"], chinese: false),
    CountryProfile(code: "US", percent: 5, locale: "en", currency: "USD", cities: ["Ohio", "Michigan", "Texas", "California"], chinese: false),
    CountryProfile(code: "GB", percent: 2, locale: "en-GB", currency: "GBP", cities: ["Birmingham", "Sheffield"], chinese: false),
    CountryProfile(code: "DE", percent: 3, locale: "de", currency: "EUR", cities: ["Stuttgart", "München", "Köln"], chinese: false),
]

private let pinyinSurnames = ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo"]
private let hanziSurnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "欧阳", "司马"]
private let pinyinGiven = ["wei", "fang", "na", "min", "jing", "li", "qiang", "lei", "jun", "yang", "yong", "yan", "jie", "tao", "ming", "chao", "xiu", "xia", "ping", "gang"]
private let hanziGiven = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "霞", "平", "刚", "建国", "志强"]
private let englishFirst = ["Mike", "Linda", "James", "Sarah", "David", "Emma", "Tom", "Anna", "Kenji", "Min-jun", "Thanh", "Hans", "Claire", "Raj"]
private let englishLast = ["Reynolds", "Park", "Smith", "O'Brien", "Müller", "Tanaka", "Nguyen", "Kim", "Schmidt", "Brown", "Lee", "Walker"]
private let chineseTrades = ["精密机械", "电子", "塑料制品", "五金", "自动化设备", "模具", "包装材料", "化工", "汽车配件", "照明"]
private let englishTrades = ["Tooling", "Precision Parts", "Industrial Supply", "Automation", "Plastics", "Fasteners", "Packaging"]
private let chineseTitles = ["总经理", "副总经理", "采购经理", "财务经理", "财务主管", "厂长", "技术总监", "董事长"]
private let englishTitles = ["VP Procurement", "AP Manager", "Plant Manager", "CFO", "Buyer", "Managing Director"]
private let chineseNotes = ["询问下季度订单", "中秋问候", "春节拜年", "确认付款日期", "拜访工厂，讨论新项目", "送礼盒", "跟进报价, 客户在比价", "电话没人接", "客户说\"下周再谈\""]
private let englishNotes = ["Q1 forecast", "Checked on the order", "Sent season's greetings", "Chased invoice, promised next week", "Site visit, new line", "Left a voicemail", "Asked about \"the usual\" volumes, will revert"]

/// The shape of one generated account, kept in memory (a few bytes each) so touches,
/// invoices and events can refer to accounts and their people consistently.
private struct AccountProfile {
    var tier: UInt8           // 0 = A, 1 = B, 2 = C
    var country: UInt8
    var owner: UInt16
    var createdDay: Int32     // day number
    var firstContact: Int32
    var contactCount: UInt8
}

struct DataGenerator {
    let scale: Double
    let directory: String
    private var random = SeededRandom(seed: 20_261_129)
    private var reps: [String] = []
    private var accounts: [AccountProfile] = []
    private var counts: [(String, Int)] = []

    init(scale: Double, directory: String) {
        self.scale = scale
        self.directory = directory
    }

    var summary: String { counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ") }

    private func scaled(_ count: Int) -> Int { max(1, Int((Double(count) * scale).rounded())) }
    private func path(_ kind: ImportKind) -> String { directory + "/" + kind.rawValue + ".csv" }
    private func writer(_ kind: ImportKind) throws -> CSVFileWriter {
        try CSVFileWriter(path: path(kind), header: kind.columns.map(\.name))
    }

    private func key(_ prefix: String, _ number: Int, digits: Int) -> String {
        let text = String(number)
        return prefix + String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    private mutating func date(from start: CivilDate, to end: CivilDate) -> CivilDate {
        CivilDate(dayNumber: start.dayNumber + random.below(end.dayNumber - start.dayNumber + 1))
    }

    mutating func run() throws {
        try generateReps()
        try generateAccounts()
        try generateContacts()
        try generateEvents()
        try generateTouches()
        try generateInvoicesPaymentsPromises()
        try generateSnoozes()
    }

    private mutating func generateReps() throws {
        let out = try writer(.reps)
        let count = max(12, scaled(200))
        var handles: [String] = []
        var used: Set<String> = []
        while handles.count < count {
            var handle = random.pick(pinyinSurnames) + "." + random.pick(pinyinGiven)
            if used.contains(handle) { handle += String(handles.count) }
            used.insert(handle)
            handles.append(handle)
        }
        // The first ten are managers (the first of them manages the others). Managers come
        // last in the file, as an HR export sorted by hire date might have them.
        let managers = Array(handles.prefix(10))
        for i in Array(10..<handles.count) + Array(0..<10) {
            let handle = handles[i]
            let name = random.pick(hanziSurnames) + random.pick(hanziGiven)
            let manager = i == 0 ? "" : (i < 10 ? managers[0] : managers[i % 10])
            out.append([handle, name, "\(handle)@example-supplier.cn", "+86 138 \(1000 + i) \(2000 + i)", manager])
        }
        out.close()
        reps = handles
        counts.append(("reps", out.rows))
    }

    private mutating func generateAccounts() throws {
        let out = try writer(.accounts)
        let count = scaled(100_000)
        let created = (CivilDate(year: 2018, month: 1, day: 1)!, CivilDate(year: 2026, month: 11, day: 1)!)
        accounts.reserveCapacity(count)
        var nextContact: Int32 = 1
        for i in 1...count {
            let roll = random.below(100)
            let tier: UInt8 = roll < 10 ? 0 : (roll < 40 ? 1 : 2)
            var countryRoll = random.below(100)
            var country = 0
            while countryRoll >= countries[country].percent {
                countryRoll -= countries[country].percent
                country += 1
            }
            let profile = countries[country]
            let owner = UInt16(10 + random.below(reps.count - 10))
            let createdOn = date(from: created.0, to: created.1)
            let contactCount = UInt8(1 + random.below(5))
            accounts.append(AccountProfile(
                tier: tier, country: UInt8(country), owner: owner, createdDay: Int32(createdOn.dayNumber),
                firstContact: nextContact, contactCount: contactCount))
            nextContact += Int32(contactCount)
            let city = random.pick(profile.cities)
            let name: String
            if profile.chinese {
                name = city + random.pick(chineseTrades) + (random.chance(50) ? "有限公司" : "厂")
            } else if random.chance(3) {
                name = random.pick(englishLast) + ", " + random.pick(englishLast) + " & Co."
            } else {
                name = city + " " + random.pick(englishTrades) + (random.chance(50) ? " Inc." : " Ltd.")
            }
            out.append([
                key("ACC-", i, digits: 6), name, ["A", "B", "C"][Int(tier)], reps[Int(owner)], profile.code, city,
                profile.locale, createdOn.description, random.chance(5) ? "dormant" : "active",
            ])
        }
        out.close()
        counts.append(("accounts", out.rows))
    }

    private mutating func generateContacts() throws {
        let out = try writer(.contacts)
        for (index, account) in accounts.enumerated() {
            let profile = countries[Int(account.country)]
            for n in 0..<Int(account.contactCount) {
                let number = Int(account.firstContact) + n
                let name: String
                let title: String
                if profile.chinese {
                    name = random.pick(hanziSurnames) + random.pick(hanziGiven)
                    title = random.pick(chineseTitles)
                } else {
                    name = random.pick(englishFirst) + " " + random.pick(englishLast)
                    title = random.pick(englishTitles)
                }
                let role = n == 0 ? "decision-maker" : (n == 1 ? "finance" : random.pick(["influencer", "user", ""]))
                let status = random.chance(8) ? "former" : "current"
                var birthday = ""
                var calendar = ""
                if random.chance(60) {
                    let month = 1 + random.below(12)
                    let day = 1 + random.below(28)
                    if profile.code == "CN", random.chance(15) {
                        birthday = String(format: "%02d-%02d", month, day)
                        calendar = "chinese"
                    } else if random.chance(40) {
                        birthday = String(format: "%04d-%02d-%02d", 1960 + random.below(40), month, day)
                        calendar = "gregorian"
                    } else {
                        birthday = String(format: "%02d-%02d", month, day)
                    }
                }
                let handle = key("c", number, digits: 7)
                out.append([
                    key("CT-", number, digits: 7), key("ACC-", index + 1, digits: 6), name, "", title, role, status,
                    "+86 139 \(number % 10_000) \(number % 7919)", "\(handle)@customer.example.com",
                    profile.chinese ? "wx_\(handle)" : "", random.pick(["chat", "email", "call", "chat", ""]), "",
                    birthday, calendar,
                ])
            }
        }
        out.close()
        counts.append(("contacts", out.rows))
    }

    private mutating func generateEvents() throws {
        let out = try writer(.events)
        let recent = (benchToday.adding(days: -60), benchToday.adding(days: 30))
        for (index, account) in accounts.enumerated() {
            let accountKey = key("ACC-", index + 1, digits: 6)
            let created = CivilDate(dayNumber: Int(account.createdDay))
            if random.chance(12) {
                out.append([accountKey, "", "anniversary", "Partnership anniversary", created.description, "gregorian", "yearly", "no"])
            }
            if random.chance(3) {
                out.append([accountKey, "", "milestone", "New plant opening", date(from: recent.0, to: recent.1).description, "", "once", "no"])
            }
            if random.chance(0.5) {
                out.append([accountKey, "", "incident", "Workshop accident", date(from: recent.0, to: benchToday).description, "gregorian", "once", "yes"])
            }
            if countries[Int(account.country)].code == "CN", random.chance(2) {
                let contact = key("CT-", Int(account.firstContact), digits: 7)
                let day = String(format: "%@%02d-%02d", random.chance(5) ? "L" : "", 1 + random.below(12), 1 + random.below(29))
                out.append([accountKey, contact, "birthday", "生日", day, "chinese", "", "no"])
            }
        }
        out.close()
        counts.append(("events", out.rows))
    }

    /// Touches day by day over the two years before today, as a CRM exports them: busier
    /// accounts (tier A) touched more often, nobody touched before their account existed.
    private mutating func generateTouches() throws {
        let out = try writer(.touches)
        let total = scaled(2_000_000)
        let first = benchToday.adding(days: -729)
        var byTier: [[Int32]] = [[], [], []]
        for (index, account) in accounts.enumerated() { byTier[Int(account.tier)].append(Int32(index)) }
        let weights = [8.0, 3.0, 1.0].enumerated().map { $0.element * Double(byTier[$0.offset].count) }
        let weightSum = weights.reduce(0, +)
        let kinds: [(channel: String, kind: String)] = [
            ("call", "checkin"), ("chat", "checkin"), ("email", "checkin"), ("visit", "visit"), ("chat", "greeting"),
            ("sms", "greeting"), ("gift", "gift"), ("call", "collection"), ("email", "collection"), ("visit", "care"),
            ("other", "other"),
        ]
        var written = 0
        for day in 0..<730 {
            let date = first.adding(days: day)
            let dateText = date.description
            let target = total * (day + 1) / 730
            while written < target {
                let roll = Double(random.below(1_000_000)) / 1_000_000 * weightSum
                let tier = roll < weights[0] ? 0 : (roll < weights[0] + weights[1] ? 1 : 2)
                guard !byTier[tier].isEmpty else { continue }
                let index = Int(random.pick(byTier[tier]))
                let account = accounts[index]
                guard Int(account.createdDay) <= date.dayNumber else { continue }
                let contact = random.chance(85)
                    ? key("CT-", Int(account.firstContact) + random.below(Int(account.contactCount)), digits: 7) : ""
                let rep = random.chance(95) ? reps[Int(account.owner)] : random.pick(reps)
                let (channel, kind) = random.pick(kinds)
                var note = ""
                if random.chance(40) {
                    note = countries[Int(account.country)].chinese ? random.pick(chineseNotes) : random.pick(englishNotes)
                    if random.chance(0.2) { note += "\nfollow-up: send the quote" }
                }
                out.append([key("ACC-", index + 1, digits: 6), contact, rep, dateText, channel, kind, note])
                written += 1
            }
        }
        out.close()
        counts.append(("touches", out.rows))
    }

    /// Invoices over the two years before today, 30 or 60 days to pay; most paid around the
    /// due date, some partly, some not at all — and a few promises to pay the rest.
    private mutating func generateInvoicesPaymentsPromises() throws {
        let invoices = try writer(.invoices)
        let payments = try writer(.payments)
        let promises = try writer(.promises)
        let total = scaled(300_000)
        let first = benchToday.adding(days: -729)
        for number in 1...total {
            let index = random.below(accounts.count)
            let account = accounts[index]
            let profile = countries[Int(account.country)]
            let earliest = max(first.dayNumber, Int(account.createdDay))
            let issued = CivilDate(dayNumber: earliest + random.below(max(1, benchToday.dayNumber - 5 - earliest)))
            let due = issued.adding(days: random.chance(50) ? 30 : 60)
            let exponent = Currency.exponent(of: profile.currency)
            let major = 1_000 + random.below(200_000)
            var minor = Int64(major)
            for _ in 0..<exponent { minor *= 10 }
            if exponent > 0 { minor += Int64(random.below(100)) }
            if profile.currency == "KRW" || profile.currency == "VND" { minor *= 100 }
            let invoiceNumber = key("INV-", number, digits: 7)
            let accountKey = key("ACC-", index + 1, digits: 6)
            invoices.append([invoiceNumber, accountKey, issued.description, due.description,
                             Currency.plain(minor, currency: profile.currency), profile.currency])

            let isDue = due < benchToday
            let roll = random.below(100)
            var paid: Int64 = 0
            if isDue ? roll < 80 : roll < 20 {
                let split = random.chance(15)
                let firstPart = split ? minor / 2 : minor
                let paidOn = CivilDate(dayNumber: min(benchToday.dayNumber, due.dayNumber - 10 + random.below(30)))
                payments.append([invoiceNumber, max(paidOn, issued).description, Currency.plain(firstPart, currency: profile.currency)])
                paid = firstPart
                if split {
                    let secondOn = CivilDate(dayNumber: min(benchToday.dayNumber, paidOn.dayNumber + 15 + random.below(30)))
                    payments.append([invoiceNumber, secondOn.description, Currency.plain(minor - firstPart, currency: profile.currency)])
                    paid = minor
                }
            } else if isDue, roll < 90 {
                paid = minor / 3
                let paidOn = CivilDate(dayNumber: min(benchToday.dayNumber, due.dayNumber + random.below(20)))
                payments.append([invoiceNumber, paidOn.description, Currency.plain(paid, currency: profile.currency)])
            }
            if isDue, paid < minor, random.chance(8) {
                let promisedOn = CivilDate(dayNumber: max(due.dayNumber + 5, benchToday.dayNumber - 30 + random.below(60)))
                promises.append([accountKey, random.chance(90) ? invoiceNumber : "", promisedOn.description,
                                 Currency.plain(minor - paid, currency: profile.currency)])
            }
        }
        invoices.close()
        payments.close()
        promises.close()
        counts.append(("invoices", invoices.rows))
        counts.append(("payments", payments.rows))
        counts.append(("promises", promises.rows))
    }

    private mutating func generateSnoozes() throws {
        let out = try writer(.snoozes)
        var seen: Set<Int> = []
        for _ in 0..<scaled(1_000) {
            let index = random.below(accounts.count)
            guard seen.insert(index).inserted else { continue }
            out.append([key("ACC-", index + 1, digits: 6), random.pick(["checkin", "holiday", "collection"]),
                        benchToday.adding(days: random.below(60)).description])
        }
        out.close()
        counts.append(("snoozes", out.rows))
    }
}
