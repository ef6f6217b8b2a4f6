import Foundation
import Testing
@testable import RapportCore

@Suite struct CSVExportTests {
    @Test func everyKindIsWrittenInTheImportsColumnsDatesAmountsAndDefaults() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        for kind in ImportKind.allCases {
            let header = try scratch.exportedCSV(kind).split(separator: "\n").first
            #expect(header.map(String.init) == kind.columns.map(\.name).joined(separator: ","), "\(kind)")
        }
        // Birthdays as stored (the year dropped, lunar leap months as L04-10), every
        // default written out, a formula-looking phone guarded.
        #expect(try scratch.exportedCSV(.contacts) == """
            key,account,name,salutation,title,role,status,phone,email,chat,channel,locale,birthday,birthday_calendar
            hd-li,HD-MACH,李建国,,总经理,decision-maker,current,'+86 139 1000 2000,li.jianguo@hd-mach.example.cn,li_jianguo,chat,,03-08,gregorian
            hd-ouyang,HD-MACH,欧阳明,欧阳总,董事会顾问（前总经理）,influencer,former,,,ouyang_ming,chat,,L04-10,chinese
            hd-zhang,HD-MACH,张丽,,财务经理,finance,current,'+86 21 6000 1234,zhang.li@hd-mach.example.cn,,email,,,gregorian
            sz-chen,SZ-ELEC,陈志强,,总经理,decision-maker,current,,chen.zq@sz-elec.example.cn,chenzq,chat,,02-29,gregorian
            bk-mike,BUCKEYE,Mike Reynolds,,VP Procurement,decision-maker,current,'+1 614 555 0199,mike.reynolds@buckeye.example.com,,email,en-US,,gregorian

            """)
        #expect(try scratch.exportedCSV(.events) == """
            account,contact,kind,title,date,calendar,repeat,sensitive
            HD-MACH,,incident,车间安全事故,2026-11-21,gregorian,once,yes
            HD-MACH,hd-li,birthday,李总农历生日,L04-10,chinese,,no
            BUCKEYE,,anniversary,Partnership anniversary,2020-02-03,gregorian,yearly,no

            """)
        // Amounts with the currency's decimals (JPY none); payments by invoice number; a
        // promise naming no invoice in its account's currency.
        #expect(try scratch.exportedCSV(.invoices) == """
            number,account,issued_on,due_on,amount,currency
            INV-0912,HD-MACH,2026-09-01,2026-10-15,186000.00,CNY
            INV-1042,SZ-ELEC,2026-08-20,2026-09-19,100000.00,CNY
            US-5531,BUCKEYE,2026-10-28,2026-11-27,18450.50,USD
            JP-77,BUCKEYE,2026-10-01,2026-10-31,120000,JPY

            """)
        #expect(try scratch.exportedCSV(.payments) == "invoice,paid_on,amount\nINV-1042,2026-10-10,20000.00\nJP-77,2026-10-20,5000\n")
        #expect(try scratch.exportedCSV(.promises) == """
            account,invoice,promised_on,amount
            SZ-ELEC,INV-1042,2026-11-15,80000.00
            HD-MACH,,2026-12-01,50000.00

            """)
        #expect(try scratch.exportedCSV(.touches).contains("SZ-ELEC,sz-chen,wang.lei,2026-11-05,chat,checkin,\"Asked about Q1, said \"\"maybe\"\"\"\n"))
        #expect(try scratch.exportedCSV(.snoozes) == "account,kind,until\nOLD-MILL,checkin,2026-12-31\nHD-MACH,collection,2026-11-28\n")
    }

    /// Rows come in the order they were added, keyed rows too: the order the agenda and
    /// drafts break ties by, which the re-import keeps.
    @Test func rowsComeInTheOrderTheyWereAdded() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        #expect(try scratch.exportedCSV(.reps).split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } } == [
            "wang.lei", "sarah.chen", "zhao.min",
        ])
        // An updated account keeps its place.
        try scratch.load(.accounts, "accounts-updated.csv")
        #expect(try scratch.exportedCSV(.accounts).split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } } == [
            "HD-MACH", "SZ-ELEC", "BUCKEYE", "OLD-MILL",
        ])
    }

    @Test func theFixtureWorldRoundTripsExactly() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        try scratch.load(.accounts, "accounts-formula.csv")
        try scratch.load(.touches, "touches-crlf.csv")
        let copy = try scratch.roundTrip()
        for kind in ImportKind.allCases {
            #expect(try copy.stored(kind) == scratch.stored(kind), "\(kind)")
            #expect(try copy.export(kind).data == scratch.export(kind).data, "\(kind): the second export is the first")
        }
    }

    /// Values that a spreadsheet could run, or that CSV quoting must carry, come back as
    /// they were stored: in keys, in references to those keys, in free text.
    @Test func hostileValuesRoundTrip() throws {
        let scratch = try ScratchDatabase()
        try scratch.load(.reps, "reps.csv")
        try scratch.importer.importFile(kind: .accounts, path: try scratch.file("accounts.csv", """
            key,name,tier,owner,country,region,locale,created_on,status
            =EVIL,"=HYPERLINK(""http://evil.example"",""x"")",A,wang.lei,CN,-5 Corp,zh-CN,2020-01-01,active
            -5CORP,"''=already guarded",B,wang.lei,CN,@region,,2020-01-02,
            PLAIN,"  padded name  ",C,wang.lei,US,'quoted,,2020-01-03,dormant

