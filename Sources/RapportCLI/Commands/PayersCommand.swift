import ArgumentParser
import Foundation
import RapportCore

/// `rapport payers`: how each account pays us, most slipped first (SPEC "Payer behaviour",
/// docs/payers.md).
struct PayersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payers",
        abstract: "Accounts ranked by how far their payment to us has slipped (docs/payers.md).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var listing: ListingOptions

    func run() throws {
        try guarded {
            let config = try RapportConfig.load(directory: global.configDirectory)
            let db = try global.openDatabase()
            let date = global.today(config: config)
            let rep = try repScope(listing.rep, access: db.access)
            let (invoices, owners) = try db.payerInvoices(asOf: date, rep: rep)
            let figures = PayerFigures.compute(invoices, owners: owners, asOf: date)
            defer { KeptUntilExit.keep(figures, items: figures.count) }
            switch listing.resolvedFormat {
            case .json:
                try Emit.json(bytes: PayerFigures.json(figures))
            case .csv:
                try Emit.csv(header: PayerFigures.columns, rows: figures.lazy.map(\.csvCells))
            case .table:
                Emit.text(PayersOutput.table(figures, date: date, rep: rep, config: config))
            }
        }
    }
}

/// The 8 a.m. table of `rapport payers`.
enum PayersOutput {
    static func table(_ figures: [PayerFigures], date: CivilDate, rep: String?, config: RapportConfig, width: Int? = Terminal.width) -> String {
        let slipping = figures.count { $0.slipped(by: config.payerMinWorseningDays) }
        let who = rep.map { " for \($0)" } ?? ""
        let out = Terminal.bold("Payers\(who), \(date)") + " — \(figures.count) account\(figures.count == 1 ? "" : "s")"
            + " (one line per currency), \(slipping) slipping by \(config.payerMinWorseningDays)+ days"
        guard !figures.isEmpty else { return TextWrap.fitted(out, width: width) + "\nNo invoice due in the last two years." }
        var table = TextTable(["#", "Account", "Rep", "How they pay", "On time", "p90", "Trend"], rightAligned: [0, 4, 5, 6])
        for (index, line) in figures.enumerated() {
            table.append([
                String(index + 1), line.account, line.rep, line.words(locale: config.defaultLocale),
                AuditFormatting.percent(line.onTimeShare), line.p90DaysBeyond.map { "\($0) d" } ?? "—",
                line.trendDays.map { ($0 > 0 ? "+" : "") + AuditFormatting.fixed($0, decimals: 1) + " d" } ?? "—",
            ])
        }
        return TextWrap.fitted(out, width: width) + "\n" + table.render(width: width)
    }
}
