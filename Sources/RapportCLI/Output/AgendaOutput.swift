import Foundation
import RapportCore

/// How `today` and `agenda` print items: JSON objects, CSV rows (one per reason), table
/// rows, calendar events, and the capacity note. Field names are documented in docs/agenda.md.
enum AgendaOutput {
    // MARK: JSON

    struct Item: Encodable {
        var date: CivilDate
        var account: String
        var accountName: String
        var rep: String
        var priority: Int
        var tier: String
        var daysSinceTouch: Int?
        var contact: Person?
        var reasons: [Why]
        var score: Score?

        enum CodingKeys: String, CodingKey {
            case date, account, rep, priority, tier, contact, reasons, score
            case accountName = "account_name", daysSinceTouch = "days_since_touch"
        }
    }

    struct Person: Encodable {
        var key: String
        var name: String
        var role: String?
        var channel: String?
        var address: String?
    }

    struct Why: Encodable {
        var kind: String
        var dueOn: CivilDate
        var occasion: String?
        var occasionDate: CivilDate?
        var level: String?
        var title: String?
        var contact: String?
        var invoices: [Owed]?
        var promisedOn: CivilDate?
        var cadenceDays: Int?
        var payer: Slip?
        var text: String

        enum CodingKeys: String, CodingKey {
            case kind, occasion, level, title, contact, invoices, text, payer
            case dueOn = "due_on", occasionDate = "occasion_date", promisedOn = "promised_on", cadenceDays = "cadence_days"
        }
    }

    /// payer: the averages of the 3 earlier and 3 later paid invoices, the difference,
    /// and the six invoices with their days beyond terms (docs/agenda.md).
    struct Slip: Encodable {
        var priorAvgDaysBeyond: Double
        var avgDaysBeyond: Double
        var worseningDays: Double
        var invoices: [PaidOff]

        enum CodingKeys: String, CodingKey {
            case invoices
            case priorAvgDaysBeyond = "prior_avg_days_beyond", avgDaysBeyond = "avg_days_beyond", worseningDays = "worsening_days"
        }

        init(_ trend: PayerTrend) {
            priorAvgDaysBeyond = trend.priorAverage
            avgDaysBeyond = trend.recentAverage
            worseningDays = trend.worsening
            invoices = trend.invoices.map { PaidOff(number: $0.number, dueOn: $0.dueOn, paidOffOn: $0.paidOffOn, daysBeyond: $0.daysBeyondTerms) }
        }
    }

    struct PaidOff: Encodable {
        var number: String
        var dueOn: CivilDate
        var paidOffOn: CivilDate
        var daysBeyond: Int

        enum CodingKeys: String, CodingKey {
            case number
            case dueOn = "due_on", paidOffOn = "paid_off_on", daysBeyond = "days_beyond"
        }
    }

    struct Owed: Encodable {
        var number: String
        var balance: Int64
        var currency: String
        var dueOn: CivilDate
        var daysOverdue: Int

        enum CodingKeys: String, CodingKey {
            case number, balance, currency
            case dueOn = "due_on", daysOverdue = "days_overdue"
        }
    }

    struct Score: Encodable {
        var care: Int
        var dueToday: Int
        var money: Int
        var payer: Int
        var checkin: Int
        var total: Int

        enum CodingKeys: String, CodingKey {
            case care, money, payer, checkin, total
            case dueToday = "due_today"
        }
    }

    static func json(_ item: AgendaItem, explain: Bool) -> Item {
        Item(
            date: item.date, account: item.account, accountName: item.accountName, rep: item.rep, priority: item.priority,
            tier: item.tier, daysSinceTouch: item.daysSinceTouch,
            contact: item.contact.map { Person(key: $0.key, name: $0.name, role: $0.role?.rawValue, channel: channel($0), address: address($0)) },
            reasons: item.reasons.map { reason in
                Why(
                    kind: reason.kind.rawValue, dueOn: reason.dueOn, occasion: reason.occasion, occasionDate: reason.occasionDate,
                    level: reason.level?.rawValue, title: reason.title, contact: reason.contact,
                    invoices: reason.invoices.isEmpty ? nil : reason.invoices.map {
                        Owed(number: $0.invoice.number, balance: $0.balance, currency: $0.invoice.amount.currency,
                             dueOn: $0.invoice.dueOn, daysOverdue: $0.daysOverdue)
                    },
                    promisedOn: reason.promise?.promisedOn, cadenceDays: reason.cadenceDays, payer: reason.payer.map(Slip.init),
                    text: AgendaWords.phrase(reason, on: item.date, daysSinceTouch: item.daysSinceTouch))
            },
            score: explain ? Score(care: item.score.care, dueToday: item.score.dueToday, money: item.score.money,
                                   payer: item.score.payer, checkin: item.score.checkin, total: item.score.total) : nil)
    }

    // MARK: CSV

    static let csvHeader = [
        "date", "priority", "account", "account_name", "rep", "kind", "due_on", "occasion", "level", "text", "contact",
        "channel", "address", "days_since_touch", "prior_avg_days_beyond", "avg_days_beyond",
    ]

