import Foundation
import Testing
@testable import RapportCore

/// Rows inserted with SQL, read back by `Database.auditInput`, measured by the metrics,
/// compared with results worked out by hand. Period: March 2025 (31 days).
@Suite struct AuditStorageTests {
    typealias F = AuditFixtures
    let march = F.period("2025-03-01", "2025-03-31")

    static let rows = """
        INSERT INTO rep (id, handle, name) VALUES (1, 'ann', 'Ann'), (2, 'bob', 'Bob'), (3, 'cy', 'Cy');
        INSERT INTO account (id, key, name, tier, owner_id, country, created_on, cadence_days) VALUES
            (1, 'A1', 'Alpha', 'B', 1, 'CN', '2024-01-01', NULL),
            (2, 'A2', 'Beta', 'A', 1, 'CN', '2025-03-12', NULL),
            (3, 'B1', 'Gamma', 'C', 2, 'CN', '2024-05-01', 20),
            (4, 'LATE', 'Late', 'B', 1, 'CN', '2025-04-02', NULL);
        INSERT INTO touch (account_id, rep_id, date, channel, kind) VALUES
            (1, 1, '2025-01-05', 'call', 'checkin'),
            (1, 1, '2025-02-20', 'call', 'checkin'),
            (1, 1, '2025-03-05', 'visit', 'visit'),
            (1, 1, '2025-03-05', 'chat', 'collection'),
            (1, 1, '2025-03-20', 'chat', 'greeting'),
            (1, 1, '2025-04-02', 'call', 'checkin'),
            (2, 1, '2025-03-15', 'gift', 'gift'),
            (3, 2, '2025-02-01', 'call', 'checkin'),
            (3, 1, '2025-03-30', 'call', 'care'),
            (4, 1, '2025-04-03', 'call', 'checkin');
        INSERT INTO invoice (id, number, account_id, issued_on, due_on, amount, currency) VALUES
            (1, 'I1', 1, '2025-01-15', '2025-02-14', 10000000, 'CNY'),
            (2, 'I2', 3, '2025-03-01', '2025-03-31', 50000, 'JPY'),
            (3, 'I3', 1, '2025-04-01', '2025-05-01', 777, 'CNY');
        INSERT INTO payment (invoice_id, paid_on, amount) VALUES
            (1, '2025-03-10', 4000000), (1, '2025-04-05', 6000000), (3, '2025-04-02', 777);
        INSERT INTO promise (account_id, invoice_id, promised_on, amount, currency) VALUES
            (1, 1, '2025-03-10', 4000000, 'CNY'),
            (1, NULL, '2025-04-10', 6000000, 'CNY');
        """

