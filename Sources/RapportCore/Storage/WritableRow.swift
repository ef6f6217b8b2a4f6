// The rows an import writes, described once for every backend: each table's columns in
// order, its conflict key, and the values of a row handed to a sink (a SQLite statement's
// parameters, a PostgreSQL COPY line, a fingerprint).

/// A text value to bind: bytes borrowed from the CSV record being written (bound without a
/// copy; valid until the next record), or a string of its own.
enum BoundText {
    case bytes(UnsafeBufferPointer<UInt8>)
    case string(String)

    var string: String {
        switch self {
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .string(let string): return string
        }
    }

    func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        switch self {
        case .bytes(let bytes): return try body(bytes)
        case .string(var string): return try string.withUTF8(body)
        }
    }
}

/// Receives a row's values in column order: a statement's parameters, or a fingerprint.
protocol RowValueSink {
    mutating func integer(_ value: Int64?) throws
    mutating func text(_ value: BoundText?) throws
}

/// A row of one table as the import writes it. `columns` and `emit` list the same columns
/// in the same order — they sit together below, one table each.
protocol WritableRow {
    static var table: String { get }
    /// Table columns, with the CSV column that fills each (nil: filled whatever the header).
    static var columns: [(name: String, csv: String?)] { get }
    /// The unique key an upsert goes by; nil for rows added unless an identical one exists.
    static var conflictKey: [String]? { get }
    /// For rows added unless identical: the index that finds a candidate twin quickest.
    static var lookupIndex: String? { get }
    /// For a keyed row: whether its key was already stored (found when the file was checked).
    var isStored: Bool { get }
    func emit<Sink: RowValueSink>(to sink: inout Sink) throws
}

extension WritableRow {
    static var conflictKey: [String]? { nil }
    static var lookupIndex: String? { nil }
    var isStored: Bool { false }
}

extension RepRow: WritableRow {
    static let table = "rep"
    static let columns: [(name: String, csv: String?)] = [
        ("handle", "handle"), ("name", "name"), ("email", "email"), ("phone", "phone"), ("manager", "manager"),
    ]
    static let conflictKey: [String]? = ["handle"]
    func emit<Sink: RowValueSink>(to sink: inout Sink) throws {
        try sink.text(handle); try sink.text(name); try sink.text(email); try sink.text(phone); try sink.text(manager)
    }
}

extension AccountRow: WritableRow {
    static let table = "account"
    static let columns: [(name: String, csv: String?)] = [
        ("key", "key"), ("name", "name"), ("tier", "tier"), ("owner_id", "owner"), ("country", "country"),
        ("region", "region"), ("locale", "locale"), ("created_on", "created_on"), ("status", "status"),
    ]
    static let conflictKey: [String]? = ["key"]
    func emit<Sink: RowValueSink>(to sink: inout Sink) throws {
        try sink.text(key); try sink.text(name); try sink.text(tier); try sink.integer(ownerID); try sink.text(country)
        try sink.text(region); try sink.text(locale); try sink.text(createdOn); try sink.text(status)
    }
}

extension ContactRow: WritableRow {
    static let table = "contact"
    static let columns: [(name: String, csv: String?)] = [
        ("key", "key"), ("account_id", "account"), ("name", "name"), ("salutation", "salutation"), ("title", "title"),
        ("role", "role"), ("status", "status"), ("phone", "phone"), ("email", "email"), ("chat", "chat"),
        ("channel", "channel"), ("locale", "locale"), ("birthday", "birthday"), ("birthday_calendar", "birthday_calendar"),
    ]
    static let conflictKey: [String]? = ["key"]
    func emit<Sink: RowValueSink>(to sink: inout Sink) throws {
        try sink.text(key); try sink.integer(accountID); try sink.text(name); try sink.text(salutation)
        try sink.text(title); try sink.text(role); try sink.text(status); try sink.text(phone); try sink.text(email)
        try sink.text(chat); try sink.text(channel); try sink.text(locale); try sink.text(birthday)
        try sink.text(birthdayCalendar)
    }
}

extension InvoiceRow: WritableRow {
    static let table = "invoice"
    static let columns: [(name: String, csv: String?)] = [
        ("number", "number"), ("account_id", "account"), ("issued_on", "issued_on"), ("due_on", "due_on"),
        ("amount", "amount"), ("currency", "currency"),
    ]
    static let conflictKey: [String]? = ["number"]
    func emit<Sink: RowValueSink>(to sink: inout Sink) throws {
        try sink.text(number); try sink.integer(accountID); try sink.text(issuedOn); try sink.text(dueOn)
        try sink.integer(amount); try sink.text(currency)
    }
}

extension SnoozeRow: WritableRow {
    static let table = "snooze"
    static let columns: [(name: String, csv: String?)] = [("account_id", "account"), ("kind", "kind"), ("until", "until")]
    static let conflictKey: [String]? = ["account_id", "kind"]
    func emit<Sink: RowValueSink>(to sink: inout Sink) throws {
        try sink.integer(accountID); try sink.text(kind); try sink.text(until)
    }
}

extension EventRow: WritableRow {
    static let table = "event"
    static let columns: [(name: String, csv: String?)] = [
        ("account_id", nil), ("contact_id", nil), ("kind", nil), ("title", nil), ("date", nil), ("calendar", nil),
        ("repeat", nil), ("sensitive", nil),
    ]
    static let lookupIndex: String? = "event_account"
    func emit<Sink: RowValueSink>(to sink: inout Sink) throws {
        try sink.integer(accountID); try sink.integer(contactID); try sink.text(kind); try sink.text(title)
        try sink.text(date); try sink.text(calendar); try sink.text(repeatRule); try sink.integer(sensitive ? 1 : 0)
    }
}

extension TouchRow: WritableRow {
    static let table = "touch"
    static let columns: [(name: String, csv: String?)] = [
        ("account_id", nil), ("contact_id", nil), ("rep_id", nil), ("date", nil), ("channel", nil), ("kind", nil),
        ("note", nil),
    ]
    // touch(rep_id, date) matches a dozen rows a day where (account_id, date) matches almost
    // none, and SQLite, without statistics, may pick the former.
    static let lookupIndex: String? = "touch_account_date"
    func emit<Sink: RowValueSink>(to sink: inout Sink) throws {
        try sink.integer(accountID); try sink.integer(contactID); try sink.integer(repID); try sink.text(date)
        try sink.text(channel); try sink.text(kind); try sink.text(note)
    }
}

extension PaymentRow: WritableRow {
    static let table = "payment"
    static let columns: [(name: String, csv: String?)] = [("invoice_id", nil), ("paid_on", nil), ("amount", nil)]
    static let lookupIndex: String? = "payment_invoice"
    func emit<Sink: RowValueSink>(to sink: inout Sink) throws {
        try sink.integer(invoiceID); try sink.text(paidOn); try sink.integer(amount)
    }
}

extension PromiseRow: WritableRow {
    static let table = "promise"
    static let columns: [(name: String, csv: String?)] = [
        ("account_id", nil), ("invoice_id", nil), ("promised_on", nil), ("amount", nil), ("currency", nil),
    ]
    static let lookupIndex: String? = "promise_account"
    func emit<Sink: RowValueSink>(to sink: inout Sink) throws {
        try sink.integer(accountID); try sink.integer(invoiceID); try sink.text(promisedOn); try sink.integer(amount)
        try sink.text(currency)
    }
}

