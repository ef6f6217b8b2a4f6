import RapportCore

/// `rapport agenda`'s output, written a day at a time as `forEachAgendaDay` hands the days
/// over, so a week over all reps never holds more than a day's items and a chunk of text:
/// the bytes are those of the whole range rendered at once (a JSON array of
/// `{"date", "items"}`, CSV rows under one header, one VCALENDAR, the day tables in turn).
/// The opening (`[`, the header, BEGIN:VCALENDAR) is written with the first day, so an
/// error before it leaves standard output empty.
struct AgendaStream {
    let format: AgendaCommand.Format
    let out: BufferedOutput
    /// DTSTAMP of every event: the export time, taken once.
    let stamp: String
    private var json = JSONText(capacity: BufferedOutput.chunk + (1 << 12))
    private var begun = false

    init(format: AgendaCommand.Format, out: BufferedOutput, stamp: String) {
        self.format = format
        self.out = out
        self.stamp = stamp
    }

    /// One day's kept items (and, in the table, its capacity note).
    mutating func write(_ date: CivilDate, _ cut: AgendaCut) throws {
        try begin()
        switch format {
        case .json:
            json.beginObject()
            json.key("date")
            json.date(date)
            json.key("items")
            try AgendaOutput.writeJSON(cut.kept, explain: false, to: &json, out: out)
            json.endObject()
        case .csv:
            for item in cut.kept {
                for row in AgendaOutput.csvRows(item) { try out.csvRow(row) }
            }
        case .ics:
            for item in cut.kept { try out.write(ICalendar.vevent(AgendaOutput.calendarEvent(item), stamp: stamp)) }
        case .table:
            try out.line(Terminal.bold("\(date) (\(weekday(date)))") + " — \(cut.kept.count) item\(cut.kept.count == 1 ? "" : "s")")
            if !cut.kept.isEmpty { try out.line(AgendaOutput.table(cut.kept, explain: false).render()) }
            if let note = AgendaOutput.cutNote(cut) { try out.line(Terminal.dim(note)) }
            try out.line("")
        }
    }

    /// The closing, then everything still buffered.
    mutating func finish() throws {
        try begin()
        switch format {
        case .json:
            json.endArray()
            try out.write(&json)
        case .ics:
            try out.write(ICalendar.footer)
        case .csv, .table:
            break
        }
        try out.flush()
    }

    private mutating func begin() throws {
        guard !begun else { return }
        begun = true
        switch format {
        case .json: json.beginArray()
        case .csv: try out.csvRow(AgendaOutput.csvHeader)
        case .ics: try out.write(ICalendar.header)
        case .table: break
        }
    }
}
