extension AgendaRules {
    /// The `payer` reason (SPEC "Payer behaviour"; the caller has applied the quiet period,
    /// which hides it like a collection reason): for an account of `payer.tiers` whose last
    /// 3 paid invoices were on average at least `payer.min_worsening_days` later than the 3
    /// before, due the day the last of them was paid off, until a visit or check-in touch
    /// with its decision-maker or finance contact on or after that day.
    static func payerReason(_ input: AgendaInput, context: AgendaContext) -> Reason? {
        let config = context.config
        guard input.paidOff.count >= 6, config.payerTiers.contains(input.account.tier),
              let trend = PayerTrend.worsened(input.paidOff, asOf: context.date, minWorsening: config.payerMinWorseningDays)
        else { return nil }
        if let touched = input.touches.lastPayerContact, touched >= trend.dueOn { return nil }
        var reason = Reason(kind: .payer, dueOn: trend.dueOn)
        reason.payer = trend
        return reason
    }
}