    /// One row per reason, so a spreadsheet can filter by kind.
    static func csvRows(_ item: AgendaItem) -> [[String]] {
        item.reasons.map { reason in
            [
                item.date.description, String(item.priority), item.account, item.accountName, item.rep, reason.kind.rawValue,
                reason.dueOn.description, reason.occasion ?? "", reason.level?.rawValue ?? "",
                AgendaWords.phrase(reason, on: item.date, daysSinceTouch: item.daysSinceTouch),
                item.contact?.name ?? "", item.contact.flatMap(channel) ?? "", item.contact.flatMap(address) ?? "",
                item.daysSinceTouch.map(String.init) ?? "",
                reason.payer.map { AuditFormatting.fixed($0.priorAverage, decimals: 1) } ?? "",
                reason.payer.map { AuditFormatting.fixed($0.recentAverage, decimals: 1) } ?? "",
            ]
        }
    }

    // MARK: table

    static func table(_ items: [AgendaItem], explain: Bool) -> TextTable {
        var table = TextTable(["#", "Account", "Contact", "Why", "Last touch"] + (explain ? ["Score"] : []), rightAligned: [0])
        for item in items {
            var row = [
                String(item.priority), item.account + " " + item.accountName, contactCell(item.contact),
                why(item), item.daysSinceTouch.map { "\($0) d ago" } ?? "never",
            ]
            if explain {
                let s = item.score
                row.append("care \(s.care) · today \(s.dueToday) · money \(s.money) · payer \(s.payer) · check-in \(s.checkin)"
                    + item.reasons.compactMap(\.payer).map { " · " + payerFigures($0) }.joined())
            }
            table.append(row)
        }
        return table
    }

    /// `--explain` of a payer reason: each paid invoice's days beyond terms, the 3 earlier
    /// then the 3 later, and their averages: "0 0 0 → 18 25 29 days (0.0 → 24.0, +24.0)".
    static func payerFigures(_ trend: PayerTrend) -> String {
        let days = trend.invoices.map { String($0.daysBeyondTerms) }
        func fixed(_ value: Double) -> String { AuditFormatting.fixed(value, decimals: 1) }
        return days.prefix(3).joined(separator: " ") + " → " + days.suffix(3).joined(separator: " ")
            + " days (\(fixed(trend.priorAverage)) → \(fixed(trend.recentAverage)), +\(fixed(trend.worsening)))"
    }

    static func why(_ item: AgendaItem) -> String {
        item.reasons.map { AgendaWords.phrase($0, on: item.date, daysSinceTouch: item.daysSinceTouch) }.joined(separator: "; ")
    }

    /// "李总 · chat wx-li", "Mike Reynolds · email mike@example.com", "—".
    static func contactCell(_ contact: Contact?) -> String {
        guard let contact else { return "—" }
        let name = contact.salutation ?? contact.name
        let how = [channel(contact), address(contact)].compactMap { $0 }.joined(separator: " ")
        return how.isEmpty ? name : name + " · " + how
    }

    /// The preferred channel, else the first the contact can be reached by.
    static func channel(_ contact: Contact) -> String? {
        if let preferred = contact.channel { return preferred.rawValue }
        if contact.chat != nil { return Channel.chat.rawValue }
        if contact.phone != nil { return Channel.call.rawValue }
        if contact.email != nil { return Channel.email.rawValue }
        return nil
    }

    static func address(_ contact: Contact) -> String? {
        switch channel(contact).flatMap(Channel.init(rawValue:)) {
        case .chat: return contact.chat ?? contact.phone
        case .call, .sms: return contact.phone
        case .email: return contact.email
        default: return contact.phone ?? contact.email ?? contact.chat
        }
    }

    // MARK: capacity

    /// "12 more cut by capacity (checkin 9, holiday 3)"; nil when nothing was cut.
    static func cutNote(_ cut: AgendaCut) -> String? {
        guard !cut.cut.isEmpty else { return nil }
        let counts = cut.cutReasons.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
        return "\(cut.cut.count) more item\(cut.cut.count == 1 ? "" : "s") cut by capacity (\(counts.joined(separator: ", ")))"
    }

    // MARK: calendar

    static func calendarEvent(_ item: AgendaItem) -> ICalendar.Event {
        let phrases = item.reasons.map { AgendaWords.phrase($0, on: item.date, daysSinceTouch: item.daysSinceTouch) }
        var description = phrases.map { "• " + $0 }.joined(separator: "\n")
        description += "\nContact: " + contactCell(item.contact)
        description += "\nRep: \(item.rep) · priority \(item.priority)"
        return ICalendar.Event(
            date: item.date, account: item.account,
            summary: "\(item.accountName) (\(item.account)): \(phrases.first ?? "")" + (phrases.count > 1 ? " +\(phrases.count - 1)" : ""),
            description: description)
    }

    /// DTSTAMP: now, in UTC.
    static func stamp(_ now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: now)
        func two(_ v: Int?) -> String { let v = v ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 1970)\(two(c.month))\(two(c.day))T\(two(c.hour))\(two(c.minute))\(two(c.second))Z"
    }
}
