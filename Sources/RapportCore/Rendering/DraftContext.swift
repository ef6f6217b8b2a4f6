import Foundation

/// Builds the values a template sees, under the names of `ContextSchema` (see
/// docs/drafts.md). Missing values are `NSNull` — they render empty and skip a section —
/// and only the names of the reason's shape are present.
enum DraftContext {
    struct Recipient {
        var name: String
        var salutation: String
        var title: String
    }

    static func recipient(contact: Contact?, accountName: String, locale: String, rules: SalutationRules) -> Recipient {
        if let contact {
            return Recipient(
                name: contact.name,
                salutation: Salutation.make(name: contact.name, title: contact.title, explicit: contact.salutation, rules: rules),
                title: contact.title ?? "")
        }
        // A draft to the account as a whole greets the company (its team, in English).
        let salutation = LocaleTag.language(locale) == "en" ? "\(accountName) team" : accountName
        return Recipient(name: accountName, salutation: salutation, title: "")
    }

    /// The rep's name, phone and e-mail on separate lines (those that are known).
    static func signature(_ rep: Rep) -> String {
        [rep.name, rep.phone, rep.email].compactMap { Recipients.nonEmpty($0) }.joined(separator: "\n")
    }

    static func value(_ text: String?) -> Any {
        guard let text, !text.isEmpty else { return NSNull() }
        return text
    }

    struct Inputs {
        var item: AgendaItem
        var reason: Reason
        var recipient: Recipient
        var rep: Rep
        var locale: String
        /// holiday / gift: the occasion's name in the locale.
        var occasionName: String?
        /// event / care: the title to show.
        var eventTitle: String?
    }

    static func make(_ inputs: Inputs) -> [String: Any] {
        let locale = inputs.locale
        let reason = inputs.reason
        let item = inputs.item
        var context: [String: Any] = [
            "contact": [
                "name": value(inputs.recipient.name), "salutation": value(inputs.recipient.salutation),
                "title": value(inputs.recipient.title),
            ] as [String: Any],
            "account": ["key": item.account, "name": value(item.accountName)] as [String: Any],
            "rep": [
                "name": value(inputs.rep.name), "phone": value(inputs.rep.phone), "email": value(inputs.rep.email),
                "signature": value(signature(inputs.rep)),
            ] as [String: Any],
            "days_since_touch": item.daysSinceTouch.map { $0 as Any } ?? NSNull(),
        ]
        let occasionDate = reason.occasionDate ?? reason.dueOn
        switch reason.kind {
        case .holiday, .gift:
            context["occasion"] = [
                "key": value(reason.occasion), "name": value(inputs.occasionName),
                "date": DateFormat.format(occasionDate, locale: locale),
            ] as [String: Any]
        case .event, .care:
            context["event"] = [
                "title": value(inputs.eventTitle), "date": DateFormat.format(occasionDate, locale: locale),
            ] as [String: Any]
        case .collection, .promise:
            context["invoices"] = reason.invoices.map { open -> [String: Any] in
                [
                    "number": open.invoice.number,
                    "amount": MoneyFormat.format(Money(minor: open.balance, currency: open.invoice.amount.currency), locale: locale),
                    "due_on": DateFormat.format(open.invoice.dueOn, locale: locale),
                    "days_overdue": open.daysOverdue,
                ]
            }
            var totals: [String: Int64] = [:]
            for open in reason.invoices { totals[open.invoice.amount.currency, default: 0] += open.balance }
            context["outstanding"] = totals.isEmpty ? NSNull() : MoneyFormat.formatTotals(totals, locale: locale)
            if reason.kind == .collection {
                context["level"] = value(reason.level?.rawValue)
            } else if let promise = reason.promise {
                context["promise"] = [
                    "promised_on": DateFormat.format(promise.promisedOn, locale: locale),
                    "amount": MoneyFormat.format(promise.amount, locale: locale),
                ] as [String: Any]
            } else {
                context["promise"] = NSNull()
            }
        case .payer:
            context["payer"] = reason.payer.map { trend -> Any in
                [
                    "prior_days": trend.priorWholeDays, "recent_days": trend.recentWholeDays,
                    "last_paid_on": DateFormat.format(trend.dueOn, locale: locale),
                ] as [String: Any]
            } ?? NSNull()
        case .checkin:
            break
        }
        return context
    }
}
