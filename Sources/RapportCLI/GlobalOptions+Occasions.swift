import RapportCore

// PROVISIONAL (agenda branch): the lead wires the YAML holiday calendar here at merge.
// Until then the agenda sees no holidays or gift occasions.

extension GlobalOptions {
    /// The occasions for the agenda: the holiday calendar of the config folder.
    func occasionSource(config: RapportConfig) throws -> any OccasionSource {
        EmptyOccasions()
    }
}

/// No occasions at all.
struct EmptyOccasions: OccasionSource {
    func occasions(country: String, year: Int) throws -> [OccasionDate] { [] }
}
