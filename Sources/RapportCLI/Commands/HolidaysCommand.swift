import ArgumentParser
import Foundation
import RapportCore

struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "List a country's occasions (festivals, public holidays) in a year.",
        discussion: """
            With --account, the account's country, in the account's locale. Names are in \
            --locale, else the account's locale, else the country's main locale.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The country (ISO 3166 alpha-2, e.g. CN).", valueName: "code"))
    var country: String?

    @Option(help: ArgumentHelp("The account whose country calendar to show (needs the database).", valueName: "key"),
            completion: Completion.accountKey)
    var account: String?

    @Option(help: ArgumentHelp("The Gregorian year, 1901–2099 (default: this year).", valueName: "year"))
    var year: Int?

    @Option(help: "Output format: table, json or csv (default: table on a terminal, json otherwise).")
    var format: OutputFormat?

    @Option(help: ArgumentHelp("The locale of the names (e.g. zh-CN, en).", valueName: "locale"))
    var locale: String?

    func validate() throws {
        if (country == nil) == (account == nil) {
            throw ValidationError("give exactly one of --country CC or --account KEY")
        }
        if let year, !HolidayCalendar.supportedYears.contains(year) {
            throw ValidationError("--year must be within 1901–2099, got \(year)")
        }
    }

    func run() throws {
        try guarded {
            let config = try global.rapportConfig()
            let calendars = try global.holidayCalendar(config: config)
            // A calendar lookup reads no customer data: only --account opens the database
            // (and exits 66 when it is missing), so --country works without one.
            var code = country ?? ""
            var accountLocale: String?
            if let key = account {
                let db = try global.openDatabase()
                guard let found = try db.account(key: key) else { throw try db.unknownAccount(key) }
                code = found.country
                accountLocale = found.locale
            }
            let year = year ?? global.today(config: config).year
            let occasions = try calendars.occasions(country: code, year: year)
            let names = try locale ?? accountLocale ?? calendars.locale(country: code)
            try emit(occasions, locale: names)
        }
    }

    private struct Row: Encodable {
        let key: String
        let date: CivilDate
        let name: String
    }

    private func emit(_ occasions: [OccasionDate], locale: String) throws {
        let rows = occasions.map { Row(key: $0.key, date: $0.date, name: $0.name(locale: locale)) }
        switch format ?? Terminal.defaultFormat(table: .table, json: .json) {
        case .json:
            try Emit.json(rows)
        case .csv:
            try Emit.csv(header: ["key", "date", "name"], rows: rows.map { [$0.key, $0.date.description, $0.name] })
        case .table:
            var table = TextTable(["date", "day", "key", "name", "greeting", "gift"])
            for occasion in occasions {
                table.append([
                    occasion.date.description, Self.weekdays[occasion.date.weekday - 1], occasion.key,
                    occasion.name(locale: locale), occasion.isGreeting ? "yes" : Terminal.dim("no"),
                    occasion.isGift ? "yes" : "",
                ])
            }
            Emit.text(table.render())
        }
    }

    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
}
