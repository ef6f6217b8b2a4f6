import Foundation
import Testing
@testable import RapportCore

extension Fixtures {
    /// `Fixtures/vcard/NAME` (made by `make-fixtures.py` there).
    static func vcard(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/vcard/\(name)").path
    }
}

extension ScratchDatabase {
    /// The reps and accounts of the base world: what vCard cards become contacts of.
    func loadAccounts() throws {
        try load(.reps, "reps.csv")
        try load(.accounts, "accounts.csv")
    }

    @discardableResult
    func loadVCard(_ path: String, account: String, encoding: ImportEncoding? = nil) throws -> VCardImportSummary {
        try importer.importVCard(path: path, account: account, encoding: encoding)
    }

    /// Every contact of `account`, one line each: key | name | title | role | phone | email | birthday | locale.
    func contacts(of account: String) throws -> [String] {
        try strings("""
            SELECT c.key || ' | ' || c.name || ' | ' || ifnull(c.title, '-') || ' | ' || ifnull(c.role, '-') || ' | '
                || ifnull(c.phone, '-') || ' | ' || ifnull(c.email, '-') || ' | ' || ifnull(c.birthday, '-') || ' | '
                || ifnull(c.locale, '-')
            FROM contact c JOIN account a ON a.id = c.account_id WHERE a.key = ? ORDER BY c.id
            """, [account])
    }
}

@Suite struct VCardImportTests {
    // MARK: The three exports

