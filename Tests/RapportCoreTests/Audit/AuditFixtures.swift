@testable import RapportCore

/// Terse builders for hand-computed audit scenarios. Dates are written out in full in
/// every test so the arithmetic in its comments can be checked against a calendar.
enum AuditFixtures {
    static func date(_ text: String) -> CivilDate {
        guard let date = CivilDate(text) else { fatalError("bad test date \(text)") }
        return date
    }

    static func period(_ from: String, _ to: String) -> AuditPeriod {
        do { return try AuditPeriod(from: date(from), to: date(to)) } catch { fatalError("\(error)") }
    }

    static func account(
        _ key: String, owner: String = "ann", tier: String = "B", created: String = "2024-01-01",
        cadence: Int? = nil
    ) -> Account {
        Account(key: key, name: "\(key) Ltd", tier: tier, owner: owner, country: "CN", createdOn: date(created), cadenceDays: cadence)
    }

    static func touch(_ account: String, _ day: String, rep: String = "ann", kind: TouchKind = .checkin) -> Touch {
        Touch(account: account, rep: rep, date: date(day), channel: .call, kind: kind)
    }

    static func invoice(
        _ number: String, account: String = "A1", issued: String, due: String, _ minor: Int64, _ currency: String = "CNY"
    ) -> Invoice {
        Invoice(number: number, account: account, issuedOn: date(issued), dueOn: date(due), amount: Money(minor: minor, currency: currency))
    }

    static func payment(_ invoice: String, _ day: String, _ minor: Int64) -> Payment {
        Payment(invoice: invoice, paidOn: date(day), amount: minor)
    }

    static func rate(_ text: String) -> DecimalRate {
        guard let rate = DecimalRate(text) else { fatalError("bad test rate \(text)") }
        return rate
    }

    static func report(_ input: AuditInput, _ period: AuditPeriod, policy: AuditPolicy? = nil) throws -> AuditReport {
        try AuditReport.compute(input, period: period, config: RapportConfig(), policy: policy)
    }
}
