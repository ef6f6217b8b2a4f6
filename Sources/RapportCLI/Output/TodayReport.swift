import RapportCore

/// The morning list as `today` prints it (also the end of `rapport demo`).
enum TodayReport {
    static func emit(
        db: any RapportStore, config: RapportConfig, occasions: any OccasionSource, date: CivilDate,
        rep: String?, limit: Int?, explain: Bool, format: OutputFormat
    ) throws {
        let items = try agendaItems(
            db: db, config: config, occasions: occasions, date: date, rep: rep)
        let cut = AgendaRanking.cut(items, limit: limit, config: config)
        defer { KeptUntilExit.keep((items, cut), items: items.count) }
        switch format {
        case .json:
            let out = BufferedOutput.standardOutput()
            var json = JSONText(capacity: BufferedOutput.chunk + (1 << 12))
            try AgendaOutput.writeJSON(cut.kept, explain: explain, to: &json, out: out)
            try out.write(&json)
            try out.flush()
            AgendaOutput.cutNote(cut).map { Terminal.note("rapport: " + $0) }
        case .csv:
            try Emit.csv(header: AgendaOutput.csvHeader, rows: cut.kept.lazy.flatMap(AgendaOutput.csvRows))
            AgendaOutput.cutNote(cut).map { Terminal.note("rapport: " + $0) }
        case .table:
            let who = rep.map { " for \($0)" } ?? ""
            Emit.text(Terminal.bold("Agenda\(who), \(date) (\(weekday(date)))") + " — \(cut.kept.count) item\(cut.kept.count == 1 ? "" : "s")")
            if cut.kept.isEmpty {
                Emit.text("Nothing to chase today.")
            } else {
                Emit.text(AgendaOutput.table(cut.kept, explain: explain).render())
            }
            AgendaOutput.cutNote(cut).map { Emit.text(Terminal.dim($0)) }
        }
    }
}
