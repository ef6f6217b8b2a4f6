import ArgumentParser
import Foundation
import Testing
@testable import RapportCLI
import RapportCore

@Suite struct AuditCommandTests {

    /// A scratch folder with a database holding one rep, one hostile account and an invoice.
    func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = try Database.openRapport(path: folder.appendingPathComponent("r.db").path, mode: .create)
        try db.execute("""
            INSERT INTO rep (id, handle, name) VALUES (1, 'ann', 'Ann'), (2, 'cy', 'Cy');
            INSERT INTO account (id, key, name, tier, owner_id, country, created_on) VALUES
                (1, 'A1', '=HYPERLINK("http://evil.example","x")', 'B', 1, 'CN', '2024-01-01');
            INSERT INTO touch (account_id, rep_id, date, channel, kind) VALUES (1, 1, '2025-03-10', 'call', 'checkin');
            INSERT INTO invoice (id, number, account_id, issued_on, due_on, amount, currency) VALUES
                (1, 'I1', 1, '2025-02-01', '2025-02-28', 10000000, 'CNY');
            """)
        return folder
    }

    let period = ["--from", "2025-03-01", "--to", "2025-03-31"]

    @Test func oneRateWithoutTheOtherIsAUsageError() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("r.db").path
        #expect(exitCode(["audit", "--db", db] + period + ["--penalty-rate", "0.0001"]) == 64)
        #expect(exitCode(["audit", "--db", db] + period + ["--commission-rate", "0.03"]) == 64)
        #expect(exitCode(["audit", "--db", db] + period + ["--penalty-rate", "-1", "--commission-rate", "0.03"]) == 64)
        #expect(exitCode(["audit", "--db", db] + period + ["--penalty-rate", "1e-4", "--commission-rate", "0.03"]) == 64)
    }

    @Test func fromAfterToAndBadDatesAreUsageErrors() {
        #expect(exitCode(["audit", "--from", "2025-04-01", "--to", "2025-03-31"]) == 64)
        #expect(exitCode(["audit", "--from", "2025-02-30", "--to", "2025-03-31"]) == 64)
        #expect(exitCode(["audit", "--to", "2025-03-31"]) == 64)
        #expect(exitCode(["audit"] + period + ["--format", "pdf"]) == 64)
    }

    @Test func missingDatabaseExits66() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).db").path
        #expect(exitCode(["audit", "--db", missing, "--format", "json"] + period) == 66)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func unknownRepIsBadData() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(exitCode(["audit", "--db", folder.appendingPathComponent("r.db").path, "--rep", "zed", "--format", "json"] + period) == 65)
    }

    @Test func jsonToOutFollowsTheContract() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("audit.json")
        #expect(exitCode(["audit", "--db", folder.appendingPathComponent("r.db").path, "--out", out.path,
                          "--penalty-rate", "0.0001", "--commission-rate", "3%"] + period) == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        #expect(Set(object.keys).isSuperset(of: ["accounts", "reps", "receivables", "policy"]))
        let reps = try #require(object["reps"] as? [[String: Any]])
        #expect(reps.map { $0["rep"] as? String } == ["ann", "cy"])
        #expect(reps[1]["compliance"] is NSNull)
        // I1 100 000.00 past due all 31 days of March: 310 000 000 fen-days × 0.0001 = 31 000.
        let policy = try #require(object["policy"] as? [[String: Any]])
        #expect(policy.first?["penalty"] as? Int == 31_000)
    }

    @Test func outWritesOnlyThatFile() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let out = reports.appendingPathComponent("audit.html")
        #expect(exitCode(["audit", "--db", folder.appendingPathComponent("r.db").path, "--out", out.path] + period) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: reports.path) == ["audit.html"])
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))  // format taken from the extension
        // An unwritable destination is an I/O error.
        #expect(exitCode(["audit", "--db", folder.appendingPathComponent("r.db").path,
                          "--out", folder.appendingPathComponent("no/such/dir/a.html").path] + period) == 74)
    }

    @Test func csvIsInjectionSafeWithASectionColumn() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("audit.csv")
        #expect(exitCode(["audit", "--db", folder.appendingPathComponent("r.db").path, "--out", out.path] + period) == 0)
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.first?.hasPrefix("section,rep,account,name,currency,") == true)
        #expect(lines.dropFirst().map { $0.prefix(while: { $0 != "," }) } == ["rep", "rep", "account", "receivables", "payer"])
        // I1 open 31 days past due at 03-31: one invoice in the last year, none before.
        let names = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let payer = try #require(lines.last).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let payerCells = Dictionary(uniqueKeysWithValues: zip(names, payer))
        #expect(payerCells["account"] == "A1" && payerCells["currency"] == "CNY" && payerCells["invoices"] == "1")
        #expect(payerCells["avg_days_beyond"] == "31" && payerCells["p90_days_beyond"] == "31" && payerCells["trend_days"] == "")
        #expect(payerCells["open_amount"] == "100000.00")
        let account = try #require(lines.first { $0.hasPrefix("account,") })
        #expect(account.contains(#""'=HYPERLINK(""http://evil.example"",""x"")""#))  // quoted and neutralised
        // Money in major units. I1 100 000.00 issued 02-01, due 02-28, unpaid: at 03-31
        // 31 days past due; opening (02-28) 100 000.00; no March sales → DSO empty;
        // CEI = (100 000 − 100 000) ÷ (100 000 − 0) × 100 = 0.
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let receivables = try #require(lines.first { $0.hasPrefix("receivables,") })
            .split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let cells = Dictionary(uniqueKeysWithValues: zip(header, receivables))
        #expect(cells["currency"] == "CNY")
        #expect(cells["open"] == "100000.00")
        #expect(cells["current"] == "0.00")
        #expect(cells["d31_60"] == "100000.00")
        #expect(cells["opening"] == "100000.00")
        #expect(cells["dso"] == "")
        #expect(cells["cei"] == "0.0")
        #expect(cells["account"] == "")
    }

    @Test func tableWrittenToAFileHasNoEscapeCodes() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("audit.txt")  // .txt: a table
        #expect(exitCode(["audit", "--db", folder.appendingPathComponent("r.db").path, "--out", out.path] + period) == 0)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("Rep scorecard"))
        #expect(text.contains("100,000.00"))
        #expect(!text.contains("\u{1B}"))
        #expect(AuditOutput.stripEscapes("\u{1B}[1mbold\u{1B}[0m x") == "bold x")
    }
}
