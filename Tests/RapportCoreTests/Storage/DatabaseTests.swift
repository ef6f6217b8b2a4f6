import Foundation
import Testing
@testable import RapportCore

@Suite struct DatabaseTests {
    struct Boom: Error {}

    /// A scratch database with a small table of its own.
    func scratch() throws -> ScratchDatabase {
        let scratch = try ScratchDatabase()
        try scratch.db.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)")
        return scratch
    }

    /// Row id lists bound as one JSON parameter come back from `json_each` as the numbers.
    @Test func rowIDListsAsJSON() throws {
        #expect(Database.jsonArray([Int64]()) == "[]")
        let ids: [Int64] = [0, 7, -5, 1_000_000_007, Int64.max, Int64.min]
        #expect(Database.jsonArray(ids) == "[0,7,-5,1000000007,9223372036854775807,-9223372036854775808]")
        let scratch = try ScratchDatabase()
        let back = try scratch.db.rows("SELECT value FROM json_each(?)", [Database.jsonArray(ids)]) { $0.int64(0) }
        #expect(back == ids)
    }

    @Test func aTransactionRollsBackWhenItsBodyThrows() throws {
        let scratch = try scratch()
        let db = scratch.db
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.execute("INSERT INTO note (text) VALUES (?)", ["kept?"])
                throw Boom()
            }
        }
        #expect(try scratch.count("note") == 0)
        #expect(!db.isInTransaction)
        try db.transaction { try db.execute("INSERT INTO note (text) VALUES (?)", ["kept"]) }
        #expect(try scratch.strings("SELECT text FROM note") == ["kept"])
    }

    @Test func aNestedTransactionRollsBackToItsSavepointOnly() throws {
        let scratch = try scratch()
        let db = scratch.db
        try db.transaction {
            try db.execute("INSERT INTO note (text) VALUES (?)", ["outer"])
            #expect(throws: Boom.self) {
                try db.transaction {
                    try db.execute("INSERT INTO note (text) VALUES (?)", ["inner"])
                    throw Boom()
                }
            }
            try db.execute("INSERT INTO note (text) VALUES (?)", ["outer again"])
        }
        #expect(try scratch.strings("SELECT text FROM note ORDER BY id") == ["outer", "outer again"])
    }

    @Test func theFirstErrorIsRethrownNotTheRollbacks() throws {
        let scratch = try scratch()
        let db = scratch.db
        do {
            try db.transaction {
                try db.execute("INSERT INTO note (text) VALUES (?)", ["a"])
                try db.execute("INSERT INTO note (text) VALUES (?)", ["a"])
            }
            Issue.record("a UNIQUE violation must throw")
        } catch let error as SQLiteError {
            #expect(error.extendedCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        }
        #expect(try scratch.count("note") == 0)
    }

    @Test func statementsAreCachedAndReusable() throws {
        let scratch = try scratch()
        let db = scratch.db
        let sql = "INSERT INTO note (text) VALUES (?)"
        let first = try db.statement(sql)
        try first.run(["one"])
        let second = try db.statement(sql)
        #expect(first === second)
        try second.run(["two"])
        try db.execute(sql, ["three"])
        #expect(try scratch.strings("SELECT text FROM note ORDER BY id") == ["one", "two", "three"])
        // A cached query gives fresh rows after reuse.
        #expect(try db.scalarInt("SELECT count(*) FROM note WHERE text <> ?", ["two"]) == 2)
        #expect(try db.scalarInt("SELECT count(*) FROM note WHERE text <> ?", ["nothing"]) == 3)
    }

    @Test func anErrorCarriesItsExtendedCodeMessageAndSQL() throws {
        let scratch = try scratch()
        let db = scratch.db
        try db.execute("INSERT INTO note (text) VALUES (?)", ["same"])
        do {
            try db.execute("INSERT INTO note (text) VALUES (?)", ["same"])
            Issue.record("a UNIQUE violation must throw")
        } catch {
            #expect(error.extendedCode == 2067)
            #expect(error.primaryCode == 19)  // SQLITE_CONSTRAINT
            #expect(error.isConstraintViolation)
            #expect(error.message == "UNIQUE constraint failed: note.text")
            #expect(error.sql == "INSERT INTO note (text) VALUES (?)")
            #expect(error.description == "SQLite error 2067: UNIQUE constraint failed: note.text — while executing `INSERT INTO note (text) VALUES (?)`")
        }
        #expect(throws: SQLiteError.self) { try db.execute("SELECT nonsense FROM nowhere") }
    }

    @Test func foreignKeysAreEnforced() throws {
        let scratch = try ScratchDatabase()
        let db = scratch.db
        #expect(try db.scalarInt("PRAGMA foreign_keys") == 1)
        do {
            try db.execute(
                "INSERT INTO account (key, name, tier, owner_id, country, created_on) VALUES (?, ?, ?, ?, ?, ?)",
                ["X", "No owner", "A", 42, "CN", "2020-01-01"])
            Issue.record("an account whose owner does not exist must be refused")
        } catch {
            #expect(error.extendedCode == 787)  // SQLITE_CONSTRAINT_FOREIGNKEY
        }
    }
}

