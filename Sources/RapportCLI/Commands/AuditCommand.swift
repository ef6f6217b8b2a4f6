import ArgumentParser
import Foundation
import RapportCore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Touch frequency, cadence compliance and collection status per rep over a period.",
        discussion: """
            Metrics follow docs/audit.md. JSON money is in minor units; CSV money in major units.
            With --penalty-rate and --commission-rate (both, decimals or percentages such as
            0.0001 or 0.01%), the report adds the policy what-if per rep and currency.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, html
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("First day of the period (YYYY-MM-DD).", valueName: "date"))
    var from: String

    @Option(help: ArgumentHelp("Last day of the period (YYYY-MM-DD), included.", valueName: "date"))
    var to: String

    @Option(help: ArgumentHelp("Only this rep and the accounts they own.", valueName: "handle"), completion: Completion.repHandle)
    var rep: String?

    @Option(help: "table, json, csv or html (default: from --out's extension, else table on a terminal and json when piped).")
    var format: Format?

    @Option(help: ArgumentHelp("Write the report to this file (and nothing else) instead of standard output.", valueName: "file"),
            completion: .file(extensions: ["html", "json", "csv", "txt"]))
    var out: String?

    @Option(help: ArgumentHelp("What-if penalty per day on the amount past due (e.g. 0.0001).", valueName: "rate"))
    var penaltyRate: String?

    @Option(help: ArgumentHelp("What-if commission on the money collected (e.g. 0.03).", valueName: "rate"))
    var commissionRate: String?

    func validate() throws {
        _ = try period()
        _ = try policy()
    }

    func period() throws -> AuditPeriod {
        guard let start = CivilDate(from) else { throw ValidationError("--from must be a real date as YYYY-MM-DD, got '\(from)'") }
        guard let end = CivilDate(to) else { throw ValidationError("--to must be a real date as YYYY-MM-DD, got '\(to)'") }
        do {
            return try AuditPeriod(from: start, to: end)
        } catch {
            throw ValidationError(error.message)
        }
    }

    func policy() throws -> AuditPolicy? {
        switch (penaltyRate, commissionRate) {
        case (nil, nil):
            return nil
        case let (penalty?, commission?):
            func rate(_ text: String, _ option: String) throws -> DecimalRate {
                guard let rate = DecimalRate(text) else {
                    throw ValidationError("\(option) must be a non-negative decimal such as 0.0001 or 0.01%, got '\(text)'")
                }
                return rate
            }
            return AuditPolicy(
                penaltyRate: try rate(penalty, "--penalty-rate"), commissionRate: try rate(commission, "--commission-rate"))
        default:
            throw ValidationError("--penalty-rate and --commission-rate go together: give both or neither")
        }
    }

    /// --format, else what --out's extension names (`.json`, `.csv`, `.html`, `.txt` for a
    /// table; anything else JSON), else table on a terminal and JSON when piped.
    var resolvedFormat: Format {
        if let format { return format }
        if let out {
            let fileExtension = URL(fileURLWithPath: out).pathExtension.lowercased()
            return fileExtension == "txt" ? .table : Format(rawValue: fileExtension) ?? .json
        }
        return Terminal.defaultFormat(table: .table, json: .json)
    }

    func run() throws {
        try guarded {
            let period = try period()
            let policy = try policy()
            let db = try global.openDatabase()
            let config = try RapportConfig.load(directory: global.configDirectory)
            let input = try db.auditInput(period: period, rep: repScope(rep, access: db.access))
            let report = try AuditReport.compute(input, period: period, config: config, policy: policy)
            let format = resolvedFormat
            // Written as it is made (the JSON and CSV of a year over all reps are 20–90 MB).
            let write = { (out: BufferedOutput) throws in
                switch format {
                case .table: try out.write(AuditOutput.table(report, colour: self.out == nil, width: self.out == nil ? Terminal.width : nil))
                case .json: try AuditOutput.writeJSON(report, to: out)
                case .csv: try AuditOutput.writeCSV(report, to: out)
                case .html: try out.write(AuditHTMLPage.render(report))
                }
                try out.flush()
            }
            if let path = out {
                // That file only, replaced atomically.
                try BufferedOutput.replacingFile(at: path, write)
                Terminal.note("wrote \(path)")
            } else {
                try write(.standardOutput())
            }
        }
    }
}
