extension AgendaRules {
    /// Holiday and gift reasons from the occasions of the account's country.
    ///
    /// holiday: D in [occasion − lead, occasion] for a greeting occasion that greets the
    /// tier; done by a greeting, gift or visit in [occasion − lead, D].
    /// gift: D in [occasion − gift lead, occasion − lead − 1] for a gift occasion of the
    /// tier; done by a gift or visit in [occasion − gift lead, D].
    static func occasionReasons(_ input: AgendaInput, context: AgendaContext) throws -> [Reason] {
        let date = context.date
        let tier = input.account.tier
        var reasons: [Reason] = []
        let locale = input.account.locale ?? context.config.defaultLocale
        for occasion in try context.occasions(country: input.account.country) {
            let greetingStart = occasion.date.adding(days: -occasion.greetingLead)
            if occasion.isGreeting, occasion.greetedTiers?.contains(tier) ?? true,
               date >= greetingStart, date <= occasion.date,
               !input.touches.has(greetingKinds, from: greetingStart, through: date) {
                var reason = Reason(kind: .holiday, dueOn: occasion.date, occasion: occasion.key, occasionDate: occasion.date)
                reason.occasionName = context.name(of: occasion, country: input.account.country, locale: locale)
                reasons.append(reason)
            }
            let giftStart = occasion.date.adding(days: -occasion.giftLead)
            let giftEnd = occasion.date.adding(days: -occasion.greetingLead - 1)
            if occasion.isGift, (occasion.giftTiers ?? context.config.giftTiers).contains(tier),
               date >= giftStart, date <= giftEnd,
               !input.touches.has(giftKinds, from: giftStart, through: date) {
                var reason = Reason(kind: .gift, dueOn: giftEnd, occasion: occasion.key, occasionDate: occasion.date)
                reason.occasionName = context.name(of: occasion, country: input.account.country, locale: locale)
                reasons.append(reason)
            }
        }
        return reasons
    }

    static let greetingKinds: Set<TouchKind> = [.greeting, .gift, .visit]
    static let giftKinds: Set<TouchKind> = [.gift, .visit]
}
