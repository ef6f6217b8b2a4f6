extension AgendaRules {
    /// Event reasons (birthdays and non-sensitive events, in their lead window) and care
    /// reasons (sensitive events, [occurrence, occurrence + care days]).
    static func eventReasons(_ input: AgendaInput, context: AgendaContext, into reasons: inout [Reason]) {
        let date = context.date
        let config = context.config

        // Birthdays of the people who keep relationship value: current contacts, and former
        // ones who decided or influenced.
        for contact in input.contacts where contact.keepsInfluence {
            guard let birthday = contact.birthday else { continue }
            for occurrence in context.occurrences(of: birthday) {
                if let dueOn = greetingWindow(occurrence, lead: config.birthdayLead, input: input, date: date) {
                    var reason = Reason(kind: .event, dueOn: dueOn, occasionDate: occurrence, title: "birthday", contact: contact.key)
                    reason.contactName = contact.name
                    reasons.append(reason)
                }
            }
        }

        for event in input.events {
            if event.sensitive {
                for occurrence in context.occurrences(of: event) {
                    let end = occurrence.adding(days: config.careDays)
                    guard date >= occurrence, date <= end,
                          !input.touches.has(careKinds, from: occurrence, through: date) else { continue }
                    var reason = Reason(kind: .care, dueOn: end, occasionDate: occurrence, title: event.title, contact: event.contact)
                    reason.contactName = name(of: event.contact, in: input)
                    reasons.append(reason)
                }
                continue
            }
            // A birthday event of a former contact follows the birthday rule for people.
            if event.kind == .birthday, let key = event.contact, let person = input.contacts.first(where: { $0.key == key }),
               !person.keepsInfluence {
                continue
            }
            let lead = event.kind == .birthday ? config.birthdayLead : config.eventLead
            for occurrence in context.occurrences(of: event) {
                if let dueOn = greetingWindow(occurrence, lead: lead, input: input, date: date) {
                    var reason = Reason(kind: .event, dueOn: dueOn, occasionDate: occurrence, title: event.title, contact: event.contact)
                    reason.contactName = name(of: event.contact, in: input)
                    reasons.append(reason)
                }
            }
        }
    }

    /// The due date of an event reason when D is in [occurrence − lead, occurrence] and no
    /// greeting, gift, care or visit has been logged in that window yet.
    private static func greetingWindow(_ occurrence: CivilDate, lead: Int, input: AgendaInput, date: CivilDate) -> CivilDate? {
        let start = occurrence.adding(days: -lead)
        guard date >= start, date <= occurrence, !input.touches.has(eventKinds, from: start, through: date) else { return nil }
        return occurrence
    }

    private static func name(of contact: String?, in input: AgendaInput) -> String? {
        contact.flatMap { key in input.contacts.first { $0.key == key }?.name }
    }

    /// No money talk in [occurrence, occurrence + quiet days] of any sensitive event.
    static func inQuietPeriod(_ input: AgendaInput, context: AgendaContext) -> Bool {
        let date = context.date
        return input.events.contains { event in
            event.sensitive && context.occurrences(of: event).contains {
                date >= $0 && date <= $0.adding(days: context.config.quietDays)
            }
        }
    }

    static let eventKinds: Set<TouchKind> = [.greeting, .gift, .care, .visit]
    static let careKinds: Set<TouchKind> = [.care, .visit]
}
