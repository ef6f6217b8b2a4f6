import RapportCore

// PROVISIONAL. The drafts command's two links to work on other branches; the lead
// replaces these bodies at merge:
// - `loadAgendaItems` with the agenda engine's `agendaItems(db:config:occasions:date:rep:)`;
// - `loadOccasionSource` with the YAML holiday calendar (occasion names per locale and
//   template names for holiday and gift drafts).
// Until then `rapport drafts` finds no items; everything after this point is real and
// tested on hand-built items.

/// The agenda items of `date` (for `rep` when given), ranked.
func loadAgendaItems(db: Database, config: RapportConfig, global: GlobalOptions, date: CivilDate, rep: String?) throws -> [AgendaItem] {
    try agendaItems(db: db, config: config, occasions: global.occasionSource(config: config), date: date, rep: rep)
}

/// The holiday calendar, for occasion names in the draft's locale; nil = names fall back to keys.
func loadOccasionSource(config: RapportConfig, global: GlobalOptions) throws -> (any OccasionSource)? {
    try global.occasionSource(config: config)
}
