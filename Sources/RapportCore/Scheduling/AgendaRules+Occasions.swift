extension AgendaRules {
    /// Holiday and gift reasons from the occasions of the account's country.
    ///
    /// holiday: D in [occasion − lead, occasion] for a greeting occasion that greets the
    /// tier; done by a greeting, gift or visit in [occasion − lead, D].
    /// gift: D in [occasion − gift lead, occasion − lead − 1] for a gift occasion of the
    /// tier; done by a gift or visit in [occasion − gift lead, D].
    static func occasionReasons(_ input: AgendaInput, context: AgendaContext, into reasons: inout [Reason]) throws {
        // Only the occasions with a window open on D can give a reason (most days: none).
        let open = try context.openOccasions(country: input.account.country)
        guard !open.isEmpty else { return }
        let date = context.date
        let tier = input.account.tier
        let locale = input.account.locale ?? context.config.defaultLocale
        for window in open {
            if window.greeting, window.occasion.greetedTiers?.contains(tier) ?? true,
               !input.touches.has(greetingKinds, from: window.greetingStart, through: date) {
                var reason = Reason(
                    kind: .holiday, dueOn: window.occasion.date, occasion: window.occasion.key, occasionDate: window.occasion.date)
                reason.occasionName = context.name(of: window, locale: locale)
                reasons.append(reason)
            }
            if window.gift, window.giftTiers.contains(tier),
               !input.touches.has(giftKinds, from: window.giftStart, through: date) {
                var reason = Reason(kind: .gift, dueOn: window.giftEnd, occasion: window.occasion.key, occasionDate: window.occasion.date)
                reason.occasionName = context.name(of: window, locale: locale)
                reasons.append(reason)
            }
        }
    }

    static let greetingKinds: Set<TouchKind> = [.greeting, .gift, .visit]
    static let giftKinds: Set<TouchKind> = [.gift, .visit]
}
