/// Validated rows, with references resolved to row ids: what the write pass stores. Text
/// borrows the bytes of the CSV record being written where it can (`BoundText.bytes`), so a
/// row costs no allocation; enumerations are kept as their raw text, which is what the
/// columns hold.

struct RepRow {
    var handle: BoundText
    var name: BoundText
    var email: BoundText?
    var phone: BoundText?
    var manager: BoundText?
}

struct AccountRow {
    var key: BoundText
    var name: BoundText
    var tier: BoundText
    var ownerID: Int64
    var country: BoundText
    var region: BoundText?
    var locale: BoundText?
    var createdOn: BoundText
    var status: BoundText
}

struct ContactRow {
    var key: BoundText
    var accountID: Int64
    var name: BoundText
    var salutation: BoundText?
    var title: BoundText?
    var role: BoundText?
    var status: BoundText
    var phone: BoundText?
    var email: BoundText?
    var chat: BoundText?
    var channel: BoundText?
    var locale: BoundText?
    /// Normalised `MM-DD` / `LMM-DD` (a given year is dropped).
    var birthday: BoundText?
    var birthdayCalendar: BoundText
}

struct EventRow {
    var accountID: Int64
    var contactID: Int64?
    var kind: BoundText
    var title: BoundText
    /// `YYYY-MM-DD`, or `MM-DD` / `LMM-DD` for the chinese calendar.
    var date: BoundText
    var calendar: BoundText
    var repeatRule: BoundText?
    var sensitive: Bool
}

struct TouchRow {
    var accountID: Int64
    var contactID: Int64?
    var repID: Int64
    var date: BoundText
    var channel: BoundText
    var kind: BoundText
    var note: BoundText?
}

struct InvoiceRow {
    var number: BoundText
    var accountID: Int64
    var issuedOn: BoundText
    var dueOn: BoundText
    var amount: Int64
    var currency: BoundText
}

struct PaymentRow {
    var invoiceID: Int64
    var paidOn: BoundText
    var amount: Int64
}

struct PromiseRow {
    var accountID: Int64
    var invoiceID: Int64?
    var promisedOn: BoundText
    var amount: Int64
    var currency: BoundText
}

struct SnoozeRow {
    var accountID: Int64
    var kind: BoundText
    var until: BoundText
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
