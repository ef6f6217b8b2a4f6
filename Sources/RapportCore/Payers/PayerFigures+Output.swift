/// The payer figures as `rapport payers` and `rapport audit` write them: the JSON object
/// of SPEC "Payer behaviour" (exactly its fields, keys sorted, money in minor units, a
/// missing figure `null`), the CSV columns, and the words of the table.
extension PayerFigures {
    /// The JSON fields, in the order CSV writes them.
    public static let columns = [
        "account", "rep", "currency", "invoices", "on_time_share", "avg_days_beyond", "p90_days_beyond",
        "prior_avg_days_beyond", "trend_days", "open_amount",
    ]

    public func write(to out: inout JSONText) {
        out.beginObject()
        out.key("account"); out.string(account)
        out.key("avg_days_beyond"); out.decimal(avgTenths, scale: 1)
        out.key("currency"); out.string(currency)
        out.key("invoices"); out.int(invoices)
        out.key("on_time_share"); out.decimal(onTimeShareUnits, scale: 4)
        out.key("open_amount"); out.int(openAmount)
        out.key("p90_days_beyond"); out.int(p90DaysBeyond)
        out.key("prior_avg_days_beyond"); out.decimal(priorAvgTenths, scale: 1)
        out.key("rep"); out.string(rep)
        out.key("trend_days"); out.decimal(trendTenths, scale: 1)
        out.endObject()
    }

    /// A JSON array of figures (what `rapport payers --format json` prints).
    public static func json(_ figures: [PayerFigures]) -> [UInt8] {
        var out = JSONText(capacity: 64 + figures.count * 260)
        out.beginArray()
        for line in figures { line.write(to: &out) }
        out.endArray()
        return out.bytes
    }

    /// The cells of `columns`: money in major units (`240000.00`), shares and days as
    /// decimals, empty for a missing figure.
    public var csvCells: [String] {
        func number(_ value: Double?) -> String { value.map { $0.description.hasSuffix(".0") ? String($0.description.dropLast(2)) : $0.description } ?? "" }
        return [
            account, rep, currency, String(invoices), number(onTimeShare),
            number(avgDaysBeyond), p90DaysBeyond.map(String.init) ?? "", number(priorAvgDaysBeyond), number(trendDays),
            Currency.plain(openAmount, currency: currency),
        ]
    }

    /// "paid 4 → 23 days late over the last 6 invoices, ¥240,000.00 open": the averages of
    /// the year before and the last year in whole days ("on time" for 0), over the
    /// invoices of both years; the money in `locale` (MoneyFormat).
    public func words(locale: String) -> String {
        func days(_ average: Double?) -> String {
            guard let average else { return "—" }
            let whole = Int((average + 0.5).rounded(.down))
            return whole == 0 ? "on time" : "\(whole)"
        }
        let now = days(avgDaysBeyond), before = days(priorAvgDaysBeyond)
        let late = now == "on time" || now == "—" ? "" : " day\(now == "1" ? "" : "s") late"
        var text: String
        switch (invoices, priorInvoices) {
        case (0, _):
            text = "no invoice due in the last year (\(before == "on time" ? "on time" : before + " days late") the year before)"
        case (_, 0):
            text = "\(now)\(late) on average over \(invoices) invoice\(invoices == 1 ? "" : "s") (none due the year before)"
        default:
            text = "paid \(before) → \(now)\(late) over the last \(invoices + priorInvoices) invoices"
        }
        if openAmount > 0 { text += ", " + MoneyFormat.format(Money(minor: openAmount, currency: currency), locale: locale) + " open" }
        return text
    }
}
