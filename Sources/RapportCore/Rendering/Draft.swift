/// One message ready to send: one recipient, one reason of one agenda item.
public struct Draft: Hashable, Sendable {
    public var date: CivilDate
    /// The account owner, who sends it.
    public var rep: String
    public var account: String
    public var accountName: String
    /// The contact's key; nil when the draft is addressed to the account as a whole.
    public var contact: String?
    /// Display name of the recipient (the contact's name, else the account's).
    public var to: String
    /// Where to send it on `channel`: e-mail address, chat id or phone; nil when unknown.
    public var address: String?
    /// The contact's e-mail address, for `.eml` drafts whatever the channel.
    public var email: String?
    public var channel: Channel
    public var reason: ReasonKind
    /// holiday / gift: the occasion key.
    public var occasion: String?
    /// The variant the template chain used: occasion, event kind or collection level.
    public var variant: String?
    public var level: CollectionLevel?
    /// event / care: the event's title.
    public var event: String?
    /// The locale of the template used (and of the formatting).
    public var locale: String
    /// The template file used.
    public var template: String
    /// The template's subject line; for an e-mail whose template has none, the reason's
    /// default subject in the locale; empty for other channels.
    public var subject: String
    public var body: String
    /// The reason's default subject in the locale: what a `.eml` draft uses when
    /// `subject` is empty (a chat template written out as e-mail).
    public var defaultSubject: String = ""

    public init(
        date: CivilDate, rep: String, account: String, accountName: String, contact: String?, to: String,
        address: String?, email: String?, channel: Channel, reason: ReasonKind, occasion: String?,
        variant: String?, level: CollectionLevel?, event: String?, locale: String, template: String,
        subject: String, body: String, defaultSubject: String = ""
    ) {
        self.date = date
        self.rep = rep
        self.account = account
        self.accountName = accountName
        self.contact = contact
        self.to = to
        self.address = address
        self.email = email
        self.channel = channel
        self.reason = reason
        self.occasion = occasion
        self.variant = variant
        self.level = level
        self.event = event
        self.locale = locale
        self.template = template
        self.subject = subject
        self.body = body
        self.defaultSubject = defaultSubject
    }

    /// The kind of touch that sending this draft is: what `--mark-sent` logs, and what
    /// the agenda accepts as doing the reason.
    public var touchKind: TouchKind {
        switch reason {
        case .holiday, .event: return .greeting
        case .gift: return .gift
        case .care: return .care
        // A payer draft asks the decision-maker or finance contact for a visit: a check-in
        // with them, which is what closes the reason.
        case .checkin, .payer: return .checkin
        case .collection, .promise: return .collection
        }
    }

    /// The columns of `--format csv`, in order; JSON uses the same names.
    public static let columns = [
        "date", "rep", "account", "account_name", "contact", "to", "address", "channel", "reason",
        "occasion", "level", "event", "locale", "template", "subject", "body",
    ]

    public var cells: [String] {
        [
            date.description, rep, account, accountName, contact ?? "", to, address ?? "", channel.rawValue,
            reason.rawValue, occasion ?? "", level?.rawValue ?? "", event ?? "", locale, template, subject, body,
        ]
    }
}

extension Draft: Encodable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The JSON value of each column, in `columns` order; nil (`null`) where there is none
    /// (`contact` of an account-wide draft).
    public var jsonValues: [String?] {
        [
            date.description, rep, account, accountName, contact, to, address, channel.rawValue, reason.rawValue,
            occasion, level?.rawValue, event, locale, template, subject, body,
        ]
    }

    /// Every column, `null` where there is no value.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (column, value) in zip(Self.columns, jsonValues) {
            if let value { try container.encode(value, forKey: Key(column)) } else { try container.encodeNil(forKey: Key(column)) }
        }
    }
}
