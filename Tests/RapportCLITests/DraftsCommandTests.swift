import ArgumentParser
import Foundation
import Testing
@testable import RapportCLI
@testable import RapportCore

@Suite struct DraftsCommandTests {
    func temporaryDatabase() throws -> (path: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("t.db").path
        let db = try Database.openRapport(path: path, mode: .create)
        try db.execute("""
            INSERT INTO rep (handle, name) VALUES ('wang.lei', '王磊');
            INSERT INTO account (key, name, tier, owner_id, country, created_on) VALUES ('HD-MACH', '华东', 'A', 1, 'CN', '2019-03-12');
            """)
        return (path, folder)
    }

    @Test func optionCombinations() throws {
        #expect(throws: (any Error).self) { try RapportCommand.parseAsRoot(["drafts", "--format", "eml"]) }
        #expect(throws: (any Error).self) { try RapportCommand.parseAsRoot(["drafts", "--format", "json", "--out", "x"]) }
        #expect(throws: (any Error).self) { try RapportCommand.parseAsRoot(["drafts", "--format", "pdf"]) }
        let command = try RapportCommand.parseAsRoot([
            "drafts", "--date", "2026-09-24", "--rep", "wang.lei", "--account", "HD-MACH", "--out", "d", "--format", "eml",
            "--templates", "t", "--mark-sent",
        ])
        let drafts = try #require(command as? DraftsCommand)
        #expect(drafts.markSent && drafts.format == .eml && drafts.out == "d" && drafts.templates == "t")
        #expect(exitCode(["drafts", "--format", "eml"]) == 64)
    }

    @Test func exitCodes() throws {
        let (db, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(exitCode(["drafts", "--db", folder.appendingPathComponent("missing.db").path]) == 66)
        #expect(exitCode(["drafts", "--db", db, "--date", "2026-09-24", "--format", "json"]) == 0)
        #expect(exitCode(["drafts", "--db", db, "--account", "NOPE"]) == 65)
        #expect(exitCode(["drafts", "--db", db, "--rep", "ghost"]) == 65)
        #expect(exitCode(["drafts", "--db", db, "--templates", folder.appendingPathComponent("none").path]) == 66)
        // An empty day (no occasion near, touched yesterday) writes an empty (but existing)
        // folder and logs nothing.
        try Database.openRapport(path: db).execute(
            "INSERT INTO touch (account_id, rep_id, date, channel, kind) VALUES (1, 1, '2026-07-09', 'call', 'checkin')")
        let out = folder.appendingPathComponent("out")
        #expect(exitCode(["drafts", "--db", db, "--date", "2026-07-10", "--out", out.path, "--mark-sent"]) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [])
    }

    @Test func templatesCheckExitCodes() throws {
        let (db, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good/en")
        try FileManager.default.createDirectory(at: good, withIntermediateDirectories: true)
        try "Subject: Hi\n\nDear {{contact.salutation}},\n{{rep.signature}}\n".write(to: good.appendingPathComponent("checkin.mustache"), atomically: true, encoding: .utf8)
        #expect(exitCode(["templates", "check", "--db", db, "--templates", folder.appendingPathComponent("good").path]) == 0)
        let bad = folder.appendingPathComponent("bad/zh-CN")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        try "{{contact.nmae}}".write(to: bad.appendingPathComponent("holiday.mustache"), atomically: true, encoding: .utf8)
        #expect(exitCode(["templates", "check", "--db", db, "--templates", folder.appendingPathComponent("bad").path]) == 65)
        #expect(exitCode(["templates", "check", "--db", folder.appendingPathComponent("missing.db").path]) == 66)
    }
}
