import ArgumentParser
import Foundation
import RapportCore

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "The agenda of each day in a range (a week's plan), as a table, JSON, CSV or an iCalendar file.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, ics }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("First day (YYYY-MM-DD).", valueName: "date"))
    var from: String

    @Option(help: ArgumentHelp("Last day, inclusive (YYYY-MM-DD).", valueName: "date"))
    var to: String

    @Option(help: "Output format: table, json, csv or ics (default: table on a terminal, json otherwise).")
    var format: Format?

    @Option(help: ArgumentHelp("Only this rep's accounts.", valueName: "handle"), completion: Completion.repHandle)
    var rep: String?

    @Option(help: ArgumentHelp("Keep each rep's top N items a day (default: the capacity in config).", valueName: "n"))
    var limit: Int?

    static let maximumDays = 366

    func validate() throws {
        guard let first = CivilDate(from) else { throw ValidationError("--from must be a real date as YYYY-MM-DD, got '\(from)'") }
        guard let last = CivilDate(to) else { throw ValidationError("--to must be a real date as YYYY-MM-DD, got '\(to)'") }
        guard first <= last else { throw ValidationError("--from must not be after --to") }
        guard first.days(to: last) < Self.maximumDays else { throw ValidationError("a range is at most \(Self.maximumDays) days") }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        try guarded {
            guard let first = CivilDate(from), let last = CivilDate(to) else { throw RapportError.usage("bad --from or --to") }
            let config = try RapportConfig.load(directory: global.configDirectory)
            let db = try global.openDatabase()
            let days = try db.agendaDays(
                config: config, occasions: global.occasionSource(config: config), from: first, through: last,
                rep: repScope(rep, access: db.access))
            let cuts = days.map { AgendaRanking.cut($0.items, limit: limit, config: config) }
            defer { KeptUntilExit.keep((days, cuts), items: days.reduce(0) { $0 + $1.items.count }) }
            let format = format ?? Terminal.defaultFormat(table: .table, json: .json)
            switch format {
            case .json:
                Emit.json(bytes: AgendaOutput.jsonBytes(
                    days: zip(days, cuts).map { AgendaOutput.Day(date: $0.date, items: $1.kept.map { AgendaOutput.json($0, explain: false) }) }))
            case .csv:
                Emit.csv(header: AgendaOutput.csvHeader, rows: cuts.flatMap { $0.kept.flatMap(AgendaOutput.csvRows) })
            case .ics:
                let events = cuts.flatMap { $0.kept.map(AgendaOutput.calendarEvent) }
                FileHandle.standardOutput.write(Data(ICalendar.render(events, stamp: AgendaOutput.stamp()).utf8))
            case .table:
                for (day, cut) in zip(days, cuts) {
                    Emit.text(Terminal.bold("\(day.date) (\(weekday(day.date)))") + " — \(cut.kept.count) item\(cut.kept.count == 1 ? "" : "s")")
                    if !cut.kept.isEmpty { Emit.text(AgendaOutput.table(cut.kept, explain: false).render()) }
                    AgendaOutput.cutNote(cut).map { Emit.text(Terminal.dim($0)) }
                    Emit.text("")
                }
            }
            if format != .table {
                for (day, cut) in zip(days, cuts) {
                    AgendaOutput.cutNote(cut).map { Terminal.note("rapport: \(day.date): " + $0) }
                }
            }
        }
    }
}
