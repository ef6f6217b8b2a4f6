/// What a CSV file holds: the nine kinds of `rapport import KIND FILE.csv`, each with the
/// columns of the spec's CSV table.
public enum ImportKind: String, CaseIterable, Sendable {
    case reps, accounts, contacts, events, touches, invoices, payments, promises, snoozes

    public struct Column: Sendable, Equatable {
        public let name: String
        public let isRequired: Bool
    }

    /// The columns a header may name, in the spec's order.
    public var columns: [Column] {
        func required(_ names: String...) -> [Column] { names.map { Column(name: $0, isRequired: true) } }
        func optional(_ names: String...) -> [Column] { names.map { Column(name: $0, isRequired: false) } }
        switch self {
        case .reps:
            return required("handle", "name") + optional("email", "phone", "manager")
        case .accounts:
            return required("key", "name", "tier", "owner", "country") + optional("region", "locale")
                + required("created_on") + optional("status")
        case .contacts:
            return required("key", "account", "name")
                + optional("salutation", "title", "role", "status", "phone", "email", "chat", "channel", "locale",
                           "birthday", "birthday_calendar")
        case .events:
            return required("account") + optional("contact") + required("kind", "title", "date")
                + optional("calendar", "repeat", "sensitive")
        case .touches:
            return required("account") + optional("contact") + required("rep", "date", "channel", "kind")
                + optional("note")
        case .invoices:
            return required("number", "account", "issued_on", "due_on", "amount", "currency")
        case .payments:
            return required("invoice", "paid_on", "amount")
        case .promises:
            return required("account") + optional("invoice") + required("promised_on", "amount")
        case .snoozes:
            return required("account", "kind", "until")
        }
    }
}

/// The text encoding of a CSV file. Without one, a file that is valid UTF-8 is read as
/// UTF-8 and any other as GB18030 (what Chinese Excel and WPS write by default).
public enum ImportEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case gb18030
}
