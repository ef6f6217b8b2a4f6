import Testing
@testable import RapportCore

@Suite struct TouchLogTests {
    func world() throws -> ScratchDatabase {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        return scratch
    }

    @Test func theOwnerIsTheDefaultRepAndTheSameTouchIsRecordedOnce() throws {
        let scratch = try world()
        let log = TouchLog(database: scratch.db)
        let day = CivilDate(year: 2026, month: 11, day: 23)!
        let entry = TouchLog.Entry(account: "BUCKEYE", contact: "bk-mike", date: day, channel: .call, kind: .greeting, note: "Happy Thanksgiving")
        let first = try log.record(entry)
        #expect(first.isNew)
        #expect(first.touch.rep == "sarah.chen")
        #expect(try log.record(entry).isNew == false)
        #expect(try scratch.strings("SELECT r.handle || ' ' || t.date || ' ' || t.channel || ' ' || t.kind || ' ' || c.key || ' ' || t.note FROM touch t JOIN rep r ON r.id = t.rep_id JOIN contact c ON c.id = t.contact_id WHERE t.date = '2026-11-23'") == [
            "sarah.chen 2026-11-23 call greeting bk-mike Happy Thanksgiving",
        ])
        let byOther = try log.record(TouchLog.Entry(account: "BUCKEYE", rep: "wang.lei", date: day, channel: .email, kind: .checkin, note: "  "))
        #expect(byOther.touch.rep == "wang.lei")
        #expect(byOther.touch.note == nil)
    }

    @Test func unknownKeysAreDataErrorsWithSuggestions() throws {
        let scratch = try world()
        let log = TouchLog(database: scratch.db)
        let day = CivilDate(year: 2026, month: 11, day: 23)!
        func message(_ entry: TouchLog.Entry) -> String? {
            do {
                _ = try log.record(entry)
                return nil
            } catch let error as RapportError {
                return error.code == .dataError ? error.message : "code \(error.code)"
            } catch {
                return "\(error)"
            }
        }
        #expect(message(TouchLog.Entry(account: "HD-MAHC", date: day, channel: .call, kind: .care)) == "unknown account 'HD-MAHC' (did you mean HD-MACH?)")
        #expect(message(TouchLog.Entry(account: "HD-MACH", contact: "hd-l", date: day, channel: .call, kind: .care)) == "unknown contact 'hd-l' (did you mean hd-li?)")
        #expect(message(TouchLog.Entry(account: "HD-MACH", contact: "sz-chen", date: day, channel: .call, kind: .care)) == "contact 'sz-chen' belongs to account SZ-ELEC, not HD-MACH")
        #expect(message(TouchLog.Entry(account: "HD-MACH", rep: "wang.le", date: day, channel: .call, kind: .care)) == "unknown rep 'wang.le' (did you mean wang.lei?)")
        #expect(try scratch.count("touch") == 4)
    }
}
