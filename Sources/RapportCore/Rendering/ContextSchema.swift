/// The names a template may use, per reason kind: what `templates check` lints against
/// and what a draft's context is built to match. A name outside it is an error, never a
/// silent blank.
public indirect enum ContextShape: Sendable, Equatable {
    /// Text or a number.
    case value
    case object([String: ContextShape])
    /// A list whose elements have this shape (`invoices`).
    case list(ContextShape)
}

public enum ContextSchema {
    static let contact = ContextShape.object(["name": .value, "salutation": .value, "title": .value])
    static let account = ContextShape.object(["key": .value, "name": .value])
    static let rep = ContextShape.object(["name": .value, "phone": .value, "email": .value, "signature": .value])
    static let occasion = ContextShape.object(["key": .value, "name": .value, "date": .value])
    static let event = ContextShape.object(["title": .value, "date": .value])
    static let invoice = ContextShape.object([
        "number": .value, "amount": .value, "due_on": .value, "days_overdue": .value,
    ])
    static let promise = ContextShape.object(["promised_on": .value, "amount": .value])
    /// payer: the average days beyond terms of the 3 earlier and the 3 later paid
    /// invoices (whole days) and the day the last was paid off — for the user's own
    /// templates; the shipped ones ask for a visit and never mention money.
    static let payer = ContextShape.object(["prior_days": .value, "recent_days": .value, "last_paid_on": .value])

    /// The context of a draft for `reason`: the common names plus those of the reason.
    public static func shape(for reason: ReasonKind) -> ContextShape {
        var fields: [String: ContextShape] = [
            "contact": contact, "account": account, "rep": rep, "days_since_touch": .value,
        ]
        switch reason {
        case .holiday, .gift:
            fields["occasion"] = occasion
        case .event, .care:
            fields["event"] = event
        case .collection:
            fields["invoices"] = .list(invoice)
            fields["outstanding"] = .value
            fields["level"] = .value
        case .promise:
            fields["invoices"] = .list(invoice)
            fields["outstanding"] = .value
            fields["promise"] = promise
        case .payer:
            fields["payer"] = payer
        case .checkin:
            break
        }
        return .object(fields)
    }

    /// Every dotted path under a shape (`contact.name`, `invoices`, …), for suggestions.
    static func paths(_ shape: ContextShape, prefix: String = "") -> [String] {
        guard case .object(let fields) = shape else { return [] }
        var out: [String] = []
        for (name, child) in fields {
            let path = prefix.isEmpty ? name : prefix + "." + name
            out.append(path)
            if case .object = child { out += paths(child, prefix: path) }
        }
        return out.sorted()
    }
}
