import ArgumentParser
import Foundation
import RapportCore

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates", abstract: "Work with draft templates.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Lint every shipped and user template against the draft context (exit 65 on problems).")

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("Your template folder (default: the config's `templates`).", valueName: "dir"))
        var templates: String?

        func run() throws {
            try guarded {
                let config = try RapportConfig.load(directory: global.configDirectory)
                // The contract: every command but init and demo needs the database.
                _ = try global.openDatabase()
                let user = templates.map { URL(fileURLWithPath: $0) }
                    ?? config.userTemplatesFolder(configDirectory: global.configDirectory)
                let library = try TemplateLibrary(user: user, shipped: ShippedResources.templatesDirectory)
                let result = library.check()
                for problem in result.problems { Terminal.note(problem) }
                let folders = library.folders.map(\.url.path).joined(separator: ", ")
                if result.problems.isEmpty {
                    Emit.text("checked \(result.checked) templates in \(folders): no problems")
                } else {
                    Terminal.note("checked \(result.checked) templates in \(folders): \(result.problems.count) problem\(result.problems.count == 1 ? "" : "s")")
                    throw ExitCode(RapportError.Code.dataError.rawValue)
                }
            }
        }
    }
}