            """))
        try scratch.importer.importFile(kind: .contacts, path: try scratch.file("contacts.csv", """
            key,account,name,salutation,title,phone,email
            -c1,=EVIL,"Line one\r\nline two, with ""quotes"" inside",',"\ttab first",+86 138 0000,+tag@example.com
            c2,-5CORP,_x0041_ and \u{1} control,"\rCR first",-12.50,-5,

            """))
        try scratch.importer.importFile(kind: .touches, path: try scratch.file("touches.csv", """
            account,contact,rep,date,channel,kind,note
            =EVIL,-c1,wang.lei,2026-11-01,call,checkin,"=cmd|' /C calc'!A0"
            -5CORP,,wang.lei,2026-11-02,visit,visit,"  spaced, ""quoted""  "

            """))
        #expect(try scratch.strings("SELECT key || '|' || name || '|' || ifnull(region, '') FROM account ORDER BY id") == [
            "=EVIL|=HYPERLINK(\"http://evil.example\",\"x\")|-5 Corp", "-5CORP|'=already guarded|@region",
            "PLAIN|  padded name  |'quoted",
        ])
        #expect(try scratch.strings("SELECT salutation || '|' || title || '|' || phone FROM contact ORDER BY id") == [
            "'|\ttab first|+86 138 0000", "\rCR first|-12.50|-5",
        ])
        let accounts = try scratch.exportedCSV(.accounts)
        #expect(accounts.contains("'=EVIL,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",A,wang.lei,CN,'-5 Corp,"))
        #expect(accounts.contains("'-5CORP,''=already guarded,B,wang.lei,CN,'@region,"))
        #expect(accounts.contains("PLAIN,  padded name  ,C,wang.lei,US,'quoted,"))
        #expect(try scratch.exportedCSV(.touches).contains("'=EVIL,'-c1,wang.lei,2026-11-01,call,checkin,'=cmd|' /C calc'!A0\n"))
        let copy = try scratch.roundTrip()
        for kind in ImportKind.allCases {
            #expect(try copy.stored(kind) == scratch.stored(kind), "\(kind)")
        }
    }

    @Test func aCSVFileHasAByteOrderMarkAndReplacesAnOldFileOnlyWhenComplete() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        let path = scratch.directory.appendingPathComponent("reps.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        // The database goes away mid-export: the old file stays, no temporary file is left.
        let broken = try ScratchDatabase()
        try broken.db.execute("DROP TABLE snooze")
        #expect(throws: (any Error).self) { _ = try TableExport.write(.snoozes, from: broken.db, format: .csv, to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path).filter { $0.hasPrefix(".") } == [])
        let data = try scratch.export(.reps).data
        expectBOM(data)
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self).hasPrefix("handle,name,email,phone,manager\nwang.lei,"))
    }

    @Test func aFileThatCannotBeCreatedExits73() throws {
        let scratch = try ScratchDatabase()
        let missing = scratch.directory.appendingPathComponent("no-such-folder/reps.csv").path
        let error = #expect(throws: RapportError.self) {
            _ = try TableExport.write(.reps, from: scratch.db, format: .csv, to: missing)
        }
        #expect(error?.code == .cannotCreate)
        #expect(error?.message.hasPrefix("cannot create \(missing): ") == true)
    }
}
