import Foundation
import RapportCore

extension GlobalOptions {
    /// `rapport.yaml` of the config folder in force (defaults when it has none).
    func rapportConfig() throws -> RapportConfig {
        try RapportConfig.load(directory: configDirectory)
    }

    /// The user's config folder when it is not the shipped one.
    var userConfigDirectory: URL? {
        guard let directory = configDirectory else { return nil }
        let shipped = ShippedResources.configDirectory?.standardizedFileURL.path
        return directory.standardizedFileURL.path == shipped ? nil : directory
    }

    /// The holiday calendars: the shipped files, with the user's config folder over them.
    func holidayCalendar(config: RapportConfig) throws -> HolidayCalendar {
        try HolidayCalendar.load(shipped: ShippedResources.configDirectory, user: userConfigDirectory, config: config)
    }

    /// Occasions for the agenda and drafts: uncovered countries and years have none.
    func occasionSource(config: RapportConfig) throws -> any OccasionSource {
        AgendaOccasions(calendar: try holidayCalendar(config: config))
    }

    /// Today in the configured time zone (or `--date`).
    func today(config: RapportConfig) -> CivilDate {
        today(timeZone: config.zone)
    }
}

extension RapportConfig {
    /// The configured time zone (validated when the config loads), else the machine's.
    var zone: TimeZone { timeZone.flatMap(TimeZone.init(identifier:)) ?? .current }
}
