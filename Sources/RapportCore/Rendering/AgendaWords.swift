/// The agenda in words, for the table a rep reads at 8 a.m. and for calendar entries:
/// "Mid-Autumn in 2 days", "invoice INV-1042 45 days overdue, ¥100,000.00",
/// "no touch for 47 days (cadence 30)". English, whatever the account's locale: the words
/// are for the rep; occasion names come in the account's locale.
public enum AgendaWords {
    /// One reason as a short phrase, relative to the agenda date.
    public static func phrase(_ reason: Reason, on date: CivilDate, daysSinceTouch: Int?) -> String {
        switch reason.kind {
        case .holiday:
            return "\(reason.occasionName ?? reason.occasion ?? "holiday") \(relative(reason.dueOn, from: date))"
        case .gift:
            let occasion = reason.occasionName ?? reason.occasion ?? "the occasion"
            return "gift for \(occasion) (\(occasionWhen(reason, date))), send \(deadline(reason.dueOn, from: date))"
        case .event:
            if reason.title == EventKind.birthday.rawValue, let name = reason.contactName ?? reason.contact {
                return "\(name)'s birthday \(relative(reason.dueOn, from: date))"
            }
            return "\(reason.title ?? "event") \(relative(reason.dueOn, from: date))"
        case .care:
            let whom = reason.contactName.map { " (\($0))" } ?? ""
            return "care: \(reason.title ?? "a hard day")\(whom), \(when(reason.occasionDate ?? date, from: date))"
        case .collection:
            return collection(reason, on: date)
        case .promise:
            let promised = reason.promise.map { "promise to pay by \(short($0.promisedOn)) broken" } ?? "broken promise to pay"
            return promised + ", " + outstanding(reason.invoices) + " open"
        case .payer:
            return reason.payer.map(payerTrend) ?? "paying later than before"
        case .checkin:
            let cadence = reason.cadenceDays.map { " (cadence \($0))" } ?? ""
            guard let days = daysSinceTouch else { return "never touched\(cadence)" }
            return "no touch for \(days) day\(days == 1 ? "" : "s")\(cadence)"
        }
    }

    /// "invoice INV-1042 45 days overdue, ¥100,000.00" (+ how many more at lower levels).
    static func collection(_ reason: Reason, on date: CivilDate) -> String {
        let level = reason.level.map { $0 == .overdue ? "" : "\($0.rawValue): " } ?? ""
        guard let first = reason.invoices.first else { return level + "invoices to chase" }
        let days = first.daysOverdue
        let state = days > 0 ? "\(days) day\(days == 1 ? "" : "s") overdue" : days == 0 ? "due today" : "due in \(-days) day\(days == -1 ? "" : "s")"
        var text = "\(level)invoice \(first.invoice.number) \(state), \(amount(first.balance, currency: first.invoice.amount.currency))"
        if reason.invoices.count > 1 { text += " (+\(reason.invoices.count - 1) more)" }
        return text
    }

    /// "paid 4 → 23 days late over the last 6 invoices" (averages of the 3 earlier and the
    /// 3 later invoices in whole days, rounded half up; "on time" for 0).
    public static func payerTrend(_ trend: PayerTrend) -> String {
        func days(_ average: Int) -> String { average == 0 ? "on time" : "\(average)" }
        let (before, now) = (days(trend.priorWholeDays), days(trend.recentWholeDays))
        let late = now == "on time" ? "" : " day\(now == "1" ? "" : "s") late"
        return "paid \(before) → \(now)\(late) over the last \(trend.invoices.count) invoices"
    }

    /// Balances summed per currency: "¥12,000.00 + US$300.00".
    static func outstanding(_ invoices: [OpenInvoice]) -> String {
        var totals: [(String, Int64)] = []
        for open in invoices {
            if let i = totals.firstIndex(where: { $0.0 == open.invoice.amount.currency }) { totals[i].1 += open.balance } else {
                totals.append((open.invoice.amount.currency, open.balance))
            }
        }
        return totals.map { amount($0.1, currency: $0.0) }.joined(separator: " + ")
    }

    /// "today", "tomorrow", "in 3 days".
    public static func relative(_ day: CivilDate, from date: CivilDate) -> String {
        let days = date.days(to: day)
        switch days {
        case 0: return "today"
        case 1: return "tomorrow"
        case 2...: return "in \(days) days"
        case -1: return "yesterday"
        default: return "\(-days) days ago"
        }
    }

    private static func when(_ day: CivilDate, from date: CivilDate) -> String {
        let days = date.days(to: day)
        return days == 0 ? "today" : days == -1 ? "yesterday" : "\(short(day)) (\(relative(day, from: date)))"
    }

    private static func occasionWhen(_ reason: Reason, _ date: CivilDate) -> String {
        guard let day = reason.occasionDate else { return relative(reason.dueOn, from: date) }
        return short(day) + ", " + relative(day, from: date)
    }

    private static func deadline(_ day: CivilDate, from date: CivilDate) -> String {
        day == date ? "today" : "by " + short(day)
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Sep 25".
    public static func short(_ day: CivilDate) -> String { "\(months[day.month - 1]) \(day.day)" }

    private static let symbols: [String: String] = [
        "CNY": "¥", "JPY": "JP¥", "USD": "US$", "EUR": "€", "GBP": "£", "HKD": "HK$", "TWD": "NT$", "SGD": "S$",
        "KRW": "₩", "VND": "₫",
    ]

    /// "¥100,000.00", "US$1,250.50", "₩1,000,000": a symbol (the code for others) and
    /// grouped digits in the currency's minor units. (The drafts' locale-aware money
    /// formatter can replace this when both are merged.)
    public static func amount(_ minor: Int64, currency: String) -> String {
        let plain = Currency.plain(minor, currency: currency)
        let negative = plain.hasPrefix("-")
        let digits = negative ? plain.dropFirst() : Substring(plain)
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = ""
        for (i, c) in parts[0].reversed().enumerated() {
            if i > 0, i % 3 == 0 { whole.append(",") }
            whole.append(c)
        }
        let grouped = String(whole.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
        let symbol = symbols[currency] ?? currency + " "
        return (negative ? "-" : "") + symbol + grouped
    }
}
