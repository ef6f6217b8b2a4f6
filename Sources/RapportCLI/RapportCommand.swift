import ArgumentParser

/// The `rapport` command: its subcommands, one file each under Commands/.
public struct RapportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Whom to contact today, and why: a relationship-touch scheduler for B2B sales reps.",
        version: "0.1.0",
        subcommands: [
            InitCommand.self,
            DemoCommand.self,
            HolidaysCommand.self,
            ConfigCommand.self,
            DraftsCommand.self,
            TemplatesCommand.self,
            AuditCommand.self,
            PayersCommand.self,
            TodayCommand.self,
            AgendaCommand.self,
            SnoozeCommand.self,
            ImportCommand.self,
            ExportCommand.self,
            TouchCommand.self,
            TeamCommand.self,
        ]
    )

    public init() {}
}
