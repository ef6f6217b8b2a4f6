import Foundation
import Testing
@testable import RapportCore

@Suite struct DraftFileTests {
    func draft(account: String = "HD-MACH", contact: String? = "hd-ouyang", to: String = "欧阳明", reason: ReasonKind = .holiday, variant: String? = "mid-autumn") -> Draft {
        Draft(
            date: CivilDate("2026-09-24")!, rep: "wang.lei", account: account, accountName: "华东精密机械有限公司", contact: contact,
            to: to, address: nil, email: nil, channel: .chat, reason: reason, occasion: variant, variant: variant, level: nil,
            event: nil, locale: "zh-CN", template: "t", subject: "中秋快乐", body: "中秋快乐！")
    }

    @Test func readableNames() {
        #expect(DraftFileName.base(for: draft()) == "2026-09-24_HD-MACH_欧阳明_holiday_mid-autumn")
        #expect(DraftFileName.base(for: draft(to: "Mike Reynolds", variant: nil)) == "2026-09-24_HD-MACH_mike-reynolds_holiday")
        #expect(DraftFileName.base(for: draft(to: "O'Brien, Seán", variant: nil)) == "2026-09-24_HD-MACH_obrien-seán_holiday")
        #expect(DraftFileName.base(for: draft(contact: nil, to: "华东精密机械有限公司", variant: nil)) == "2026-09-24_HD-MACH_account_holiday")
    }

    /// Whatever the data says, a name is one plain file name: no separators, no `..`, no
    /// leading dot, no control or bidi characters, bounded length.
    @Test func unsafeNamesAreNeutralised() {
        let hostile = [
            "../../etc/passwd", "a/b", "..", ".", "", "/", "\\..\\..\\windows", "..\u{0}x", "\u{202E}txt.exe",
            "line\nbreak", "~root", "CON", String(repeating: "長", count: 500), String(repeating: "a/", count: 300),
        ]
        for value in hostile {
            for name in [
                DraftFileName.base(for: draft(account: value, to: value)),
                DraftFileName.base(for: draft(contact: value, to: value, variant: value)),
            ] {
                #expect(!name.contains("/"), "\(name)")
                #expect(!name.contains("\\"), "\(name)")
                #expect(!name.contains(".."), "\(name)")
                #expect(!name.hasPrefix("."), "\(name)")
                #expect(!name.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }, "\(name)")
                #expect(name.utf8.count + ".eml-9999".utf8.count <= 255, "\(name)")
                #expect(name.hasPrefix("2026-09-24_"), "\(name)")
            }
        }
        // Empty slugs fall back to the key, then to a word.
        #expect(DraftFileName.base(for: draft(account: "..", contact: "li", to: "////", variant: nil)) == "2026-09-24_account_li_holiday")
        #expect(DraftFileName.base(for: draft(contact: "..", to: "", variant: nil)) == "2026-09-24_HD-MACH_contact_holiday")
        #expect(DraftFileName.slug(String(repeating: "長", count: 500), keepCase: false, maxBytes: 48) == String(repeating: "長", count: 16))
    }

    @Test func collisionsGetStableSuffixes() {
        let same = [draft(), draft(), draft(to: "欧阳明", variant: "MID-AUTUMN"), draft(to: "Ouyang Ming"), draft(to: "OUYANG MING")]
        let names = DraftFileName.assign(same, fileExtension: "txt")
        #expect(names == [
            "2026-09-24_HD-MACH_欧阳明_holiday_mid-autumn.txt",
            "2026-09-24_HD-MACH_欧阳明_holiday_mid-autumn-2.txt",
            "2026-09-24_HD-MACH_欧阳明_holiday_mid-autumn-3.txt",
            "2026-09-24_HD-MACH_ouyang-ming_holiday_mid-autumn.txt",
            "2026-09-24_HD-MACH_ouyang-ming_holiday_mid-autumn-2.txt",
        ])
        #expect(DraftFileName.assign(same, fileExtension: "txt") == names)
        // Accounts differing only in case collide on case-insensitive file systems.
        let cased = DraftFileName.assign([draft(account: "ab", variant: nil), draft(account: "AB", variant: nil)], fileExtension: "eml")
        #expect(cased == ["2026-09-24_ab_欧阳明_holiday.eml", "2026-09-24_AB_欧阳明_holiday-2.eml"])
    }

    /// Writing hostile drafts leaves every file directly in the output folder and
    /// nothing anywhere else (the folder's parent is a fresh folder we can inspect).
    @Test func writerNeverLeavesTheFolder() throws {
        let parent = try DraftFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("out")
        let hostile = ["../../etc/passwd", "a/b", "..", "", String(repeating: "x", count: 400), "../out2/x"]
        let drafts = hostile.map { draft(account: $0, contact: $0, to: $0, variant: $0) } + [draft(), draft()]
        for format in DraftFileFormat.allCases {
            let urls = try DraftWriter.write(drafts, format: format, to: out, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
                .map { URL(fileURLWithPath: $0) }
            #expect(urls.count == drafts.count)
            #expect(Set(urls.map(\.lastPathComponent)).count == drafts.count)
            for url in urls { #expect(url.deletingLastPathComponent().standardizedFileURL.path == out.standardizedFileURL.path) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["out"])
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(written.count == drafts.count * 2)
        #expect(written.allSatisfy { !$0.hasPrefix(".") })
        // Running again replaces the same files: the same drafts get the same names.
        try DraftWriter.write(drafts, format: .txt, to: out)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).count == drafts.count * 2)
    }

    @Test func writerRefusesSymlinksAndFiles() throws {
        let parent = try DraftFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let target = parent.appendingPathComponent("victim.txt")
        try "keep".write(to: target, atomically: true, encoding: .utf8)
        let name = DraftFileName.assign([draft()], fileExtension: "txt")[0]
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent(name), withDestinationURL: target)
        #expect(throws: RapportError.self) { try DraftWriter.write([draft()], format: .txt, to: out) }
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep")

        let file = parent.appendingPathComponent("plain")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        do {
            try DraftWriter.write([draft()], format: .txt, to: file)
            Issue.record("expected an error")
        } catch let error as RapportError {
            #expect(error.code == .ioError)
        }
    }

    @Test func textDraftIsReadable() {
        var d = draft()
        d.address = "ouyang_ming"
        #expect(DraftText.render(d) == """
            === 2026-09-24 · HD-MACH 华东精密机械有限公司 · holiday (mid-autumn) ===
            To: 欧阳明 · chat ouyang_ming
            Subject: 中秋快乐

            中秋快乐！

            """)
    }
}