    @Test(arguments: [false, true]) func aPhonesVCard21ExportWithQuotedPrintableUTF8AndGB2312(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        try scratch.loadAccounts()
        let path = Fixtures.vcard("phone-2.1.vcf")
        let imported = try scratch.loadVCard(path, account: "HD-MACH")
        #expect(imported.summary.description == "imported \(path): 3 inserted, 0 updated, 0 skipped")
        #expect(imported.summary.encoding == .utf8, "every charset was declared")
        #expect(imported.notes.isEmpty)
        #expect(try scratch.contacts(of: "HD-MACH") == [
            // UTF-8 quoted-printable; TEL;CELL;PREF wins over the first TEL; year of BDAY dropped.
            "hd-mach-李建国 | 李建国 | 总经理 | - | +86 139 1000 2000 | li.jianguo@hd-mach.example.cn | 03-08 | -",
            // GB2312 quoted-printable, the title over three soft-broken lines; BDAY YYYYMMDD.
            "hd-mach-张丽 | 张丽 | 财务经理（华东区应收账款与信用管理） | - | +86 21 6000 1234 | zhang.li@hd-mach.example.cn | 09-17 | -",
            // No FN: N in GB2312, family and given name joined without a space.
            "hd-mach-欧阳明 | 欧阳明 | - | - | +86 138 0013 8000 | - | - | -",
        ])
        #expect(try scratch.strings("SELECT DISTINCT status || ' ' || birthday_calendar FROM contact") == ["current gregorian"])
    }

    @Test func aGoogleContactsExport() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadAccounts()
        let imported = try scratch.loadVCard(Fixtures.vcard("google-3.0.vcf"), account: "BUCKEYE")
        #expect((imported.summary.inserted, imported.summary.rows) == (3, 3))
        #expect(try scratch.contacts(of: "BUCKEYE") == [
            // BDAY --MM-DD; the first TEL (TYPE=CELL) when none is preferred.
            "buckeye-mike-reynolds | Mike Reynolds | VP Procurement | - | +1 614-555-0199 | mike.reynolds@buckeye.example.com | 04-12 | -",
            // item2.TEL;TYPE=CELL;TYPE=pref in a group beats the TEL before it; item1.EMAIL is read.
            "buckeye-jennifer-ortiz | Jennifer Ortiz | Controller | - | +1 614-555-0177 | jen.ortiz@buckeye.example.com | 09-30 | -",
            // `\,` unescaped.
            "buckeye-dave-kowalski | Dave Kowalski | Plant Manager, Plant 2 | - | +1 614-555-0123 | - | - | -",
        ])
    }

    @Test func aVCard40File() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadAccounts()
        let path = Fixtures.vcard("rfc6350-4.0.vcf")
        let imported = try scratch.loadVCard(path, account: "SZ-ELEC")
        #expect(imported.summary.inserted == 2)
        #expect(try scratch.contacts(of: "SZ-ELEC") == [
            // UID urn:uuid → key; BDAY --1224; tel: URI with PREF=1; LANG PREF=1; ROLE "Decision Maker" fits.
            "4fbe8971-0bc3-424c-9c26-36c3e1eff6b1 | 陈志强 | 总经理 | decision-maker | +86-755-8888-0001 | chen.zq@sz-elec.example.cn | 12-24 | zh-CN",
            // BDAY with a time; EMAIL PREF=1 though second; ROLE "Project Leader" is no contact role.
            "0d1c5e2a-8f47-4b1e-9a3c-5b6f7e8d9c10 | 吴芳 | 采购主管 | - | +86-139-2345-6789 | wu.fang@sz-elec.example.cn | 05-06 | zh",
        ])
        #expect(imported.notes.map(\.description) == [
            "\(path):27: ROLE: 'Project Leader' is not a contact role (decision-maker, finance, influencer, user); not imported",
        ])
    }

    // MARK: Re-import

    @Test(arguments: [false, true]) func importingTheSameFileTwiceAddsNothing(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        try scratch.loadAccounts()
        for (file, account) in [("phone-2.1.vcf", "HD-MACH"), ("google-3.0.vcf", "BUCKEYE"), ("rfc6350-4.0.vcf", "SZ-ELEC")] {
            try scratch.loadVCard(Fixtures.vcard(file), account: account)
            let before = try scratch.contacts(of: account)
            let again = try scratch.loadVCard(Fixtures.vcard(file), account: account).summary
            #expect((again.inserted, again.updated, again.skipped) == (0, 0, again.rows), "\(file)")
            #expect(try scratch.contacts(of: account) == before)
        }
        #expect(try scratch.count("contact") == 8)
    }

    @Test func aChangedCardUpdatesItsContactAndLeavesOutColumnsAlone() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadAccounts()
        try scratch.loadVCard(Fixtures.vcard("google-3.0.vcf"), account: "BUCKEYE")
        // A salutation set by a contacts CSV is not a vCard field: the next import keeps it.
        try scratch.db.execute("UPDATE contact SET salutation = 'Mr. Reynolds', role = 'decision-maker' WHERE key = 'buckeye-mike-reynolds'")
        let changed = try scratch.file("google.vcf", """
            BEGIN:VCARD
            VERSION:3.0
            FN:Mike Reynolds
            TEL;TYPE=CELL:+1 614-555-0200
            EMAIL:mike.reynolds@buckeye.example.com
            BDAY:--04-12
            TITLE:VP Procurement
            END:VCARD

            """)
        let summary = try scratch.loadVCard(changed, account: "BUCKEYE").summary
        #expect((summary.inserted, summary.updated, summary.skipped) == (0, 1, 0))
        #expect(try scratch.strings("SELECT phone || ' ' || salutation || ' ' || role FROM contact WHERE key = 'buckeye-mike-reynolds'") == [
            "+1 614-555-0200 Mr. Reynolds decision-maker",
        ])
    }

    @Test func identicalCardsInOneFileAreOneContact() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadAccounts()
        let card = "BEGIN:VCARD\nVERSION:3.0\nFN:Mike Reynolds\nTEL:+1 614 555 0199\nEND:VCARD\n"
        let path = try scratch.file("twice.vcf", card + "\n" + card)
        let imported = try scratch.loadVCard(path, account: "BUCKEYE")
        #expect((imported.summary.inserted, imported.summary.rows) == (1, 1))
        #expect(imported.notes.map(\.description) == ["\(path):7: card: the same contact as the card on line 1; imported once"])
    }

    // MARK: Problems

    @Test(arguments: [false, true]) func everyProblemOfTheFileIsListedWithItsLine(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        try scratch.loadAccounts()
        try scratch.settle()
        let before = scratch.fileBytes()
        let path = Fixtures.vcard("broken.vcf")
        let lines = importFailure { try scratch.loadVCard(path, account: "BUCKEYE") }
        #expect(lines == [
            "\(path): 10 problems; nothing was imported",
            "\(path):4: EMAIL: 'anna.novak(at)buckeye.example.com' is not an e-mail address",
            "\(path):5: BDAY: '1990-13-45' is not a real month and day",
            "\(path):7: FN: the card has no name: FN and N are missing or empty",
            "\(path):12: card: BEGIN:VCARD without END:VCARD (the next card begins on line 15)",
            "\(path):18: BDAY: 'next spring' is not a birthday as YYYY-MM-DD, YYYYMMDD, --MM-DD or --MMDD",
            "\(path):20: card: END:VCARD without a BEGIN:VCARD before it",
            "\(path):23: FN: '=ZZ' is not quoted-printable (= and two hex digits)",
            "\(path):27: FN: CHARSET=BIG5 is not a character set this import reads (UTF-8, GB2312, GBK, GB18030, ISO-8859-1); export the contacts as UTF-8",
            "\(path):36: FN: the card on line 29 has the same name but other details, so both would be contact 'buckeye-mike-reynolds'; give the cards different names or a UID each",
            "\(path):39: card: BEGIN:VCARD without END:VCARD: the file ends first",
        ])
        #expect(try scratch.count("contact") == 0, "the good cards were not written either")
        try scratch.settle()
        #expect(scratch.fileBytes() == before)
    }

    @Test func aFileThatIsNotAVCard() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadAccounts()
        let csv = try scratch.file("people.vcf", "key,account,name\nbk-x,BUCKEYE,X\n")
        #expect(importFailure { try scratch.loadVCard(csv, account: "BUCKEYE") } == [
            "\(csv): 1 problem; nothing was imported",
            "\(csv):1: file: not a vCard file: it has no BEGIN:VCARD line (a vCard file holds cards from BEGIN:VCARD to END:VCARD)",
        ])
        let empty = try scratch.file("empty.vcf", "")
        #expect(importFailure { try scratch.loadVCard(empty, account: "BUCKEYE") }?.last ==
                "\(empty):1: file: not a vCard file: it has no BEGIN:VCARD line (a vCard file holds cards from BEGIN:VCARD to END:VCARD)")
        let utf16 = scratch.directory.appendingPathComponent("utf16.vcf")
        try Data([0xFF, 0xFE] + Array("BEGIN:VCARD\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: utf16)
        #expect(importFailure { try scratch.loadVCard(utf16.path, account: "BUCKEYE") }?.last ==
                "\(utf16.path):1: file: the file is UTF-16 text; export the contacts as a vCard file in UTF-8")
    }

    @Test func linesInACardThatAreNotPropertiesAndTextBetweenCards() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadAccounts()
        let path = try scratch.file("stray.vcf", """
            Exported by Contacts+
            BEGIN:VCARD
            VERSION:3.0
            FN:Mike Reynolds
            call him on Tuesdays
            END:VCARD
            BEGIN:VCARD
            FN:Jennifer Ortiz
            END:VCARD
            -- end --
            more text

            """)
        #expect(importFailure { try scratch.loadVCard(path, account: "BUCKEYE") } == [
            "\(path): 3 problems; nothing was imported",
            "\(path):1: card: text outside a card (cards run from BEGIN:VCARD to END:VCARD)",
            "\(path):5: card: 'call him on Tuesdays' is not a property (NAME:value)",
            "\(path):10: card: text outside a card (cards run from BEGIN:VCARD to END:VCARD)",
        ])
    }

    @Test(arguments: [false, true]) func anUnknownAccountIsOneErrorWithASuggestion(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        try scratch.loadAccounts()
        #expect(importFailure { try scratch.loadVCard(Fixtures.vcard("phone-2.1.vcf"), account: "HD-MAHC") } == [
            "unknown account 'HD-MAHC' (did you mean HD-MACH?)",
        ])
        #expect(try scratch.count("contact") == 0)
    }

    @Test(arguments: [false, true]) func aContactOfAnotherAccountIsNotMoved(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        try scratch.loadAccounts()
        let path = Fixtures.vcard("rfc6350-4.0.vcf")
        try scratch.loadVCard(path, account: "SZ-ELEC")
        #expect(importFailure { try scratch.loadVCard(path, account: "BUCKEYE") } == [
            "\(path): 2 problems; nothing was imported",
            "\(path):3: UID: contact '4fbe8971-0bc3-424c-9c26-36c3e1eff6b1' belongs to account SZ-ELEC, not BUCKEYE; a vCard import does not move contacts between accounts",
            "\(path):23: UID: contact '0d1c5e2a-8f47-4b1e-9a3c-5b6f7e8d9c10' belongs to account SZ-ELEC, not BUCKEYE; a vCard import does not move contacts between accounts",
        ])
        #expect(try scratch.contacts(of: "BUCKEYE").isEmpty)
    }

    @Test func theCSVChecksRunOnTheCardsValues() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadAccounts()
        let path = try scratch.file("checks.vcf", """
            BEGIN:VCARD
            VERSION:4.0
            FN:Ana Lima
            LANG:pt_BR
            EMAIL:ana lima@buckeye.example.com
            END:VCARD
            BEGIN:VCARD
            VERSION:4.0
            FN:???
            END:VCARD

            """)
        #expect(importFailure { try scratch.loadVCard(path, account: "BUCKEYE") } == [
            "\(path): 3 problems; nothing was imported",
            "\(path):4: LANG: 'pt_BR' is not a locale tag such as zh-CN or en (did you mean pt-BR?)",
            "\(path):5: EMAIL: 'ana lima@buckeye.example.com' is not an e-mail address",
            "\(path):9: FN: '???' has no letter or digit to make the contact's key of; give the card a UID",
        ])
    }

    @Test func twoCardsWithOneUIDButOtherDetails() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadAccounts()
        let path = try scratch.file("uid.vcf", """
            BEGIN:VCARD
            VERSION:4.0
            UID:urn:uuid:11111111-2222-3333-4444-555555555555
            FN:Ana Lima
            END:VCARD
            BEGIN:VCARD
            VERSION:4.0
            UID:urn:uuid:11111111-2222-3333-4444-555555555555
            FN:Ana Lima Souza
            END:VCARD

            """)
        #expect(importFailure { try scratch.loadVCard(path, account: "BUCKEYE") }?.last ==
                "\(path):8: UID: the card on line 1 has the same UID but other details; one contact cannot be two cards")
    }

    // MARK: Text

    @Test func undeclaredGB18030IsDetectedOrForced() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadAccounts()
        // A 3.0 card in raw GBK bytes, no CHARSET: 王小明, title 采购经理.
        let url = scratch.directory.appendingPathComponent("gbk.vcf")
        let text: [UInt8] = Array("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:".utf8) + [0xCD, 0xF5, 0xD0, 0xA1, 0xC3, 0xF7]
            + Array("\r\nTITLE:".utf8) + [0xB2, 0xC9, 0xB9, 0xBA, 0xBE, 0xAD, 0xC0, 0xED] + Array("\r\nEND:VCARD\r\n".utf8)
        try Data(text).write(to: url)
        let imported = try scratch.loadVCard(url.path, account: "HD-MACH")
        #expect(imported.summary.encoding == .gb18030)
        #expect(try scratch.strings("SELECT key || ' ' || name || ' ' || title FROM contact") == ["hd-mach-王小明 王小明 采购经理"])
        #expect(importFailure { try scratch.loadVCard(url.path, account: "HD-MACH", encoding: .utf8) } == [
            "\(url.path): 2 problems; nothing was imported",
            "\(url.path):3: FN: bytes that are not UTF-8 text",
            "\(url.path):4: TITLE: bytes that are not UTF-8 text",
        ])
    }

    @Test func aByteOrderMarkAndBareLineEnds() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadAccounts()
        for (name, newline) in [("lf.vcf", "\n"), ("cr.vcf", "\r")] {
            let url = scratch.directory.appendingPathComponent(name)
            let card = ["BEGIN:VCARD", "VERSION:3.0", "FN:Mike Reynolds", "TEL:+1 614 555 0199", "BDAY:19700101", "END:VCARD"]
            try Data([0xEF, 0xBB, 0xBF] + Array((card.joined(separator: newline) + newline).utf8)).write(to: url)
            let summary = try scratch.loadVCard(url.path, account: "BUCKEYE").summary
            #expect(summary.rows == 1, "\(name)")
        }
        #expect(try scratch.contacts(of: "BUCKEYE") == ["buckeye-mike-reynolds | Mike Reynolds | - | - | +1 614 555 0199 | - | 01-01 | -"])
    }

    @Test func nothingInACardCanActOnTheDatabase() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadAccounts()
        let path = try scratch.file("sql.vcf", """
            BEGIN:VCARD
            VERSION:3.0
            FN:Robert'); DROP TABLE contact;--
            TITLE:=HYPERLINK("http://x.example"\\,"y")
            END:VCARD

            """)
        try scratch.loadVCard(path, account: "BUCKEYE")
        #expect(try scratch.strings("SELECT key || ' | ' || name || ' | ' || title FROM contact") == [
            "buckeye-robert-drop-table-contact | Robert'); DROP TABLE contact;-- | =HYPERLINK(\"http://x.example\",\"y\")",
        ])
    }

    /// A value that begins with the CSV formula guard's `'` keeps it: the cards' CSV text
    /// is written the way the CSV writers write, so the importer's unguarding gives back
    /// exactly the card's value.
    @Test func aValueStartingWithAQuoteKeepsIt() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadAccounts()
        let path = try scratch.file("quote.vcf", """
            BEGIN:VCARD
            VERSION:3.0
            FN:Anna Novak
            TITLE:'=not a formula
            END:VCARD

            """)
        try scratch.loadVCard(path, account: "BUCKEYE")
        #expect(try scratch.strings("SELECT title FROM contact WHERE name = 'Anna Novak'") == ["'=not a formula"])
    }

    // MARK: Detection

    @Test func vCardFilesAreKnownByNameOrByContent() throws {
        let scratch = try ScratchDatabase()
        #expect(Importer.isVCard(path: "/nowhere/Contacts.VCF"))
        #expect(Importer.isVCard(path: "/nowhere/export.vcard"))
        #expect(!Importer.isVCard(path: Fixtures.path("contacts.csv")))
        #expect(Importer.isVCard(path: try scratch.file("export.txt", "\u{FEFF}\r\n  begin:vcard\r\nVERSION:3.0\r\n")))
        #expect(!Importer.isVCard(path: try scratch.file("export.csv", "key,account,name\n")))
    }
}
