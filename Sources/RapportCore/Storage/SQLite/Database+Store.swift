/// A SQLite file as a `RapportStore`: one user, who owns everything in it.
extension Database: RapportStore {
    public var location: String { path }

    public var access: TeamAccess { .owner }

    public func forEachAgendaDay(
        config: RapportConfig, occasions: any OccasionSource, from: CivilDate, through: CivilDate, rep: String?,
        _ body: (AgendaDay) throws -> Void
    ) throws {
        try RapportCore.forEachAgendaDay(
            db: self, config: config, occasions: occasions, from: from, through: through, rep: rep, splitFrom: 8_192, body)
    }

    public func recordTouch(_ entry: TouchLog.Entry) throws -> TouchLog.Result {
        try TouchLog(store: self).record(entry)
    }

    public func importFile(
        kind: ImportKind, path: String, encoding: ImportEncoding?, sheet: String?, config: RapportConfig,
        progress: ((ImportProgress) -> Void)?
    ) throws -> ImportSummary {
        try Importer(target: self, config: config).importFile(kind: kind, path: path, encoding: encoding, sheet: sheet, progress: progress)
    }
}
