import Foundation
import Testing
@testable import RapportCLI
@testable import RapportCore

/// `rapport drafts` printed draft by draft must give the bytes of the whole output made at
/// once: the JSON `Emit.json` (JSONEncoder) wrote, and the text blocks as one string.
@Suite struct DraftsOutputTests {
    private func drafts() -> [Draft] {
        let date = CivilDate(year: 2026, month: 11, day: 29)!
        let greeting = Draft(
            date: date, rep: "wang", account: "HD-MACH", accountName: "宏达机械 \"Hongda\"", contact: "C-LI", to: "李总",
            address: "wx-li", email: "li@example.cn", channel: .chat, reason: .holiday, occasion: "mid-autumn",
            variant: "mid-autumn", level: nil, event: nil, locale: "zh-CN", template: "zh-CN/holiday.mid-autumn.mustache",
            subject: "", body: "李总，中秋快乐！\n\t— 王/Wang \\ 宏达")
        let chase = Draft(
            date: date, rep: "li", account: "BUCKEYE", accountName: "Buckeye Tooling", contact: nil, to: "Buckeye Tooling",
            address: nil, email: nil, channel: .email, reason: .collection, occasion: nil, variant: "overdue",
            level: .overdue, event: nil, locale: "en", template: "en/collection.overdue.mustache",
            subject: "Invoice INV-7 is overdue", body: "Dear team,\r\nplease pay.\r")
        return [greeting, greeting, chase]
    }

    @Test func jsonMatchesTheEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for list in [drafts(), []] {
            let out = BufferedOutput.memory()
            try DraftsOutput.writeJSON(list, to: out)
            #expect(out.collected == Array(try encoder.encode(list)) + [UInt8(ascii: "\n")])
        }
    }

    /// (The last draft's body ends in a carriage return: one string dropped "\r\n" at the end.)
    @Test func textMatchesTheBlocksJoined() throws {
        for list in [drafts(), Array(drafts().prefix(1))] {
            let out = BufferedOutput.memory()
            try DraftsOutput.writeText(list, to: out)
            let whole = String(list.map(DraftText.render).joined(separator: "\n").dropLast()) + "\n"
            #expect(out.collected == Array(whole.utf8))
        }
    }
}
