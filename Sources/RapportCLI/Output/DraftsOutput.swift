import RapportCore

/// `rapport drafts` printed (no --out): JSON, CSV or the text blocks, each draft written as
/// it comes instead of the whole output made first (an all-reps day is 50 MB of JSON).
enum DraftsOutput {
    /// The columns' places in sorted key order.
    private static let keyOrder = Draft.columns.indices.sorted { Draft.columns[$0] < Draft.columns[$1] }

    /// The JSON of `Emit.json(drafts)` (every column, `null` where there is no value, keys
    /// sorted), written with `JSONText`.
    static func writeJSON(_ drafts: [Draft], to out: BufferedOutput) throws {
        var json = JSONText(capacity: BufferedOutput.chunk + (1 << 12))
        json.beginArray()
        for draft in drafts {
            let values = draft.jsonValues
            json.beginObject()
            for column in keyOrder {
                json.key(Draft.columns[column])
                json.string(values[column])
            }
            json.endObject()
            try out.writeIfFull(&json)
        }
        json.endArray()
        try out.write(&json)
        try out.flush()
    }

    /// The text blocks, a blank line between two; what was printed as one string (the
    /// blocks joined, the last character dropped, a newline added).
    static func writeText(_ drafts: [Draft], to out: BufferedOutput) throws {
        for (index, draft) in drafts.enumerated() {
            let block = DraftText.render(draft)
            if index < drafts.count - 1 {
                try out.line(block)
            } else {
                // (The last character, not the last byte: a body ending in CR drops "\r\n".)
                try out.line(String(block.dropLast()))
            }
        }
        try out.flush()
    }
}
