import Foundation
import Testing
@testable import RapportCore

@Suite struct DatabaseLookupTests {
    @Test func accountByKey() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-lookup-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let db = try Database.openRapport(path: path, mode: .create)
        try db.execute("INSERT INTO rep (handle, name) VALUES (?, ?)", ["wang.lei", "王磊"])
        try db.execute("""
            INSERT INTO account (key, name, tier, owner_id, country, region, locale, created_on, status, cadence_days)
            VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
            """, ["HD-MACH", "华东机械", "A", "CN", "Shanghai", "zh-CN", "2024-03-01", "dormant", 21])
        try db.execute("""
            INSERT INTO account (key, name, tier, owner_id, country, created_on) VALUES (?, ?, ?, 1, ?, ?)
            """, ["SEOUL-1", "Seoul Tech", "B", "KR", "2025-01-02"])

        let account = try #require(try db.account(key: "HD-MACH"))
        #expect(account == Account(key: "HD-MACH", name: "华东机械", tier: "A", owner: "wang.lei", country: "CN",
                                   region: "Shanghai", locale: "zh-CN", createdOn: CivilDate("2024-03-01")!,
                                   status: .dormant, cadenceDays: 21))
        let plain = try #require(try db.account(key: "SEOUL-1"))
        #expect(plain.locale == nil && plain.region == nil && plain.status == .active && plain.cadenceDays == nil)
        #expect(try db.account(key: "hd-mach") == nil)  // keys are exact
        #expect(try db.account(key: "NOPE") == nil)
    }
}
