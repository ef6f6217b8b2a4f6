import Foundation
import Testing
@testable import RapportCore

/// `payer.min_worsening_days` and `payer.tiers` in rapport.yaml; unknown keys stay an error.
@Suite struct PayerConfigTests {
    @Test func shippedSettingsAreTheSpecDefaults() throws {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("config")
        let config = try RapportConfig.load(directory: shipped)
        #expect(config.payerMinWorseningDays == 10)
        #expect(config.payerTiers == ["A", "B"])
        #expect(config == RapportConfig())  // the file says what the defaults are
    }

    @Test func aFileNamesWhatItChanges() throws {
        let config = try RapportConfig.parse("payer:\n  min_worsening_days: 15\n  tiers: [A]\n", path: "r.yaml")
        #expect(config.payerMinWorseningDays == 15 && config.payerTiers == ["A"])
        #expect(try RapportConfig.parse("payer:\n  tiers: []\n", path: "r.yaml").payerMinWorseningDays == 10)
    }

    @Test func badSettingsAreReportedWithFileAndLine() {
        func message(_ text: String) -> String? {
            do { _ = try RapportConfig.parse(text, path: "r.yaml"); return nil } catch { return (error as? RapportError)?.message }
        }
        #expect(message("payer:\n  min_worsening_day: 10\n") == "r.yaml:2: min_worsening_day: unknown payer setting (min_worsening_days, tiers)")
        #expect(message("payer:\n  min_worsening_days: 0\n") == "r.yaml:2: min_worsening_days: must be at least 1 day")
        #expect(message("payer:\n  min_worsening_days: ten\n") == "r.yaml:2: min_worsening_days: expected a whole number")
        #expect(message("payer:\n  tiers: A\n") == "r.yaml:2: tiers: expected a list of tiers")
        #expect(message("payer: 10\n") == "r.yaml:1: payer: expected min_worsening_days and tiers")
    }
}
