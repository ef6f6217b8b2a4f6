import Foundation
import Testing
@testable import RapportCore

/// The audit's payer part, hand-computed: the same figures as `rapport payers` as of the
/// period's end, per rep the share of accounts whose payment slipped, quarters for the chart.
@Suite struct PayerAuditTests {
    typealias F = AuditFixtures
    // To 2025-03-31: the last year is [2024-04-01, 2025-03-31], the year before [2023-04-02, 2024-03-31].
    let quarter = F.period("2025-01-01", "2025-03-31")

    /// A1 (ann) paid on time the year before and 25, 29, 30 days late since: +28.0.
    /// A2 (ann) 2 days late in both years: +0. A3 (cy) has nothing due the year before.
    func input() -> AuditInput {
        AuditInput(
            reps: [Rep(handle: "ann", name: "Ann"), Rep(handle: "cy", name: "Cy"), Rep(handle: "dee", name: "Dee")],
            accounts: [F.account("A1", created: "2023-01-01"), F.account("A2", created: "2023-01-01"), F.account("A3", owner: "cy")],
            invoices: [
                F.invoice("P-1", issued: "2023-05-01", due: "2023-06-01", 1_000),
                F.invoice("P-2", issued: "2023-08-01", due: "2023-09-01", 1_000),
                F.invoice("P-4", issued: "2024-05-01", due: "2024-06-01", 1_000),
                F.invoice("P-5", issued: "2024-08-01", due: "2024-09-01", 1_000),
                F.invoice("P-6", issued: "2024-10-01", due: "2024-11-01", 1_000),
                F.invoice("Q-1", account: "A2", issued: "2023-09-01", due: "2023-10-01", 500),
                F.invoice("Q-2", account: "A2", issued: "2024-09-01", due: "2024-10-01", 500),
                F.invoice("R-1", account: "A3", issued: "2025-01-01", due: "2025-02-01", 700, "USD"),
            ],
            payments: [
                F.payment("P-1", "2023-06-01", 1_000), F.payment("P-2", "2023-08-20", 1_000),
                F.payment("P-4", "2024-06-26", 1_000), F.payment("P-5", "2024-09-10", 400), F.payment("P-5", "2024-09-30", 600),
                // Paid after the period: open at its end, 150 days past due.
                F.payment("P-6", "2025-04-15", 1_000),
                F.payment("Q-1", "2023-10-03", 500), F.payment("Q-2", "2024-10-03", 500),
            ])
    }

    @Test func figuresAndTheShareOfSlippedAccounts() throws {
        let report = try F.report(input(), quarter)
        let a1 = try #require(report.payers.figures.first)
        // P-4 25, P-5 29 (two payments), P-6 open 150 days at 03-31: 204 / 3 = 68.0; the year before 0.
        #expect(a1.account == "A1" && a1.invoices == 3 && a1.avgDaysBeyond == 68.0 && a1.priorAvgDaysBeyond == 0.0)
        #expect(a1.trendDays == 68.0 && a1.openAmount == 1_000 && a1.p90DaysBeyond == 150 && a1.onTimeShare == 0)
        #expect(report.payers.figures.map(\.account) == ["A1", "A2", "A3"])
        let ann = try #require(report.payers.slip(of: "ann"))
        #expect(ann.accounts == 2 && ann.slipped == ["A1"] && ann.share == 0.5)
        #expect(report.payers.slip(of: "cy")?.accounts == 0 && report.payers.slip(of: "cy")?.share == nil)
        #expect(report.payers.slip(of: "dee")?.slipped == [])

        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let payers = try #require(json["payers"] as? [[String: Any]])
        #expect(payers.count == 3 && Set(payers[0].keys) == Set(PayerFigures.columns))
        let reps = try #require(json["reps"] as? [[String: Any]])
        #expect(reps[0]["payer_slipped_share"] as? Double == 0.5)
        #expect(reps[0]["payer_accounts"] as? Int == 2 && reps[0]["payer_slipped"] as? Int == 1)
        #expect(reps[1]["payer_slipped_share"] is NSNull)
    }

    @Test func quartersOfTheSlippedAccountsForTheChart() throws {
        let quarters = try #require(try F.report(input(), quarter).payers.slip(of: "ann")?.quarters)
        // [2023-04-02, 2025-03-31] overlaps 2023 Q2 … 2025 Q1: eight quarters.
        #expect(quarters.map(\.label) == ["2023 Q2", "2023 Q3", "2023 Q4", "2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4", "2025 Q1"])
        let byLabel = Dictionary(uniqueKeysWithValues: quarters.map { ($0.label, $0) })
        #expect(byLabel["2023 Q2"]?.average == 0.0)     // P-1 on time
        #expect(byLabel["2023 Q3"]?.average == 0.0)     // P-2 early
        #expect(byLabel["2024 Q2"]?.average == 25.0)    // P-4
        #expect(byLabel["2024 Q3"]?.average == 29.0)    // P-5
        #expect(byLabel["2024 Q4"]?.average == 150.0)   // P-6, open
        #expect(byLabel["2025 Q1"]?.invoices == 0 && byLabel["2025 Q1"]?.average == nil)
        // Only the slipped account's invoices: A2's are not counted.
        #expect(byLabel["2023 Q4"]?.invoices == 0 && byLabel["2024 Q4"]?.invoices == 1)

        let html = AuditHTMLPage.render(try F.report(input(), quarter))
        #expect(html.contains("Days beyond terms per quarter, ann's slipping accounts"))
        #expect(html.contains("150.0 d"))
    }
}
