import ArgumentParser
import Foundation
import RapportCore

/// `table` is accepted as the listing commands' human format (spec: table|json|csv); for
/// drafts it is the text blocks, the same as `txt`.
enum DraftOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case txt, eml, json, csv, table
}

struct DraftsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drafts",
        abstract: "Message drafts for the agenda: greetings, gifts, care, check-ins and payment follow-ups.",
        discussion: """
            One draft per recipient per reason, from templates/<locale>/<reason>[.<variant>][.<channel>].mustache \
            (your --templates folder first). Without --out, drafts are printed; with --out DIR, one file per \
            draft is written there (txt or eml) and nowhere else. --mark-sent logs a touch per draft.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only this rep's accounts.", valueName: "handle"), completion: Completion.repHandle)
    var rep: String?

    @Option(help: ArgumentHelp("Only this account.", valueName: "key"), completion: Completion.accountKey)
    var account: String?

    @Option(help: ArgumentHelp("Write one file per draft into this folder.", valueName: "dir"), completion: .directory)
    var out: String?

    @Option(help: "txt (default; also 'table'), eml (with --out), json or csv.")
    var format: DraftOutputFormat?

    @Option(help: ArgumentHelp("Your template folder, searched before the shipped one (default: the config's `templates`).", valueName: "dir"),
            completion: .directory)
    var templates: String?

    @Flag(help: "Log a touch for every draft (you sent them all).")
    var markSent = false

    func validate() throws {
        switch (format, out) {
        case (.eml, nil):
            throw ValidationError("--format eml writes files: give --out DIR")
        case (.json, .some), (.csv, .some):
            throw ValidationError("--out writes txt or eml files; --format json and csv print to standard output")
        default:
            break
        }
    }

    func run() throws {
        try guarded {
            let config = try RapportConfig.load(directory: global.configDirectory)
            let db = try global.openDatabase()
            let timeZone = config.zone
            let date = global.today(config: config)
            let rep = try repScope(self.rep, access: db.access)
            try checkFilters(db, rep: rep)

            var items = try loadAgendaItems(db: db, config: config, global: global, date: date, rep: rep)
            if let rep { items = items.filter { $0.rep == rep } }
            if let account { items = items.filter { $0.account == account } }

            let data = try db.draftData(accounts: unique(items.map(\.account)), reps: unique(items.map(\.rep)))
            let composer = DraftComposer(
                library: try TemplateLibrary(
                    user: templates.map { URL(fileURLWithPath: $0) } ?? config.userTemplatesFolder(configDirectory: global.configDirectory),
                    shipped: ShippedResources.templatesDirectory),
                data: data,
                rules: try SalutationRules.load(directory: global.configDirectory),
                occasions: OccasionCatalog(source: try loadOccasionSource(config: config, global: global)),
                defaultLocale: config.defaultLocale)
            let drafts = try composer.drafts(for: items)

            if let out {
                let fileFormat: DraftFileFormat = format == .eml ? .eml : .txt
                let paths = try DraftWriter.write(drafts, format: fileFormat, to: URL(fileURLWithPath: out), reps: data.reps, timeZone: timeZone)
                for path in paths { Emit.text(path) }
                Terminal.note("wrote \(paths.count) draft\(paths.count == 1 ? "" : "s") to \(out)")
            } else {
                switch format ?? .txt {
                case .json: try DraftsOutput.writeJSON(drafts, to: .standardOutput())
                case .csv: try Emit.csv(header: Draft.columns, rows: drafts.lazy.map(\.cells))
                case .txt, .table, .eml:
                    if drafts.isEmpty {
                        Terminal.note("no drafts for \(date)")
                    } else {
                        try DraftsOutput.writeText(drafts, to: .standardOutput())
                    }
                }
            }

            if markSent {
                let added = try db.logTouches(for: drafts)
                let skipped = drafts.count - added
                Terminal.note("logged \(added) touch\(added == 1 ? "" : "es")" + (skipped > 0 ? " (\(skipped) already recorded)" : ""))
            }
        }
    }

    /// An unknown --account or --rep is a mistake to report, not an empty day.
    private func checkFilters(_ db: any RapportStore, rep: String?) throws {
        let missing = try db.missingKeys(accounts: account.map { [$0] } ?? [], reps: rep.map { [$0] } ?? [])
        if let key = missing.accounts.first { throw try db.unknownAccount(key) }
        if let handle = missing.reps.first { throw try db.unknownRep(handle) }
    }
}

private func unique(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
}
