import Foundation
import RapportCore
import Testing
@testable import RapportCLI

@Suite struct VCardImportCommandTests {
    static func vcard(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RapportCoreTests/Fixtures/vcard/\(name)").path
    }

    private func scratchWithAccounts() throws -> CLIScratch {
        let scratch = try CLIScratch()
        for kind in ["reps", "accounts"] {
            #expect(exitCode(["import", kind, CLIScratch.fixture("\(kind).csv"), "--db", scratch.db]) == 0)
        }
        return scratch
    }

    @Test func importsTheCardsOfAVCardFileAsContactsOfTheAccount() throws {
        let scratch = try scratchWithAccounts()
        let phone = Self.vcard("phone-2.1.vcf")
        #expect(exitCode(["import", "contacts", phone, "--account", "HD-MACH", "--db", scratch.db]) == 0)
        #expect(exitCode(["import", "contacts", phone, "--account", "HD-MACH", "--db", scratch.db]) == 0)
        #expect(try scratch.count("SELECT count(*) FROM contact c JOIN account a ON a.id = c.account_id WHERE a.key = 'HD-MACH' AND c.name IN ('李建国', '张丽', '欧阳明')") == 3)
        #expect(try scratch.count("SELECT count(*) FROM contact") == 3, "the second import added nothing")
        // Known by its content, whatever its name.
        let text = scratch.directory.appendingPathComponent("export.txt")
        try FileManager.default.copyItem(atPath: Self.vcard("google-3.0.vcf"), toPath: text.path)
        #expect(exitCode(["import", "contacts", text.path, "--account", "BUCKEYE", "--db", scratch.db]) == 0)
        #expect(try scratch.count("SELECT count(*) FROM contact") == 6)
    }

    @Test func exitCodes() throws {
        let scratch = try scratchWithAccounts()
        let google = Self.vcard("google-3.0.vcf")
        // --account goes with a vCard file, and only with one; a vCard file holds contacts.
        #expect(exitCode(["import", "contacts", google, "--db", scratch.db]) == 64)
        #expect(exitCode(["import", "accounts", google, "--account", "BUCKEYE", "--db", scratch.db]) == 64)
        #expect(exitCode(["import", "contacts", CLIScratch.fixture("contacts.csv"), "--account", "HD-MACH", "--db", scratch.db]) == 64)
        #expect(exitCode(["import", "contacts", google, "--account", "BUCKEYE", "--encoding", "big5", "--db", scratch.db]) == 64)
        // Bad data, an unknown account: 65.
        #expect(exitCode(["import", "contacts", Self.vcard("broken.vcf"), "--account", "BUCKEYE", "--db", scratch.db]) == 65)
        #expect(exitCode(["import", "contacts", google, "--account", "BUKEYE", "--db", scratch.db]) == 65)
        // No file, no database: 66.
        #expect(exitCode(["import", "contacts", scratch.directory.appendingPathComponent("none.vcf").path, "--account", "BUCKEYE", "--db", scratch.db]) == 66)
        #expect(exitCode(["import", "contacts", google, "--account", "BUCKEYE", "--db", scratch.directory.appendingPathComponent("none.db").path]) == 66)
        #expect(try scratch.count("SELECT count(*) FROM contact") == 0)
    }
}
