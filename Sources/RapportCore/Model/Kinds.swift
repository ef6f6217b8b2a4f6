/// The closed vocabularies of the data model. Raw values are what CSV files, the
/// database and JSON output use.

public enum AccountStatus: String, CaseIterable, Sendable, Codable { case active, dormant }

public enum ContactRole: String, CaseIterable, Sendable, Codable {
    case decisionMaker = "decision-maker"
    case finance, influencer, user
}

public enum ContactStatus: String, CaseIterable, Sendable, Codable { case current, former }

public enum EventKind: String, CaseIterable, Sendable, Codable {
    case anniversary, birthday, milestone, incident, custom
}

public enum CalendarKind: String, CaseIterable, Sendable, Codable { case gregorian, chinese }

public enum Repeat: String, CaseIterable, Sendable, Codable { case yearly, once }

public enum Channel: String, CaseIterable, Sendable, Codable {
    case call, visit, chat, sms, email, gift, other
}

public enum TouchKind: String, CaseIterable, Sendable, Codable {
    case checkin, greeting, gift, care, collection, visit, other
}

/// The reasons an account appears on the agenda (and the snooze kinds).
public enum ReasonKind: String, CaseIterable, Sendable, Codable {
    case checkin, holiday, gift, event, care, collection, promise, payer
}

/// The collection ladder, in escalating order.
public enum CollectionLevel: String, CaseIterable, Sendable, Codable, Comparable {
    case reminder, overdue, second, escalation, notice

    public static func < (a: CollectionLevel, b: CollectionLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
