import Foundation
import Testing
@testable import RapportCLI

/// An Indian customer end to end: the shipped IN calendar puts Diwali (20 October 2025,
/// the gazetted date) on the agenda, a gift first for tier A, and the drafts come out in
/// each contact's language.
@Suite struct IndiaDraftsTests {
    /// The text of every draft `rapport drafts --date DATE` writes for the scratch world.
    func drafts(_ scratch: CLIScratch, date: String) throws -> [String] {
        let out = scratch.directory.appendingPathComponent("drafts-\(date)")
        #expect(exitCode(["drafts", "--db", scratch.db, "--date", date, "--out", out.path, "--format", "txt"]) == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        return try names.map { try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8) }
    }

    func world() throws -> CLIScratch {
        let scratch = try CLIScratch()
        let files = [
            "reps": CLIScratch.fixture("reps.csv"),
            "accounts": "key,name,tier,owner,country,region,locale,created_on,status\n"
                + "MUM-STEEL,Mumbai Steel Works Pvt Ltd,A,sarah.chen,IN,Mumbai,en-IN,2020-01-15,active\n",
            "contacts": "key,account,name,salutation,title,role,status,phone,email,chat,channel,locale,birthday,birthday_calendar\n"
                + "ms-rao,MUM-STEEL,Priya Rao,Priya ji,Purchase Head,decision-maker,current,+91 98200 00000,,priya_rao,chat,hi,,\n"
                + "ms-iyer,MUM-STEEL,Arjun Iyer,,Plant Manager,influencer,current,,arjun.iyer@example.in,,email,en-IN,,\n",
        ]
        for kind in ["reps", "accounts", "contacts"] {
            var path = files[kind]!
            if kind != "reps" {
                let url = scratch.directory.appendingPathComponent("\(kind).csv")
                try path.write(to: url, atomically: true, encoding: .utf8)
                path = url.path
            }
            #expect(exitCode(["import", kind, path, "--db", scratch.db]) == 0, "\(kind)")
        }
        return scratch
    }

    @Test func diwaliGreetingInEachContactsLanguage() throws {
        let scratch = try world()
        let texts = try drafts(scratch, date: "2025-10-17")  // greeting window 17–20 October
        #expect(texts.contains { $0.contains("Priya ji") && $0.contains("दीपावली की हार्दिक शुभकामनाएँ") }, "\(texts)")
        #expect(texts.contains { $0.contains("Arjun Iyer") && $0.contains("Happy Diwali") }, "\(texts)")
    }

    @Test func diwaliGiftBeforeTheGreeting() throws {
        let scratch = try world()
        let texts = try drafts(scratch, date: "2025-10-10")  // gift window 6–16 October
        #expect(texts.contains { $0.contains("Priya ji") && $0.contains("उपहार") }, "\(texts)")
        #expect(texts.contains { $0.contains("small festive gift") }, "\(texts)")
        #expect(!texts.contains { $0.contains("Happy Diwali") })
    }

    @Test func holiGreeting() throws {
        let scratch = try world()
        let texts = try drafts(scratch, date: "2025-03-14")  // Holi 14 March 2025 (gazetted)
        #expect(texts.contains { $0.contains("होली की हार्दिक शुभकामनाएँ") }, "\(texts)")
        #expect(texts.contains { $0.contains("Happy Holi") }, "\(texts)")
    }
}
