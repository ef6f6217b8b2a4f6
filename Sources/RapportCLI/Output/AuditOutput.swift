import Foundation
import RapportCore

/// `rapport audit` as a terminal table, JSON (the contract's shape) or CSV.
enum AuditOutput {
    // MARK: JSON

    static func writeJSON(_ report: AuditReport, to out: BufferedOutput) throws {
        var json = JSONText(capacity: BufferedOutput.chunk + (1 << 12))
        try report.writeJSON(to: &json) { try out.writeIfFull(&$0) }
        try out.write(&json)
    }

    // MARK: CSV

    /// One table for a spreadsheet: a `section` column (`rep`, `account`, `receivables`,
    /// `policy`, `payer`) and the union of the sections' columns, empty where a column does not
    /// apply. Money in major units (`1250.50`), as the import files write it; fractions
    /// as decimals (0.75); gaps as space-separated days. Cells go through CSVCell, so a
    /// name such as `=HYPERLINK(…)` stays text.
    static let csvColumns = [
        "section", "rep", "account", "name", "currency", "tier", "cadence_days", "accounts", "touches",
        "accounts_touched", "never_touched", "compliant", "compliance", "gaps", "max_gap_days", "median_gap_days",
        "days_since_touch", "warm_touches", "collection_touches", "warm_to_collection", "promises_kept",
        "promises_broken", "promise_kept_rate", "open", "current", "d1_30", "d31_60", "d61_90", "d90_plus", "opening",
        "credit_sales", "dso", "cei", "penalty", "commission",
        "invoices", "on_time_share", "avg_days_beyond", "p90_days_beyond", "prior_avg_days_beyond", "trend_days",
        "open_amount", "payer_accounts", "payer_slipped", "payer_slipped_share",
    ]

    static let csvColumnIndex = Dictionary(uniqueKeysWithValues: csvColumns.enumerated().map { ($1, $0) })

    /// The header, then every row, each made and written in turn.
    static func writeCSV(_ report: AuditReport, to out: BufferedOutput) throws {
        try out.csvRow(csvColumns)
        func row(_ cells: some Sequence<(String, String)>) throws {
            var line = [String](repeating: "", count: csvColumns.count)
            for (column, value) in cells {
                guard let index = csvColumnIndex[column] else { preconditionFailure("no CSV column \(column)") }
                line[index] = value
            }
            try out.csvRow(line)
        }
        func row(_ cells: KeyValuePairs<String, String>) throws { try row(cells.lazy.map { ($0.key, $0.value) }) }
        func number(_ value: Double?) -> String { value.map { String($0) } ?? "" }
        for rep in report.reps {
            try row(["section": "rep", "rep": rep.rep, "name": rep.name, "accounts": "\(rep.accounts)",
                     "touches": "\(rep.touches.total)", "accounts_touched": "\(rep.accountsTouched)",
                     "never_touched": "\(rep.neverTouched)", "compliance": number(rep.compliance),
                     "max_gap_days": rep.maxGapDays.map(String.init) ?? "", "median_gap_days": number(rep.medianGapDays),
                     "warm_touches": "\(rep.touches.warm)", "collection_touches": "\(rep.touches.collection)",
                     "warm_to_collection": number(rep.touches.warmToCollection), "promises_kept": "\(rep.promises.kept)",
                     "promises_broken": "\(rep.promises.broken)", "promise_kept_rate": number(rep.promises.keptRate),
                     "payer_accounts": "\(report.payers.slip(of: rep.rep)?.accounts ?? 0)",
                     "payer_slipped": "\(report.payers.slip(of: rep.rep)?.slipped.count ?? 0)",
                     "payer_slipped_share": number(report.payers.slip(of: rep.rep)?.share)])
        }
        for account in report.accounts {
            try row(["section": "account", "rep": account.rep, "account": account.account, "name": account.name,
                     "tier": account.tier, "cadence_days": "\(account.cadenceDays)", "touches": "\(account.touches)",
                     "compliant": account.compliant ? "true" : "false",
                     "gaps": account.gaps.map(String.init).joined(separator: " "),
                     "max_gap_days": "\(account.maxGapDays)", "days_since_touch": account.daysSinceTouch.map(String.init) ?? "",
                     "promises_kept": "\(account.promises.kept)", "promises_broken": "\(account.promises.broken)",
                     "promise_kept_rate": number(account.promises.keptRate)])
        }
        for line in report.receivables {
            func plain(_ minor: Int64) -> String { Currency.plain(minor, currency: line.currency) }
            let aging = line.aging
            try row(["section": "receivables", "currency": line.currency, "open": plain(line.open),
                     "current": plain(aging.current), "d1_30": plain(aging.d1_30), "d31_60": plain(aging.d31_60),
                     "d61_90": plain(aging.d61_90), "d90_plus": plain(aging.d90Plus), "opening": plain(line.opening),
                     "credit_sales": plain(line.creditSales), "dso": number(line.dso), "cei": number(line.cei)])
        }
        // The same cells as `rapport payers --format csv`.
        for line in report.payers.figures { try row([("section", "payer")] + Array(zip(PayerFigures.columns, line.csvCells))) }
        for line in report.policy ?? [] {
            try row(["section": "policy", "rep": line.rep, "currency": line.currency,
                     "penalty": Currency.plain(line.penalty, currency: line.currency),
                     "commission": Currency.plain(line.commission, currency: line.currency)])
        }
    }

    // MARK: Table