    func database(_ sql: String = rows) throws -> (Database, URL) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString).db")
        let db = try Database.openRapport(path: url.path, mode: .create)
        try db.execute(sql)
        return (db, url)
    }

    func cleanUp(_ url: URL) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
    }

    @Test func loadsWhatThePeriodNeedsAndMeasuresIt() throws {
        let (db, url) = try database()
        defer { cleanUp(url) }
        let input = try db.auditInput(period: march)
        // Touches: the six in March plus each audited account's latest before it
        // (A1 02-20, B1 02-01); the 2025-01-05 touch and April's are not loaded.
        #expect(input.touches.count == 7)
        #expect(!input.touches.contains { $0.date == F.date("2025-01-05") || $0.date > march.to })
        #expect(input.invoices.map(\.number).sorted() == ["I1", "I2"])  // I3 issued after `to`
        #expect(input.payments.count == 1)  // only the March payment
        #expect(input.promises.count == 1)  // only the one due in March

        let report = try AuditReport.compute(
            input, period: march, config: RapportConfig(),
            policy: AuditPolicy(penaltyRate: F.rate("0.0001"), commissionRate: F.rate("0.03")))
        #expect(report.accounts.map(\.account) == ["A1", "A2", "B1"])  // LATE created after `to`
        let a1 = report.accounts[0], a2 = report.accounts[1], b1 = report.accounts[2]
        // A1: anchor 02-20 → 03-05 = 13 → 03-20 = 15 → 03-31 = 11; B cadence 30.
        #expect(a1.gaps == [13, 15, 11])
        #expect(a1.touches == 3)
        #expect(a1.compliant)
        #expect(a1.daysSinceTouch == 11)
        #expect(a1.promises == PromiseTally(kept: 0, broken: 1))  // 60 000.00 still open on 03-10
        // A2: created 03-12 → 03-15 = 3 → 03-31 = 16 > 14 (tier A).
        #expect(a2.gaps == [3, 16])
        #expect(!a2.compliant)
        // B1: anchor 02-01 → 03-30 = 28 + 29 = 57 → 03-31 = 1; cadence override 20.
        #expect(b1.gaps == [57, 1])
        #expect(b1.cadenceDays == 20)
        #expect(!b1.compliant)

        #expect(report.reps.map(\.rep) == ["ann", "bob", "cy"])
        // ann logged A1 ×3, A2 ×1 and B1 ×1 in March; owns A1 (compliant) and A2 (not).
        #expect(report.reps[0].touches == TouchMix(total: 5, warm: 4, collection: 1))
        #expect(report.reps[0].compliance == 0.5)
        #expect(report.reps[1].touches.total == 0)
        #expect(report.reps[1].compliance == 0)
        #expect(report.reps[2].compliance == nil)

        // CNY: opening (02-28) 100 000.00; no March sales; closing 60 000.00, 45 days past
        // due (02-14 → 03-31) → 31–60; DSO null; CEI = (100 000 − 60 000) ÷ 100 000 × 100 = 40.
        // JPY: ¥50 000 issued 03-01, due 03-31 = `to` → current; DSO = 50 000 ÷ 50 000 × 31
        // = 31; CEI denominator 0 + 50 000 − 50 000 = 0 → null.
        #expect(report.receivables.map(\.currency) == ["CNY", "JPY"])
        let cny = report.receivables[0], jpy = report.receivables[1]
        #expect(cny.opening == 10_000_000)
        #expect(cny.open == 6_000_000)
        #expect(cny.aging == AgingBuckets(d31_60: 6_000_000))
        #expect(cny.dso == nil)
        #expect(cny.cei == 40)
        #expect(jpy.open == 50_000)
        #expect(jpy.aging == AgingBuckets(current: 50_000))
        #expect(jpy.dso == 31)
        #expect(jpy.cei == nil)

        // Policy, ann CNY: I1 past due all March; 03-01…03-09 = 9 × 10 000 000 = 90 000 000,
        // 03-10…03-31 = 22 × 6 000 000 = 132 000 000; Σ 222 000 000 × 0.0001 = 22 200 fen.
        // Commission 3 % × 4 000 000 = 120 000 fen.
        let policy = try #require(report.policy)
        #expect(policy.map { "\($0.rep) \($0.currency) \($0.penalty) \($0.commission)" } == [
            "ann CNY 22200 120000", "ann JPY 0 0", "bob CNY 0 0", "bob JPY 0 0", "cy CNY 0 0", "cy JPY 0 0",
        ])
    }

    @Test func oneRepLoadsTheirAccountsAndEverythingTheyLogged() throws {
        let (db, url) = try database()
        defer { cleanUp(url) }
        let input = try db.auditInput(period: march, rep: "ann")
        #expect(input.reps.map(\.handle) == ["ann"])
        #expect(input.accounts.map(\.key) == ["A1", "A2"])
        #expect(input.invoices.map(\.number) == ["I1"])
        let report = try AuditReport.compute(input, period: march, config: RapportConfig())
        // Her care call on bob's B1 still counts as a touch she logged.
        #expect(report.reps.map(\.touches.total) == [5])
        #expect(report.accounts.map(\.gaps) == [[13, 15, 11], [3, 16]])
        #expect(report.receivables.map(\.currency) == ["CNY"])
    }

    @Test func inMemoryDatabaseLoadsTheSameOnOneConnection() throws {
        // A file loads its money half on a second connection; ":memory:" cannot, and loads
        // everything in turn. Both must read the same input.
        let (file, url) = try database()
        defer { cleanUp(url) }
        let memory = try Database.openRapport(path: ":memory:", mode: .create)
        try memory.execute(Self.rows)
        for rep in [nil, "ann"] as [String?] {
            let a = try file.auditInput(period: march, rep: rep)
            let b = try memory.auditInput(period: march, rep: rep)
            #expect(a.invoices == b.invoices)
            #expect(a.payments == b.payments)
            #expect(a.promises == b.promises)
            #expect(Set(a.touches) == Set(b.touches))
            #expect(a.accounts == b.accounts)
        }
    }

    @Test func unknownRepIsAnError() throws {
        let (db, url) = try database()
        defer { cleanUp(url) }
        #expect(throws: RapportError.self) { try db.auditInput(period: march, rep: "nobody") }
    }

    @Test func malformedStoredDateIsBadDataNamingTheRow() throws {
        let (db, url) = try database("""
            INSERT INTO rep (id, handle, name) VALUES (1, 'ann', 'Ann');
            INSERT INTO account (id, key, name, tier, owner_id, country, created_on) VALUES (1, 'A1', 'A', 'B', 1, 'CN', '2024-01-01');
            INSERT INTO touch (account_id, rep_id, date, channel, kind) VALUES (1, 1, '2025-03-10 ', 'call', 'checkin');
            """)
        defer { cleanUp(url) }
        do {
            _ = try db.auditInput(period: march)
            Issue.record("expected an error")
        } catch let error as RapportError {
            #expect(error.code == .dataError)
            #expect(error.message.contains("A1"))
            #expect(error.message.contains("'2025-03-10 '"))
        }
    }
}
