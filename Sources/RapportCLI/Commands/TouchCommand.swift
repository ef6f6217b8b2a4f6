import ArgumentParser
import Foundation
import RapportCore

extension TouchKind: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}

/// `rapport touch …`: the contact history.
struct TouchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "touch", abstract: "Record contacts with customers.", subcommands: [TouchLogCommand.self])
}

struct TouchLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Record a contact with a customer after it happened.")

    @Argument(help: ArgumentHelp("The account's key.", valueName: "account"), completion: Completion.accountKey)
    var account: String

    @Option(help: "What the contact was: checkin, greeting, gift, care, collection, visit or other.")
    var kind: TouchKind

    @Option(help: "How: call, visit, chat, sms, email, gift or other.")
    var channel: Channel

    @Option(help: ArgumentHelp("The person (a contact key of the account).", valueName: "key"))
    var contact: String?

    @Option(help: ArgumentHelp("A note.", valueName: "text"))
    var note: String?

    @Option(help: ArgumentHelp("The day it happened (default: today).", valueName: "date"))
    var on: String?

    @Option(help: ArgumentHelp("Who made it (default: the account's owner).", valueName: "handle"), completion: Completion.repHandle)
    var rep: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let on, CivilDate(on) == nil {
            throw ValidationError("--on must be a real date as YYYY-MM-DD, got '\(on)'")
        }
    }

    func run() throws {
        try guarded {
            let db = try global.openDatabase()
            let config = try RapportConfig.load(directory: global.configDirectory)
            let today = global.today(config: config)
            let date = on.flatMap { CivilDate($0) } ?? today
            guard date <= today else {
                throw RapportError.usage("--on \(date) is after today (\(today)); log a touch once it has happened")
            }
            let result = try db.recordTouch(TouchLog.Entry(
                account: account, contact: contact, rep: rep, date: date, channel: channel, kind: kind, note: note))
            let touch = result.touch
            let with = touch.contact.map { " with \($0)" } ?? ""
            if result.isNew {
                print("logged \(touch.kind.rawValue) (\(touch.channel.rawValue)) for \(touch.account)\(with) on \(touch.date) by \(touch.rep)")
            } else {
                print("already logged: \(touch.kind.rawValue) (\(touch.channel.rawValue)) for \(touch.account)\(with) on \(touch.date); nothing added")
            }
        }
    }
}
