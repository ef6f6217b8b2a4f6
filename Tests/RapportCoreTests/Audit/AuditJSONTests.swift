import Foundation
import Testing
@testable import RapportCore

/// The JSON object of SPEC "Command-line contract" for `rapport audit --format json`.
@Suite struct AuditJSONTests {
    typealias F = AuditFixtures
    let march = F.period("2025-03-01", "2025-03-31")

    func json(policy: AuditPolicy? = nil) throws -> [String: Any] {
        let input = AuditInput(
            reps: [Rep(handle: "ann", name: "Ann"), Rep(handle: "cy", name: "Cy")],
            accounts: [F.account("A1")],
            touches: [F.touch("A1", "2025-03-10")],
            invoices: [
                F.invoice("I1", issued: "2025-01-15", due: "2025-02-14", 12_345),
                F.invoice("J1", issued: "2025-02-01", due: "2025-04-30", 500, "JPY"),
            ])
        let data = Data(try F.report(input, march, policy: policy).json().utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func containsTheContractsKeysWithNullsSpelledOut() throws {
        let object = try json()
        #expect(object["policy"] == nil)  // only with rates
        let account = try #require((object["accounts"] as? [[String: Any]])?.first)
        #expect(account["account"] as? String == "A1")
        #expect(account["rep"] as? String == "ann")
        #expect(account["touches"] as? Int == 1)
        #expect(account["max_gap_days"] as? Int == 21)  // 03-10 → 03-31
        #expect(account["compliant"] as? Bool == true)
        #expect(account["gaps"] as? [Int] == [9, 21])
        #expect(account["days_since_touch"] as? Int == 21)
        #expect(account["promise_kept_rate"] is NSNull)

        let reps = try #require(object["reps"] as? [[String: Any]])
        #expect(reps.map { $0["rep"] as? String } == ["ann", "cy"])
        #expect(reps[0]["accounts"] as? Int == 1)
        #expect(reps[0]["touches"] as? Int == 1)
        #expect(reps[0]["compliance"] as? Double == 1)
        #expect(reps[1]["compliance"] is NSNull)  // owns no account: null, not absent

        let receivables = try #require(object["receivables"] as? [[String: Any]])
        #expect(receivables.map { $0["currency"] as? String } == ["CNY", "JPY"])
        let cny = receivables[0]
        #expect(cny["open"] as? Int == 12_345)  // minor units, an integer
        let aging = try #require(cny["aging"] as? [String: Int])
        #expect(aging == ["current": 0, "d1_30": 0, "d31_60": 12_345, "d61_90": 0, "d90_plus": 0])  // 02-14 → 03-31 = 45
        #expect(cny["dso"] is NSNull)  // no credit sales in March
        #expect(cny["cei"] as? Double == 0)
        let jpy = receivables[1]
        #expect(jpy["cei"] is NSNull)  // all current, nothing sold: denominator 0
    }

    @Test func policyAppearsWithRatesAsIntegers() throws {
        let object = try json(policy: AuditPolicy(penaltyRate: F.rate("0.001"), commissionRate: F.rate("0.03")))
        let policy = try #require(object["policy"] as? [[String: Any]])
        #expect(policy.map { "\($0["rep"] ?? "") \($0["currency"] ?? "")" } == ["ann CNY", "ann JPY", "cy CNY", "cy JPY"])
        // 12 345 fen past due all 31 days of March: 382 695 fen-days × 0.001 = 382.695 → 383.
        #expect(policy[0]["penalty"] as? Int == 383)
        #expect(policy[0]["commission"] as? Int == 0)
        #expect(object["rates"] as? [String: String] == ["penalty": "0.001", "commission": "0.03"])
    }
}
