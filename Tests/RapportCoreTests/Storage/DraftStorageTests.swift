import Foundation
import Testing
@testable import RapportCore

@Suite struct DraftStorageTests {
    /// A small database with two accounts of two reps, contacts, an event and a touch.
    func makeDatabase() throws -> (Database, URL) {
        let folder = try DraftFixtures.temporaryFolder()
        let db = try Database.openRapport(path: folder.appendingPathComponent("t.db").path, mode: .create)
        try db.execute("""
            INSERT INTO rep (handle, name, email, phone) VALUES ('wang.lei', '王磊', 'wang@example.cn', '+86 1'), ('sarah.chen', 'Sarah Chen', NULL, NULL), ('idle', 'Idle', NULL, NULL);
            INSERT INTO account (key, name, tier, owner_id, country, locale, created_on) VALUES
              ('HD-MACH', '华东精密', 'A', 1, 'CN', 'zh-CN', '2019-03-12'),
              ('BUCKEYE', 'Buckeye', 'A', 2, 'US', 'en', '2020-02-03'),
              ('OTHER', 'Other', 'C', 3, 'US', NULL, '2020-02-03');
            INSERT INTO contact (key, account_id, name, title, role, status, email, chat, channel, birthday, birthday_calendar) VALUES
              ('hd-li', 1, '李建国', '总经理', 'decision-maker', 'current', 'li@example.cn', 'li', 'chat', 'L04-10', 'chinese'),
              ('hd-zhang', 1, '张丽', '财务经理', 'finance', 'current', 'zhang@example.cn', NULL, 'email', NULL, 'gregorian'),
              ('bk-mike', 2, 'Mike', NULL, NULL, 'former', NULL, NULL, NULL, '12-02', 'gregorian'),
              ('ot-x', 3, 'X', NULL, NULL, 'current', NULL, NULL, NULL, NULL, 'gregorian');
            INSERT INTO event (account_id, contact_id, kind, title, date, calendar, sensitive) VALUES
              (1, NULL, 'incident', '车间事故', '2026-11-21', 'gregorian', 1),
              (1, 1, 'birthday', '李总生日', '04-10', 'chinese', 0);
            """)
        return (db, folder)
    }

    @Test func loadsOnlyTheItemsAccounts() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try db.draftData(accounts: ["HD-MACH", "BUCKEYE", "MISSING"], reps: ["sarah.chen"])
        #expect(Set(data.accounts.keys) == ["HD-MACH", "BUCKEYE"])
        #expect(data.accounts["HD-MACH"]?.owner == "wang.lei")
        #expect(data.accounts["HD-MACH"]?.locale == "zh-CN")
        #expect(data.contacts["HD-MACH"]?.map(\.key) == ["hd-li", "hd-zhang"])
        #expect(data.contacts["OTHER"] == nil)
        let li = try #require(data.contacts["HD-MACH"]?.first)
        #expect(li.role == .decisionMaker && li.channel == .chat && li.title == "总经理")
        #expect(li.birthday == RecurringDate(calendar: .chinese, month: 4, day: 10, isLeapMonth: true))
        #expect(data.contacts["BUCKEYE"]?.first?.status == .former)
        #expect(Set(data.reps.keys) == ["wang.lei", "sarah.chen"])
        #expect(data.reps["wang.lei"]?.email == "wang@example.cn")
        #expect(data.events["HD-MACH"]?.map(\.kind) == [.incident, .birthday])
        #expect(data.events["HD-MACH"]?.last?.contact == "hd-li")
        #expect(data.events["HD-MACH"]?.first?.sensitive == true)
        #expect(try db.draftData(accounts: []).accounts.isEmpty)
        // A key with quotes is data, not SQL.
        #expect(try db.draftData(accounts: ["x' OR '1'='1", "\"]"]).accounts.isEmpty)
    }

    func draft(_ contact: String?, reason: ReasonKind, channel: Channel, account: String = "HD-MACH", rep: String = "wang.lei") -> Draft {
        Draft(
            date: CivilDate("2026-09-24")!, rep: rep, account: account, accountName: "", contact: contact, to: "",
            address: nil, email: nil, channel: channel, reason: reason, occasion: nil, variant: reason == .holiday ? "mid-autumn" : nil,
            level: nil, event: nil, locale: "zh-CN", template: "", subject: "", body: "")
    }

    @Test func markSentLogsOneTouchPerDraftOnce() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let drafts = [
            draft("hd-li", reason: .holiday, channel: .chat),
            draft("hd-zhang", reason: .collection, channel: .email),
            draft(nil, reason: .gift, channel: .email),
            draft("hd-li", reason: .care, channel: .chat),
            draft("hd-li", reason: .event, channel: .chat),  // a second greeting to the same person: one touch
            draft("bk-mike", reason: .checkin, channel: .email, account: "BUCKEYE", rep: "sarah.chen"),
            draft("hd-li", reason: .promise, channel: .chat),
        ]
        #expect(try db.logTouches(for: drafts) == 6)
        let rows = try db.rows("""
            SELECT a.key, c.key, r.handle, t.date, t.channel, t.kind, t.note FROM touch t
            JOIN account a ON a.id = t.account_id JOIN rep r ON r.id = t.rep_id LEFT JOIN contact c ON c.id = t.contact_id
            ORDER BY t.id
            """) { row in (0..<7).map { row.optionalString($0) ?? "-" }.joined(separator: "|") }
        #expect(rows == [
            "HD-MACH|hd-li|wang.lei|2026-09-24|chat|greeting|draft: holiday mid-autumn",
            "HD-MACH|hd-zhang|wang.lei|2026-09-24|email|collection|draft: collection",
            "HD-MACH|-|wang.lei|2026-09-24|email|gift|draft: gift",
            "HD-MACH|hd-li|wang.lei|2026-09-24|chat|care|draft: care",
            "BUCKEYE|bk-mike|sarah.chen|2026-09-24|email|checkin|draft: checkin",
            "HD-MACH|hd-li|wang.lei|2026-09-24|chat|collection|draft: promise",
        ])
        // Marking the same drafts again adds nothing.
        #expect(try db.logTouches(for: drafts) == 0)
        #expect(try db.scalarInt("SELECT count(*) FROM touch") == 6)
    }

    @Test func missingKeys() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try db.missingKeys(accounts: ["HD-MACH", "NOPE"], reps: ["wang.lei", "ghost"])
        #expect(missing.accounts == ["NOPE"])
        #expect(missing.reps == ["ghost"])
    }
}
