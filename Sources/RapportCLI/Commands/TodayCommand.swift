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
            let date = global.today(config: config)
            try TodayReport.emit(
                db: db, config: config, occasions: global.occasionSource(config: config), date: date,
                rep: try repScope(listing.rep, access: db.access), limit: limit, explain: explain, format: listing.resolvedFormat)
        }
    }
}

private let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

/// "Mon" … "Sun".
func weekday(_ date: CivilDate) -> String { weekdays[date.weekday - 1] }