@Suite struct BulkWriteTests {
    /// Foreign keys are left to the import's own checks only while nobody else has written
    /// since those checks ran.
    @Test func foreignKeysAreOffOnlyWhenNothingChangedSinceTheCheck() throws {
        let scratch = try ScratchDatabase()
        let db = scratch.db
        let checked = try db.dataVersion()
        let unchanged = try db.bulkWrite(validatedVersion: checked) { try db.scalarInt("PRAGMA foreign_keys") }
        #expect(unchanged == 0)
        #expect(try db.scalarInt("PRAGMA foreign_keys") == 1)

        let other = try Database.openRapport(path: scratch.path)
        try other.execute("INSERT INTO rep (handle, name) VALUES (?, ?)", ["someone", "Someone"])
        let changed = try db.bulkWrite(validatedVersion: checked) { try db.scalarInt("PRAGMA foreign_keys") }
        #expect(changed == 1)
        #expect(try db.scalarInt("PRAGMA foreign_keys") == 1)
    }
}

@Suite struct PragmaScopeTests {
    /// A pragma set for a body is back to its previous value afterwards, also after a throw.
    @Test func thePreviousValueComesBack() throws {
        let scratch = try ScratchDatabase()
        let db = scratch.db
        try db.execute("PRAGMA cache_size = -3000")
        let inside = try db.with(pragma: "cache_size", -8192) { try db.scalarInt("PRAGMA cache_size") }
        #expect(inside == -8192)
        #expect(try db.scalarInt("PRAGMA cache_size") == -3000)
        struct Failure: Error {}
        #expect(throws: Failure.self) { try db.with(pragma: "cache_size", -4096) { throw Failure() } }
        #expect(try db.scalarInt("PRAGMA cache_size") == -3000)
    }
}

@Suite struct RollbackJournalTests {
    /// A bulk write runs with a rollback journal and leaves the file in WAL mode, whether
    /// the write commits or throws.
    @Test func theFileIsBackInWALModeAfterwards() throws {
        let scratch = try ScratchDatabase()
        let db = scratch.db
        let mode = try db.withRollbackJournal { try db.scalarText("PRAGMA journal_mode") }
        #expect(mode == "delete")
        #expect(try db.scalarText("PRAGMA journal_mode") == "wal")

        struct Failure: Error {}
        #expect(throws: Failure.self) {
            try db.withRollbackJournal {
                try db.transaction {
                    try db.execute("INSERT INTO rep (handle, name) VALUES (?, ?)", ["gone", "Gone"])
                    throw Failure()
                }
            }
        }
        #expect(try db.scalarText("PRAGMA journal_mode") == "wal")
        #expect(try db.scalarInt("SELECT count(*) FROM rep") == 0)
    }

    /// With another connection on the file the switch is refused at once and the write
    /// goes through the WAL, which that connection keeps reading meanwhile.
    @Test func anotherConnectionKeepsTheWAL() throws {
        let scratch = try ScratchDatabase()
        let db = scratch.db
        let reader = try Database.openRapport(path: scratch.path)
        #expect(try reader.scalarInt("SELECT count(*) FROM rep") == 0)
        let clock = ContinuousClock()
        let started = clock.now
        let mode = try db.withRollbackJournal { try db.scalarText("PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(clock.now - started < .seconds(2), "the refused switch must not wait for the busy timeout")
        #expect(try reader.scalarText("PRAGMA journal_mode") == "wal")
    }
}

@Suite struct RowFingerprintTests {
    private func print(_ values: [BoundText?]) -> UInt64 {
        var fingerprint = RowFingerprint()
        for value in values { fingerprint.text(value) }
        return fingerprint.finished
    }

    /// NULL, empty text, and the same bytes split differently across columns all differ;
    /// texts longer than one word differ in their last byte.
    @Test func valuesThatDifferGiveDifferentFingerprints() {
        #expect(print([nil]) != print([.string("")]))
        #expect(print([.string("ab"), .string("c")]) != print([.string("a"), .string("bc")]))
        #expect(print([.string("2026-11-29 visit")]) != print([.string("2026-11-29 visiT")]))
        #expect(print([.string("确认付款日期")]) == print([.string("确认付款日期")]))
        var integer = RowFingerprint()
        integer.integer(0)
        var null = RowFingerprint()
        null.integer(nil)
        #expect(integer.finished != null.finished)
    }
}

@Suite struct MigrationTests {
    @Test func anOldVersionFileIsUpgradedInPlaceWithItsData() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("old.db").path
        do {
            let old = try Database(path: path, mode: .create)
            try Schema.migrator.migrate(old, upTo: 1)
            #expect(try Migrator.version(of: old) == 1)
            #expect(try old.scalarInt("SELECT count(*) FROM pragma_table_info('account') WHERE name = 'cadence_days'") == 0)
            try old.execute("INSERT INTO rep (handle, name) VALUES (?, ?)", ["wang.lei", "王磊"])
            try old.execute(
                "INSERT INTO account (key, name, tier, owner_id, country, created_on) VALUES (?, ?, ?, 1, ?, ?)",
                ["HD-MACH", "华东精密机械有限公司", "A", "CN", "2019-03-12"])
        }
        let upgraded = try Database.openRapport(path: path)
        #expect(try Migrator.version(of: upgraded) == Schema.migrator.latestVersion)
        #expect(try upgraded.rows("SELECT key, name, cadence_days FROM account") { [$0.string(0), $0.string(1), $0.optionalInt(2).map(String.init) ?? "NULL"] } == [
            ["HD-MACH", "华东精密机械有限公司", "NULL"],
        ])
        #expect(try upgraded.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'account_owner'") == 1)
        // Opening again changes nothing.
        try Schema.migrator.migrate(upgraded)
        #expect(try Migrator.version(of: upgraded) == Schema.migrator.latestVersion)
    }
}
