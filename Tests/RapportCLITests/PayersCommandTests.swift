import Foundation
import RapportCore
import Testing
@testable import RapportCLI

@Suite struct PayersCommandTests {
    /// On the demo's story day: NB-AUTO first (on time the year before, 18 days late on
    /// average now: +18.0), then the accounts with no year before, by amount open.
    @Test func demoPayersRankTheSlippingAccountFirst() throws {
        let scratch = try CLIScratch()
        let demo = scratch.directory.appendingPathComponent("demo.db").path
        #expect(exitCode(["demo", "--db", demo]) == 0)
        for format in ["table", "json", "csv"] {
            #expect(exitCode(["payers", "--db", demo, "--date", "2026-11-23", "--format", format]) == 0, "\(format)")
        }
        #expect(exitCode(["payers", "--db", demo, "--rep", "wang.le"]) == 65)
        let db = try Database.openRapport(path: demo)
        let (invoices, owners) = try db.payerInvoices(asOf: CivilDate("2026-11-23")!, rep: "wang.lei")
        let figures = PayerFigures.compute(invoices, owners: owners, asOf: CivilDate("2026-11-23")!)
        #expect(figures.map(\.account) == ["NB-AUTO", "HD-MACH", "SZ-ELEC"])
        var config = RapportConfig()
        config.defaultLocale = "zh-CN"
        let table = PayersOutput.table(figures, date: CivilDate("2026-11-23")!, rep: "wang.lei", config: config, width: nil)
        #expect(table.contains("paid on time → 18 days late over the last 7 invoices, ¥240,000.00 open"))
        #expect(table.contains("1 slipping by 10+ days"))
    }

    @Test func missingDatabaseExits66() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).db").path
        #expect(exitCode(["payers", "--db", missing, "--format", "json"]) == 66)
    }
}
