import ArgumentParser
import Foundation
import RapportCore
import Testing
@testable import RapportCLI

@Suite struct ImportCommandTests {
    @Test func importsEveryKindAndExitsZero() throws {
        let scratch = try CLIScratch()
        scratch.importWorld()
        #expect(try scratch.count("SELECT count(*) FROM touch") == 4)
        #expect(exitCode(["import", "accounts", CLIScratch.fixture("accounts-gb18030.csv"), "--db", scratch.db, "--encoding", "gb18030"]) == 0)
        #expect(try scratch.count("SELECT count(*) FROM account") == 6)
    }

    @Test func exitCodesFollowSysexits() throws {
        let scratch = try CLIScratch()
        scratch.importWorld()
        #expect(exitCode(["import", "customers", CLIScratch.fixture("reps.csv"), "--db", scratch.db]) == 64)
        #expect(exitCode(["import", "reps", CLIScratch.fixture("reps.csv"), "--db", scratch.db, "--encoding", "latin1"]) == 64)
        #expect(exitCode(["import", "contacts", CLIScratch.fixture("contacts-five-errors.csv"), "--db", scratch.db]) == 65)
        #expect(exitCode(["import", "reps", scratch.directory.appendingPathComponent("none.csv").path, "--db", scratch.db]) == 66)
        #expect(exitCode(["import", "reps", CLIScratch.fixture("reps.csv"), "--db", scratch.directory.appendingPathComponent("none.db").path]) == 66)
    }
}

@Suite struct WorkbookImportCommandTests {
    private func workbook(_ name: String) -> String { CLIScratch.fixture("../xlsx/\(name)") }

    @Test func importsEachSheetOfAWorkbook() throws {
        let scratch = try CLIScratch()
        for kind in ["reps", "accounts", "contacts", "events", "touches", "invoices", "payments", "promises", "snoozes"] {
            #expect(exitCode(["import", kind, workbook("world-libreoffice.xlsx"), "--sheet", kind, "--db", scratch.db]) == 0, "\(kind)")
        }
        #expect(try scratch.count("SELECT count(*) FROM touch") == 4)
        #expect(try scratch.count("SELECT sum(amount) FROM invoice") == 18_600_000 + 10_000_000 + 1_845_050 + 120_000)
        // The first sheet by default: reps again, all skipped.
        #expect(exitCode(["import", "reps", workbook("world-libreoffice.xlsx"), "--db", scratch.db]) == 0)
        #expect(try scratch.count("SELECT count(*) FROM rep") == 3)
    }

    @Test func exitCodesFollowSysexits() throws {
        let scratch = try CLIScratch()
        scratch.importWorld()
        #expect(exitCode(["import", "touches", workbook("problems.xlsx"), "--db", scratch.db]) == 65)
        #expect(exitCode(["import", "reps", workbook("broken-crc.xlsx"), "--db", scratch.db]) == 65)
        #expect(exitCode(["import", "reps", workbook("text.xlsx"), "--db", scratch.db]) == 65)
        #expect(exitCode(["import", "touches", workbook("inline-strings.xlsx"), "--sheet", "nope", "--db", scratch.db]) == 66)
        #expect(exitCode(["import", "touches", workbook("missing.xlsx"), "--db", scratch.db]) == 66)
        #expect(exitCode(["import", "touches", workbook("inline-strings.xlsx"), "--encoding", "utf-8", "--db", scratch.db]) == 64)
        #expect(exitCode(["import", "reps", CLIScratch.fixture("reps.csv"), "--sheet", "reps", "--db", scratch.db]) == 64)
        #expect(try scratch.count("SELECT count(*) FROM touch") == 4)
    }
}

@Suite struct TouchCommandTests {
    @Test func logsATouchWithDefaults() throws {
        let scratch = try CLIScratch()
        scratch.importWorld()
        #expect(exitCode(["touch", "log", "HD-MACH", "--kind", "care", "--channel", "visit", "--contact", "hd-li",
                          "--note", "探望受伤工人", "--db", scratch.db, "--date", "2026-11-22"]) == 0)
        #expect(try scratch.count("SELECT count(*) FROM touch t JOIN rep r ON r.id = t.rep_id WHERE t.date = '2026-11-22' AND r.handle = 'wang.lei' AND t.kind = 'care' AND t.note = '探望受伤工人'") == 1)
        #expect(exitCode(["touch", "log", "BUCKEYE", "--kind", "greeting", "--channel", "email", "--on", "2026-11-20",
                          "--rep", "wang.lei", "--db", scratch.db, "--date", "2026-11-22"]) == 0)
        #expect(try scratch.count("SELECT count(*) FROM touch t JOIN rep r ON r.id = t.rep_id WHERE t.date = '2026-11-20' AND r.handle = 'wang.lei' AND t.contact_id IS NULL") == 1)
    }

    @Test func badInputExitCodes() throws {
        let scratch = try CLIScratch()
        scratch.importWorld()
        let base = ["--db", scratch.db, "--date", "2026-11-22"]
        #expect(exitCode(["touch", "log", "HD-MAHC", "--kind", "care", "--channel", "visit"] + base) == 65)
        #expect(exitCode(["touch", "log", "HD-MACH", "--kind", "care", "--channel", "visit", "--contact", "sz-chen"] + base) == 65)
        #expect(exitCode(["touch", "log", "HD-MACH", "--kind", "hug", "--channel", "visit"] + base) == 64)
        #expect(exitCode(["touch", "log", "HD-MACH", "--kind", "care", "--channel", "visit", "--on", "2026-02-30"] + base) == 64)
        #expect(exitCode(["touch", "log", "HD-MACH", "--kind", "care", "--channel", "visit", "--on", "2026-11-23"] + base) == 64)
        #expect(exitCode(["touch", "log", "HD-MACH", "--kind", "care", "--channel", "visit", "--db", scratch.directory.appendingPathComponent("none.db").path]) == 66)
        #expect(try scratch.count("SELECT count(*) FROM touch") == 4)
    }
}
