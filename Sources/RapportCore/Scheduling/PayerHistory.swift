/// What the `payer` reason needs of one account over a range of days [from, through]
/// (`AgendaHistory.payer`): plain values any storage loader can fill.
public struct PayerHistory: Sendable, Hashable {
    /// Invoices paid off by the last day: at least the last 6 paid off before `from`
    /// (`PaidInvoice.paidEarlier`) and every one paid off in [from, through]. Order free.
    public var paidOff: [PaidInvoice]
    /// Dates of the touches that close a payer reason (`TouchSummary.payerTouchKinds`
    /// with a contact of `payerContactRoles`): at least the last before `from` and every
    /// one in [from, through]. Order free.
    public var contactTouches: [CivilDate]

    public init(paidOff: [PaidInvoice] = [], contactTouches: [CivilDate] = []) {
        self.paidOff = paidOff
        self.contactTouches = contactTouches
    }

    /// The part of the history that exists on `date`: the paid-off invoices and the last
    /// closing touch on or before it.
    func asOf(_ date: CivilDate) -> (paidOff: [PaidInvoice], lastContact: CivilDate?) {
        let known = paidOff.allSatisfy { $0.paidOffOn <= date } ? paidOff : paidOff.filter { $0.paidOffOn <= date }
        return (known, contactTouches.filter { $0 <= date }.max())
    }
}
