import Foundation
import RapportCore

/// `today` and `agenda` as JSON through the streaming `JSONText` writer: the same bytes as
/// `Emit.json` over the `Item` values (keys in ascending order, optionals left out when
/// nil), without `JSONEncoder`'s intermediate tree — the all-reps day has 50 000–90 000
/// items — and written out as it is made, each item's `Item` made and dropped in turn.
extension AgendaOutput {
    /// `items` as a JSON array (a value of `json`'s open container, or the whole document),
    /// drained to `out` every `BufferedOutput.chunk`.
    static func writeJSON(_ items: [AgendaItem], explain: Bool, to json: inout JSONText, out: BufferedOutput) throws {
        json.beginArray()
        for item in items {
            write(Self.json(item, explain: explain), to: &json)
            try out.writeIfFull(&json)
        }
        json.endArray()
    }

    static func write(_ item: Item, to out: inout JSONText) {
        out.beginObject()
        out.key("account"); out.string(item.account)
        out.key("account_name"); out.string(item.accountName)
        if let person = item.contact {
            out.key("contact"); out.beginObject()
            if let address = person.address { out.key("address"); out.string(address) }
            if let channel = person.channel { out.key("channel"); out.string(channel) }
            out.key("key"); out.string(person.key)
            out.key("name"); out.string(person.name)
            if let role = person.role { out.key("role"); out.string(role) }
            out.endObject()
        }
        out.key("date"); out.date(item.date)
        if let days = item.daysSinceTouch { out.key("days_since_touch"); out.int(days) }
        out.key("priority"); out.int(item.priority)
        out.key("reasons"); out.beginArray()
        for why in item.reasons { write(why, to: &out) }
        out.endArray()
        out.key("rep"); out.string(item.rep)
        if let score = item.score {
            out.key("score"); out.beginObject()
            out.key("care"); out.int(score.care)
            out.key("checkin"); out.int(score.checkin)
            out.key("due_today"); out.int(score.dueToday)
            out.key("money"); out.int(score.money)
            out.key("payer"); out.int(score.payer)
            out.key("total"); out.int(score.total)
            out.endObject()
        }
        out.key("tier"); out.string(item.tier)
        out.endObject()
    }

    private static func write(_ why: Why, to out: inout JSONText) {
        out.beginObject()
        if let days = why.cadenceDays { out.key("cadence_days"); out.int(days) }
        if let contact = why.contact { out.key("contact"); out.string(contact) }
        out.key("due_on"); out.date(why.dueOn)
        if let invoices = why.invoices {
            out.key("invoices"); out.beginArray()
            for owed in invoices {
                out.beginObject()
                out.key("balance"); out.int(owed.balance)
                out.key("currency"); out.string(owed.currency)
                out.key("days_overdue"); out.int(owed.daysOverdue)
                out.key("due_on"); out.date(owed.dueOn)
                out.key("number"); out.string(owed.number)
                out.endObject()
            }
            out.endArray()
        }
        out.key("kind"); out.string(why.kind)
        if let level = why.level { out.key("level"); out.string(level) }
        if let occasion = why.occasion { out.key("occasion"); out.string(occasion) }
        if let date = why.occasionDate { out.key("occasion_date"); out.date(date) }
        if let slip = why.payer {
            out.key("payer"); out.beginObject()
            out.key("avg_days_beyond"); out.double(slip.avgDaysBeyond)
            out.key("invoices"); out.beginArray()
            for paid in slip.invoices {
                out.beginObject()
                out.key("days_beyond"); out.int(paid.daysBeyond)
                out.key("due_on"); out.date(paid.dueOn)
                out.key("number"); out.string(paid.number)
                out.key("paid_off_on"); out.date(paid.paidOffOn)
                out.endObject()
            }
            out.endArray()
            out.key("prior_avg_days_beyond"); out.double(slip.priorAvgDaysBeyond)
            out.key("worsening_days"); out.double(slip.worseningDays)
            out.endObject()
        }
        if let date = why.promisedOn { out.key("promised_on"); out.date(date) }
        out.key("text"); out.string(why.text)
        if let title = why.title { out.key("title"); out.string(title) }
        out.endObject()
    }
}
