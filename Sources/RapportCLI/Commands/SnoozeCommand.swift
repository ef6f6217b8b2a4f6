import ArgumentParser
import RapportCore

struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze",
        abstract: "Hide an account's reasons of one kind from the agenda through a date.",
        discussion: "KIND is one of: \(ReasonKind.allCases.map(\.rawValue).joined(separator: ", ")). A new snooze replaces the account's old one of that kind.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account key.", completion: Completion.accountKey)
    var account: String

    @Argument(help: "The reason kind to hide.", completion: .list(ReasonKind.allCases.map(\.rawValue)))
    var kind: String

    @Option(help: ArgumentHelp("Last day the reasons stay hidden (YYYY-MM-DD).", valueName: "date"))
    var until: String

    func validate() throws {
        guard ReasonKind(rawValue: kind) != nil else {
            throw ValidationError("KIND must be one of \(ReasonKind.allCases.map(\.rawValue).joined(separator: ", ")), got '\(kind)'")
        }
        guard CivilDate(until) != nil else { throw ValidationError("--until must be a real date as YYYY-MM-DD, got '\(until)'") }
    }

    func run() throws {
        try guarded {
            guard let reason = ReasonKind(rawValue: kind), let day = CivilDate(until) else { throw RapportError.usage("bad KIND or --until") }
            let db = try global.openDatabase()
            try db.snooze(account: account, kind: reason, until: day)
            print("Snoozed \(reason.rawValue) for \(account) through \(day).")
        }
    }
}
