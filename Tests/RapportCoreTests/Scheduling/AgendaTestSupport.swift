import Testing
@testable import RapportCore

/// Builders for the agenda rule tests: plain values, a fixed occasion list.

func day(_ text: String) -> CivilDate {
    guard let date = CivilDate(text) else { fatalError("bad test date \(text)") }
    return date
}

/// Occasions set by hand, the same every year they are listed for.
struct FixedOccasions: OccasionSource {
    var byCountry: [String: [OccasionDate]]
    func occasions(country: String, year: Int) throws -> [OccasionDate] {
        (byCountry[country] ?? []).filter { $0.date.year == year }
    }
}

let noOccasions = FixedOccasions(byCountry: [:])

func account(
    _ key: String = "HD-MACH", tier: String = "B", owner: String = "wang", country: String = "CN",
    created: String = "2020-01-01", status: AccountStatus = .active, cadence: Int? = nil
) -> Account {
    Account(key: key, name: "Account \(key)", tier: tier, owner: owner, country: country, createdOn: day(created), status: status, cadenceDays: cadence)
}

func touch(_ date: String, _ kind: TouchKind, account: String = "HD-MACH") -> Touch {
    Touch(account: account, rep: "wang", date: day(date), channel: kind == .visit ? .visit : .call, kind: kind)
}

func invoice(_ number: String, due: String, amount: Int64 = 100_000_00, issued: String = "2020-01-01", account: String = "HD-MACH") -> Invoice {
    Invoice(number: number, account: account, issuedOn: day(issued), dueOn: day(due), amount: Money(minor: amount, currency: "CNY"))
}

/// The agenda item of one account on `date`, from whole histories (as-of rule applied).
func agenda(
    _ account: Account, on date: String, contacts: [Contact] = [], events: [Event] = [], touches: [Touch] = [],
    invoices: [Invoice] = [], payments: [Payment] = [], promises: [Promise] = [], snoozes: [Snooze] = [],
    occasions: any OccasionSource = noOccasions, config: RapportConfig = RapportConfig()
) throws -> AgendaItem? {
    let d = day(date)
    let input = AgendaInput(
        account: account, contacts: contacts, events: events, touches: touches, invoices: invoices, payments: payments,
        promises: promises, snoozes: snoozes, asOf: d)
    return try AgendaRules.items(for: [input], context: AgendaContext(date: d, config: config, occasions: occasions)).first
}

/// The reasons of `kind` on that day (empty when the account has no item).
func reasons(_ kind: ReasonKind, _ item: AgendaItem?) -> [Reason] {
    item?.reasons.filter { $0.kind == kind } ?? []
}

