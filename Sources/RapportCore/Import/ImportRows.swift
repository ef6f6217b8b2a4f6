/// Validated rows, with references resolved to row ids: what the write pass stores.
/// Enumerations are kept as their raw text, which is what the columns hold.

struct RepRow {
    var handle: String
    var name: String
    var email: String?
    var phone: String?
    var manager: String?
}

struct AccountRow {
    var key: String
    var name: String
    var tier: String
    var ownerID: Int64
    var country: String
    var region: String?
    var locale: String?
    var createdOn: String
    var status: String
}

struct ContactRow {
    var key: String
    var accountID: Int64
    var name: String
    var salutation: String?
    var title: String?
    var role: String?
    var status: String
    var phone: String?
    var email: String?
    var chat: String?
    var channel: String?
    var locale: String?
    /// Normalised `MM-DD` / `LMM-DD` (a given year is dropped).
    var birthday: String?
    var birthdayCalendar: String
}

struct EventRow {
    var accountID: Int64
    var contactID: Int64?
    var kind: String
    var title: String
    /// `YYYY-MM-DD`, or `MM-DD` / `LMM-DD` for the chinese calendar.
    var date: String
    var calendar: String
    var repeatRule: String?
    var sensitive: Bool
}

struct TouchRow {
    var accountID: Int64
    var contactID: Int64?
    var repID: Int64
    var date: String
    var channel: String
    var kind: String
    var note: String?
}

struct InvoiceRow {
    var number: String
    var accountID: Int64
    var issuedOn: String
    var dueOn: String
    var amount: Int64
    var currency: String
}

struct PaymentRow {
    var invoiceID: Int64
    var paidOn: String
    var amount: Int64
}

struct PromiseRow {
    var accountID: Int64
    var invoiceID: Int64?
    var promisedOn: String
    var amount: Int64
    var currency: String
}

struct SnoozeRow {
    var accountID: Int64
    var kind: String
    var until: String
}

/// A row id with what validation needs to know about the row.
struct ContactRef {
    var id: Int64
    var accountID: Int64
}

struct InvoiceRef {
    var id: Int64
    var accountID: Int64
    var currency: String
}

struct SnoozeKey: Hashable {
    var accountID: Int64
    var kind: String
}