    /// The rep scorecard, receivables, the policy what-if and the accounts furthest past
    /// cadence (the first `lapsedLimit`; JSON and CSV carry them all), every line within
    /// `width` cells when one is given.
    static func table(_ report: AuditReport, colour: Bool, width: Int?, lapsedLimit: Int = 20) -> String {
        let compliant = report.accounts.count(where: \.compliant)
        var out = Terminal.bold("Audit \(report.period) (\(report.period.days) days)") + ": "
            + "\(report.accounts.count) accounts, \(compliant) within cadence"
            + " (\(AuditFormatting.percent(report.accounts.isEmpty ? nil : Double(compliant) / Double(report.accounts.count))))\n\n"

        out += Terminal.bold("Rep scorecard") + "\n"
        var reps = TextTable(
            ["rep", "accounts", "touched", "never", "touches", "in cadence", "median gap", "max gap", "warm:coll", "promises kept/broken"],
            rightAligned: Set(1...9))
        for rep in report.reps {
            reps.append([
                rep.rep, "\(rep.accounts)", "\(rep.accountsTouched)", "\(rep.neverTouched)", "\(rep.touches.total)",
                AuditFormatting.percent(rep.compliance),
                rep.medianGapDays.map { AuditFormatting.fixed($0, decimals: 1) } ?? "—",
                rep.maxGapDays.map(String.init) ?? "—",
                rep.touches.warmToCollection.map { AuditFormatting.fixed($0, decimals: 2) } ?? "—",
                "\(rep.promises.kept)/\(rep.promises.broken)",
            ])
        }
        out += reps.render(width: width) + "\n\n"

        out += Terminal.bold("Receivables at \(report.period.to)") + "\n"
        if report.receivables.isEmpty {
            out += "no invoices issued by \(report.period.to)\n"
        } else {
            var receivables = TextTable(
                ["currency", "open", "current", "1–30", "31–60", "61–90", "90+", "DSO", "CEI %"], rightAligned: Set(1...8))
            for line in report.receivables {
                receivables.append(
                    [line.currency, AuditFormatting.grouped(line.open, currency: line.currency)]
                        + line.aging.labelled.map { AuditFormatting.grouped($0.amount, currency: line.currency) }
                        + [line.dso.map { AuditFormatting.fixed($0, decimals: 1) } ?? "—",
                           line.cei.map { AuditFormatting.fixed($0, decimals: 1) } ?? "—"])
            }
            out += receivables.render(width: width) + "\n"
        }

        if let policy = report.policy, let rates = report.rates {
            out += "\n" + Terminal.bold("Policy what-if") + " (penalty \(rates.penaltyRate) a day past due, commission \(rates.commissionRate))\n"
            var lines = TextTable(["rep", "currency", "penalty", "commission"], rightAligned: [2, 3])
            for line in policy where line.penalty != 0 || line.commission != 0 {
                lines.append([line.rep, line.currency, AuditFormatting.grouped(line.penalty, currency: line.currency),
                              AuditFormatting.grouped(line.commission, currency: line.currency)])
            }
            out += lines.rows.isEmpty ? "no penalty and no commission for anyone\n" : lines.render(width: width) + "\n"
        }

        out += payerTable(report, width: width)

        let lapsed = report.accounts.filter { !$0.compliant }
            .sorted { ($0.maxGapDays - $0.cadenceDays, $1.account) > ($1.maxGapDays - $1.cadenceDays, $0.account) }
        if !lapsed.isEmpty {
            out += "\n" + Terminal.bold("Furthest past cadence") + "\n"
            var accounts = TextTable(["account", "rep", "tier", "cadence", "max gap", "since touch", "touches"], rightAligned: [3, 4, 5, 6])
            for account in lapsed.prefix(lapsedLimit) {
                accounts.append([account.account, account.rep, account.tier, "\(account.cadenceDays)", "\(account.maxGapDays)",
                                 account.daysSinceTouch.map(String.init) ?? "never", "\(account.touches)"])
            }
            out += accounts.render(width: width) + "\n"
            if lapsed.count > lapsedLimit {
                out += Terminal.dim("… and \(lapsed.count - lapsedLimit) more past cadence (--format csv or json lists every account)") + "\n"
            }
        }
        out = TextWrap.fitted(out, width: width)
        return colour ? out : stripEscapes(out)
    }

    /// Per rep the share of accounts whose payment slipped, then the most slipped accounts.
    static func payerTable(_ report: AuditReport, width: Int?, limit: Int = 10) -> String {
        var out = "\n" + Terminal.bold("Payment slipping at \(report.period.to)") + " (average days beyond terms, last 365 days vs the 365 before)\n"
        var reps = TextTable(["rep", "accounts with a trend", "slipped", "share"], rightAligned: [1, 2, 3])
        for slip in report.payers.reps where slip.accounts > 0 {
            reps.append([slip.rep, "\(slip.accounts)", "\(slip.slipped.count)", AuditFormatting.percent(slip.share)])
        }
        guard !reps.rows.isEmpty else { return out + "no account has invoices due in both years\n" }
        out += reps.render(width: width) + "\n"
        let slipping = report.payers.figures.filter { ($0.trendDays ?? 0) > 0 }
        guard !slipping.isEmpty else { return out }
        var accounts = TextTable(["account", "rep", "how they pay", "trend"], rightAligned: [3])
        for line in slipping.prefix(limit) {
            accounts.append([line.account, line.rep, line.words(locale: "en"), "+" + AuditFormatting.fixed(line.trendDays ?? 0, decimals: 1) + " d"])
        }
        out += accounts.render(width: width) + "\n"
        if slipping.count > limit { out += Terminal.dim("… and \(slipping.count - limit) more paying later (--format csv or json lists every account)") + "\n" }
        return out
    }

    /// Removes ANSI SGR sequences (ESC [ … m), for a table written to a file.
    static func stripEscapes(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
