import ArgumentParser
import Foundation
import RapportCore

/// `rapport config …`: the config folder's own commands.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Work with the config folder.", subcommands: [ConfigCheckCommand.self])
}

struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate rapport.yaml and every holiday calendar file (shipped and yours).",
        discussion: "Reports every problem as FILE:LINE: …; exits 65 when there is any.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try guarded {
            // Checks files only: no database is opened, so it works before `rapport init`.
            var problems: [String] = []
            var config = RapportConfig()
            do {
                config = try global.rapportConfig()
            } catch let error as RapportError {
                problems += error.message.split(separator: "\n").map(String.init)
            }
            let calendars = try global.holidayCalendar(config: config)
            problems += misnamedCalendarFiles()
            problems += calendars.problems()
            if !problems.isEmpty {
                problems.forEach(Terminal.note)
                throw RapportError.data("\(problems.count) problem\(problems.count == 1 ? "" : "s") in the config")
            }
            let folders = [ShippedResources.configDirectory, global.userConfigDirectory].compactMap { $0?.path }
            Emit.text("config OK: \(folders.joined(separator: ", ")); calendars: \(calendars.countries.joined(separator: ", "))")
        }
    }

    /// YAML files in a holidays folder that are not named `CC.yaml` would be silently ignored.
    private func misnamedCalendarFiles() -> [String] {
        var problems: [String] = []
        for directory in [ShippedResources.configDirectory, global.userConfigDirectory].compactMap({ $0 }) {
            let folder = directory.appendingPathComponent("holidays")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
                && HolidayCalendar.countryCode(fileName: name) == nil {
                problems.append("\(folder.appendingPathComponent(name).path):1: not a calendar file name: expected CC.yaml (an ISO 3166 country code)")
            }
        }
        return problems
    }
}
