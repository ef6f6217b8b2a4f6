import RapportCore

// The drafts command's two links to the rest of the program: the agenda engine's items
// of the day and the holiday calendar (occasion names per locale, template names for
// holiday and gift drafts).

/// The agenda items of `date` (for `rep` when given), ranked.
func loadAgendaItems(db: any RapportStore, config: RapportConfig, global: GlobalOptions, date: CivilDate, rep: String?) throws -> [AgendaItem] {
    try agendaItems(db: db, config: config, occasions: global.occasionSource(config: config), date: date, rep: rep)
}

/// The holiday calendar, for occasion names in the draft's locale; nil = names fall back to keys.
func loadOccasionSource(config: RapportConfig, global: GlobalOptions) throws -> (any OccasionSource)? {
    try global.occasionSource(config: config)
}
