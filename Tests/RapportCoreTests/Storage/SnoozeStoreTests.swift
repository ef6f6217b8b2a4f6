import Foundation
import Testing
@testable import RapportCore

@Suite struct SnoozeStoreTests {
    @Test func snoozeUpsertsAndHidesTheKind() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("snooze-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = try Database.openRapport(path: path, mode: .create)
        try db.execute("INSERT INTO rep (handle, name) VALUES ('wang', 'Wang')")
        try db.execute("INSERT INTO account (key, name, tier, owner_id, country, created_on) VALUES ('HD-MACH', 'Hongda', 'B', 1, 'CN', '2026-01-01')")
        let day = CivilDate(year: 2026, month: 11, day: 29)!
        func kinds() throws -> [ReasonKind] {
            try agendaItems(db: db, config: RapportConfig(), occasions: FixedOccasions(byCountry: [:]), date: day, rep: nil)
                .flatMap { $0.reasons.map(\.kind) }
        }
        #expect(try kinds() == [.checkin])
        try db.snooze(account: "HD-MACH", kind: .checkin, until: day.adding(days: -1))
        #expect(try kinds() == [.checkin])
        try db.snooze(account: "HD-MACH", kind: .checkin, until: day)  // replaces the first
        #expect(try kinds().isEmpty)
        #expect(try db.scalarInt("SELECT count(*) FROM snooze") == 1)
        #expect(throws: RapportError.self) { try db.snooze(account: "HD-MACHX", kind: .checkin, until: day) }
    }
}
