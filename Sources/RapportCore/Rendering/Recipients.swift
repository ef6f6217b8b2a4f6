/// Who gets a draft for a reason, and on which channel (the spec's rules).
public enum Recipients {
    /// The recipients of `reason`, in contact order; `[nil]` = one draft to the account.
    /// `eventKind` is the kind of the event behind an event reason (a contact's birthday
    /// field counts as `.birthday`).
    ///
    /// - holiday, gift, event: current contacts and former influencers / decision-makers;
    ///   a birthday goes only to its person (other events go to everyone, even when they
    ///   name a contact).
    /// - care: the first current decision-maker (the spec's rule, whoever the event names).
    /// - collection, promise: the first current finance contact, else decision-maker.
    /// - checkin: the first current decision-maker, else the first current contact.
    /// - payer: the first current decision-maker, else finance contact (a visit request).
    public static func choose(for reason: Reason, among contacts: [Contact], eventKind: EventKind? = nil) -> [Contact?] {
        let current = contacts.filter { $0.status == .current }
        func first(_ role: ContactRole) -> Contact? { current.first { $0.role == role } }
        func named() -> Contact? { reason.contact.flatMap { key in contacts.first { $0.key == key } } }
        let chosen: [Contact]
        switch reason.kind {
        case .holiday, .gift:
            chosen = contacts.filter(\.keepsInfluence)
        case .event:
            if eventKind == .birthday, reason.contact != nil {
                chosen = named().map { [$0] } ?? []
            } else {
                chosen = contacts.filter(\.keepsInfluence)
            }
        case .care:
            chosen = first(.decisionMaker).map { [$0] } ?? []
        case .collection, .promise:
            chosen = (first(.finance) ?? first(.decisionMaker)).map { [$0] } ?? []
        case .checkin:
            chosen = (first(.decisionMaker) ?? current.first).map { [$0] } ?? []
        case .payer:
            chosen = (first(.decisionMaker) ?? first(.finance)).map { [$0] } ?? []
        }
        return chosen.isEmpty ? [nil] : chosen
    }

    /// The contact's preferred channel; without one, e-mail when there is an address,
    /// else chat, else SMS when there is a phone. A draft to the account is an e-mail.
    public static func channel(for contact: Contact?) -> Channel {
        guard let contact else { return .email }
        if let channel = contact.channel { return channel }
        if nonEmpty(contact.email) != nil { return .email }
        if nonEmpty(contact.chat) != nil { return .chat }
        if nonEmpty(contact.phone) != nil { return .sms }
        return .other
    }

    /// Where the draft goes on `channel`.
    public static func address(of contact: Contact?, on channel: Channel) -> String? {
        guard let contact else { return nil }
        switch channel {
        case .email: return nonEmpty(contact.email)
        case .chat: return nonEmpty(contact.chat)
        case .sms, .call: return nonEmpty(contact.phone)
        case .visit, .gift, .other: return nil
        }
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
    }
}
