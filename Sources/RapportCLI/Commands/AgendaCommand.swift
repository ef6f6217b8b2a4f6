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
            let format = format ?? Terminal.defaultFormat(table: .table, json: .json)
            var stream = AgendaStream(format: format, out: .standardOutput(), stamp: AgendaOutput.stamp())
            // Each day is cut, written and dropped before the next is made; the notes of
            // what capacity cut go to stderr after the output (the table has them inline).
            var notes: [String] = []
            try db.forEachAgendaDay(
                config: config, occasions: global.occasionSource(config: config), from: first, through: last,
                rep: repScope(rep, access: db.access)
            ) { day in
                let cut = AgendaRanking.cut(day.items, limit: limit, config: config)
                try stream.write(day.date, cut)
                if format != .table, let note = AgendaOutput.cutNote(cut) { notes.append("rapport: \(day.date): " + note) }
                // The last day's items are not freed before the prompt returns (the earlier
                // days' were, each while the next was being made).
                if day.date == last { KeptUntilExit.keep((day, cut), items: day.items.count) }
            }
            try stream.finish()
            for note in notes { Terminal.note(note) }
        }
    }
}
