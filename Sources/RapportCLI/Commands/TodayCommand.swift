import ArgumentParser
import Foundation
import RapportCore

struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today", abstract: "Whom to contact today and why, ranked (docs/agenda.md).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var listing: ListingOptions

    @Option(help: ArgumentHelp("Keep each rep's top N items (default: the capacity in config).", valueName: "n"))
    var limit: Int?

    @Flag(help: "Show the parts of each item's ranking score.")
    var explain = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        try guarded {
            let config = try RapportConfig.load(directory: global.configDirectory)
            let db = try global.openDatabase()
            let date = global.today(timeZone: config.timeZone.flatMap(TimeZone.init(identifier:)) ?? .current)
            let items = try agendaItems(
                db: db, config: config, occasions: global.occasionSource(config: config), date: date, rep: listing.rep)
            let cut = AgendaRanking.cut(items, limit: limit, config: config)
            switch listing.resolvedFormat {
            case .json:
                try Emit.json(cut.kept.map { AgendaOutput.json($0, explain: explain) })
                AgendaOutput.cutNote(cut).map { Terminal.note("rapport: " + $0) }
            case .csv:
                Emit.csv(header: AgendaOutput.csvHeader, rows: cut.kept.flatMap(AgendaOutput.csvRows))
                AgendaOutput.cutNote(cut).map { Terminal.note("rapport: " + $0) }
            case .table:
                let who = listing.rep.map { " for \($0)" } ?? ""
                Emit.text(Terminal.bold("Agenda\(who), \(date) (\(weekday(date)))") + " — \(cut.kept.count) item\(cut.kept.count == 1 ? "" : "s")")
                if cut.kept.isEmpty {
                    Emit.text("Nothing to chase today.")
                } else {
                    Emit.text(AgendaOutput.table(cut.kept, explain: explain).render())
                }
                AgendaOutput.cutNote(cut).map { Emit.text(Terminal.dim($0)) }
            }
        }
    }
}

private let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

/// "Mon" … "Sun".
func weekday(_ date: CivilDate) -> String { weekdays[date.weekday - 1] }
