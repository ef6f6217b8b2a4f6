import Foundation
import RapportCore
import Testing
@testable import RapportCLI

/// The spec's command-line contract, checked over every subcommand.
@Suite struct CommandContractTests {
    /// Each subcommand with the arguments it needs besides the global options.
    static let commands: [[String]] = [
        ["import", "reps", CLIScratch.fixture("reps.csv")],
        ["touch", "log", "HD-MACH", "--kind", "care", "--channel", "visit"],
        ["today"],
        ["agenda", "--from", "2026-11-23", "--to", "2026-11-24"],
        ["snooze", "HD-MACH", "checkin", "--until", "2026-11-30"],
        ["drafts"],
        ["audit", "--from", "2026-01-01", "--to", "2026-11-23"],
        ["holidays", "--account", "HD-MACH", "--year", "2026"],
        ["templates", "check"],
    ]

    /// Every command that reads customer data exits 66 when the database does not exist
    /// (`holidays --account` included; `holidays --country` and `config check` need none).
    @Test(arguments: commands)
    func missingDatabaseExits66(arguments: [String]) throws {
        let scratch = try CLIScratch()
        let missing = scratch.directory.appendingPathComponent("none.db").path
        #expect(exitCode(arguments + ["--db", missing, "--date", "2026-11-23"]) == 66)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    /// Spec: listing commands take --format table|json|csv and --rep.
    @Test(arguments: [
        ["today"], ["agenda", "--from", "2026-11-23", "--to", "2026-11-24"], ["drafts"],
        ["audit", "--from", "2026-01-01", "--to", "2026-11-23"],
    ])
    func listingCommandsTakeFormatAndRep(arguments: [String]) throws {
        let scratch = try CLIScratch()
        scratch.importWorld()
        for format in ["table", "json", "csv"] {
            #expect(exitCode(arguments + ["--format", format, "--rep", "wang.lei", "--db", scratch.db, "--date", "2026-11-23"]) == 0, "\(format)")
        }
    }

    @Test func holidaysAndConfigCheckRunWithADatabase() throws {
        let scratch = try CLIScratch()
        #expect(exitCode(["holidays", "--country", "CN", "--year", "2026", "--format", "json", "--db", scratch.db]) == 0)
        #expect(exitCode(["config", "check", "--db", scratch.db]) == 0)
    }

    /// Spec: `holidays --country` and `config check` need no database; they neither fail
    /// on a missing one nor create it.
    @Test(arguments: [
        ["holidays", "--country", "CN", "--year", "2026", "--format", "json"],
        ["holidays", "--country", "TH", "--year", "1901", "--format", "csv"],
        ["config", "check"],
    ])
    func calendarCommandsNeedNoDatabase(arguments: [String]) throws {
        let scratch = try CLIScratch()
        let missing = scratch.directory.appendingPathComponent("none.db").path
        #expect(exitCode(arguments + ["--db", missing, "--date", "2026-11-23"]) == 0)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    /// Without a database, a bad calendar still exits 65 and an unknown country 64.
    @Test func calendarErrorsWithoutADatabase() throws {
        let scratch = try CLIScratch()
        let missing = scratch.directory.appendingPathComponent("none.db").path
        let config = scratch.directory.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: config.appendingPathComponent("holidays"), withIntermediateDirectories: true)
        try "occasions:\n  - key: bad\n    date: 13-01\n    names: { en: Bad }\n"
            .write(to: config.appendingPathComponent("holidays/XB.yaml"), atomically: true, encoding: .utf8)
        #expect(exitCode(["config", "check", "--db", missing, "--config", config.path]) == 65)
        #expect(exitCode(["holidays", "--country", "XB", "--year", "2026", "--db", missing, "--config", config.path]) == 65)
        #expect(exitCode(["holidays", "--country", "ZZ", "--year", "2026", "--db", missing]) == 64)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}

@Suite struct DemoCommandTests {
    /// The demo builds the story through the real import, rebuilds its own file on a second
    /// run, and never replaces a database it did not make.
    @Test func demoBuildsTheStoryAndNeverReplacesAnotherDatabase() throws {
        let scratch = try CLIScratch()
        let demo = scratch.directory.appendingPathComponent("demo.db").path
        #expect(exitCode(["demo", "--db", demo]) == 0)
        #expect(exitCode(["demo", "--db", demo]) == 0)
        let db = try Database.openRapport(path: demo)
        #expect(try db.scalarInt("SELECT count(*) FROM account") == 6)
        #expect(try db.scalarInt("SELECT count(*) FROM touch") == 35)
        let items = try agendaItems(
            db: db, config: RapportConfig(), occasions: GlobalOptions.parse([]).occasionSource(config: RapportConfig()),
            date: CivilDate("2026-11-23")!, rep: nil)
        // The story of demo/README.md: care first at HD-MACH, with its quiet period holding the overdue invoice back.
        #expect(items.first?.account == "HD-MACH")
        #expect(items.first?.reasons.map(\.kind) == [.care, .event])
        #expect(Set(items.map(\.account)) == ["HD-MACH", "SZ-ELEC", "NB-AUTO", "GZ-PLAS", "BUCKEYE", "OLD-MILL"])
        // NB-AUTO paid on time, then 18, 25, 29 days late (NB-2609 paid off by its second
        // payment on 10-29); the check-in with its buyer on 11-05 does not close the reason.
        let slipping = try #require(items.first { $0.account == "NB-AUTO" })
        #expect(slipping.reasons.map(\.kind) == [.payer])
        #expect(slipping.reasons.first?.dueOn == CivilDate("2026-10-29"))
        #expect(slipping.reasons.first?.payer?.invoices.map(\.daysBeyondTerms) == [0, 0, 0, 18, 25, 29])
        #expect(items.firstIndex { $0.account == "NB-AUTO" } == 2)  // after care and money, before check-ins
        #expect(exitCode(["demo", "--db", scratch.db]) == 64)
        #expect(try scratch.count("SELECT count(*) FROM account") == 0)
    }
}

@Suite struct GlobalOptionTests {
    @Test func aConfigFolderThatIsNotThereIsAUsageError() throws {
        let scratch = try CLIScratch()
        let missing = scratch.directory.appendingPathComponent("no-such-config").path
        #expect(exitCode(["today", "--db", scratch.db, "--config", missing, "--format", "json"]) == 64)
        #expect(exitCode(["today", "--db", scratch.db, "--date", "2026-02-30"]) == 64)
    }
}

@Suite struct UnknownKeyTests {
    /// Every command names an unknown account the same way: exit 65 with a suggestion.
    @Test func unknownAccountsExitWithDataErrorAndASuggestion() throws {
        let scratch = try CLIScratch()
        let demo = scratch.directory.appendingPathComponent("demo.db").path
        #expect(exitCode(["demo", "--db", demo]) == 0)
        let db = try Database.openRapport(path: demo)
        #expect(try db.unknownAccount("HD-MAHC").message == "unknown account 'HD-MAHC' (did you mean HD-MACH?)")
        #expect(try db.unknownRep("wang.le").message == "unknown rep 'wang.le' (did you mean wang.lei?)")
        #expect(exitCode(["holidays", "--db", demo, "--account", "HD-MAHC", "--format", "json"]) == 65)
        #expect(exitCode(["snooze", "HD-MAHC", "checkin", "--until", "2026-12-01", "--db", demo]) == 65)
        #expect(exitCode(["drafts", "--db", demo, "--account", "HD-MAHC", "--format", "json"]) == 65)
        #expect(exitCode(["audit", "--db", demo, "--from", "2026-01-01", "--to", "2026-11-23", "--rep", "wang.le", "--format", "json"]) == 65)
        #expect(exitCode(["today", "--db", demo, "--date", "2026-11-23", "--rep", "wang.le", "--format", "json"]) == 65)
        #expect(exitCode(["touch", "log", "HD-MAHC", "--kind", "care", "--channel", "call", "--db", demo]) == 65)
    }
}
