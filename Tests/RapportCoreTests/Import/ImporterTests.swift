import Foundation
import Testing
@testable import RapportCore

@Suite struct ImporterTests {
    // MARK: Every kind

    @Test(arguments: [false, true]) func everyKindImports(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        var inserted: [ImportKind: Int] = [:]
        for kind in Fixtures.worldOrder {
            let summary = try scratch.load(kind, "\(kind.rawValue).csv")
            #expect(summary.updated == 0 && summary.skipped == 0, "\(kind)")
            #expect(summary.encoding == .utf8)
            inserted[kind] = summary.inserted
        }
        #expect(inserted == [.reps: 3, .accounts: 4, .contacts: 5, .events: 3, .touches: 4, .invoices: 4, .payments: 2,
                             .promises: 2, .snoozes: 2])
        let db = scratch.db
        // Defaults for empty optional cells, normalised birthdays, money in minor units.
        #expect(try scratch.strings("SELECT status FROM account WHERE key = 'SZ-ELEC'") == ["active"])
        #expect(try scratch.strings("SELECT name FROM account WHERE key = 'BUCKEYE'") == ["Buckeye Tooling, Inc."])
        #expect(try scratch.strings("SELECT key || ' ' || ifnull(birthday, '-') || ' ' || birthday_calendar || ' ' || status FROM contact ORDER BY key") == [
            "bk-mike - gregorian current", "hd-li 03-08 gregorian current", "hd-ouyang L04-10 chinese former",
            "hd-zhang - gregorian current", "sz-chen 02-29 gregorian current",
        ])
        #expect(try scratch.strings("SELECT number || ' ' || amount || ' ' || currency FROM invoice ORDER BY number") == [
            "INV-0912 18600000 CNY", "INV-1042 10000000 CNY", "JP-77 120000 JPY", "US-5531 1845050 USD",
        ])
        #expect(try scratch.strings("SELECT amount FROM payment ORDER BY amount") == ["5000", "2000000"])
        // A promise without an invoice takes the currency of the account's invoices.
        #expect(try scratch.strings("SELECT a.key || ' ' || p.amount || ' ' || p.currency || ' ' || ifnull(p.invoice_id, '-') FROM promise p JOIN account a ON a.id = p.account_id ORDER BY a.key") == [
            "HD-MACH 5000000 CNY -", "SZ-ELEC 8000000 CNY 2",
        ])
        #expect(try scratch.strings("SELECT date || ' ' || calendar || ' ' || ifnull(repeat, '-') || ' ' || sensitive FROM event ORDER BY id") == [
            "2026-11-21 gregorian once 1", "L04-10 chinese - 0", "2020-02-03 gregorian yearly 0",
        ])
        #expect(try scratch.strings("SELECT note FROM touch WHERE channel = 'chat'") == ["Asked about Q1, said \"maybe\""])
        #expect(try scratch.strings("SELECT manager FROM rep ORDER BY handle") == ["zhao.min", "zhao.min", "NULL"])
        #expect(try db.scalarInt("PRAGMA foreign_keys") == 1, "foreign keys are back on after the import")
    }

    @Test(arguments: [false, true]) func reimportingTheSameFilesAddsNothing(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        try scratch.loadWorld()
        let tables = ["rep", "account", "contact", "event", "touch", "invoice", "payment", "promise", "snooze"]
        let before = try tables.map(scratch.count)
        for kind in Fixtures.worldOrder {
            let summary = try scratch.load(kind, "\(kind.rawValue).csv")
            #expect(summary.inserted == 0 && summary.updated == 0, "\(kind)")
            #expect(summary.skipped == summary.rows, "\(kind)")
        }
        #expect(try tables.map(scratch.count) == before)
    }

    // MARK: Upserts and identical rows

    @Test(arguments: [false, true]) func upsertUpdatesOnlyChangedRowsAndKeepsColumnsTheFileLeavesOut(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        try scratch.loadWorld()
        let summary = try scratch.load(.accounts, "accounts-updated.csv")
        #expect((summary.inserted, summary.updated, summary.skipped) == (0, 1, 1))
        #expect(try scratch.strings("SELECT name || ' ' || tier || ' ' || region || ' ' || locale FROM account WHERE key = 'SZ-ELEC'") == [
            "深圳创联电子股份有限公司 A Shenzhen zh-CN",
        ])
        #expect(try scratch.strings("SELECT status FROM account WHERE key = 'OLD-MILL'") == ["dormant"])
        #expect(summary.description == "imported \(Fixtures.path("accounts-updated.csv")): 0 inserted, 1 updated, 1 skipped")
    }

    @Test func identicalRowsWithinOneFileAreSkipped() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        let summary = try scratch.load(.touches, "touches-duplicates.csv")
        #expect((summary.inserted, summary.updated, summary.skipped) == (3, 0, 2))
        #expect(try scratch.count("touch") == 7)
    }

    // MARK: Problems

    @Test(arguments: [false, true]) func fiveErrorsAreAllReportedWithTheirLines(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        try scratch.loadWorld()
        let file = Fixtures.path("contacts-five-errors.csv")
        let lines = importFailure { try scratch.importer.importFile(kind: .contacts, path: file) }
        #expect(lines == [
            "\(file): 5 problems; nothing was imported",
            "\(file):3: role: 'boss' is not one of decision-maker, finance, influencer, user",
            "\(file):4: email: 'not-an-address' is not an e-mail address",
            "\(file):5: key: contact 'c-ok' is already on line 2 of this file",
            "\(file):6: account: unknown account 'HD-MAHC' (did you mean HD-MACH?)",
            "\(file):7: birthday: '13-01' is not a birthday as MM-DD or YYYY-MM-DD",
        ])
        #expect(try scratch.count("contact") == 5, "the valid line 2 was not written either")
    }

    @Test func theDatabaseFileIsByteForByteUnchangedAfterAFailedImport() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        try scratch.settle()
        let before = scratch.fileBytes()
        for (kind, fixture) in [(ImportKind.contacts, "contacts-five-errors.csv"), (.touches, "touches-unknown-account.csv"),
                                (.invoices, "invoices-decimals.csv"), (.accounts, "accounts-unknown-column.csv")] {
            #expect(importFailure { try scratch.load(kind, fixture) } != nil)
        }
        #expect(scratch.fileBytes() == before)
    }

    @Test func unknownColumnSuggestsTheRightOne() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        let file = Fixtures.path("accounts-unknown-column.csv")
        let lines = importFailure { try scratch.importer.importFile(kind: .accounts, path: file) } ?? []
        #expect(lines.contains("\(file):1: created: unknown column for accounts (did you mean created_on?); the columns are key, name, tier, owner, country, region, locale, created_on, status"))
        #expect(lines.contains("\(file):1: created_on: required column missing from the header"))
        #expect(lines.count == 3)
    }

    @Test(arguments: [false, true]) func unknownAccountSuggestsTheClosestKey(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        try scratch.loadWorld()
        let file = Fixtures.path("touches-unknown-account.csv")
        let lines = importFailure { try scratch.importer.importFile(kind: .touches, path: file) }
        #expect(lines == [
            "\(file): 1 problem; nothing was imported",
            "\(file):3: account: unknown account 'BUKEYE' (did you mean BUCKEYE?)",
        ])
        #expect(try scratch.count("touch") == 4)
    }

    @Test func tooManyDecimalsForTheCurrency() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        let file = Fixtures.path("invoices-decimals.csv")
        let lines = importFailure { try scratch.importer.importFile(kind: .invoices, path: file) }
        #expect(lines == [
            "\(file): 2 problems; nothing was imported",
            "\(file):2: amount: '12.345' has more than 2 decimals for USD",
            "\(file):3: amount: '5.5' has more than 0 decimals for JPY",
        ])
    }

    @Test(arguments: [false, true]) func aManagerMayBeDefinedFurtherDownButMustExist(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        try scratch.load(.reps, "reps.csv")  // zhao.min is on the last line, managing the two above
        let file = try scratch.file("reps.csv", "handle,name,manager\nli.na,李娜,zhao.mn\nself,Self,self\n")
        let lines = importFailure { try scratch.importer.importFile(kind: .reps, path: file) }
        #expect(lines == [
            "\(file): 2 problems; nothing was imported",
            "\(file):2: manager: unknown rep 'zhao.mn' (did you mean zhao.min?)",
            "\(file):3: manager: a rep cannot be their own manager",
        ])
    }

    @Test(arguments: [false, true]) func aContactMustBelongToTheAccount(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        try scratch.loadWorld()
        let file = try scratch.file("t.csv", "account,contact,rep,date,channel,kind\nSZ-ELEC,hd-li,wang.lei,2026-11-01,call,checkin\nSZ-ELEC,sz-chn,wang.lei,2026-11-01,call,checkin\n")
        let lines = importFailure { try scratch.importer.importFile(kind: .touches, path: file) }
        #expect(lines == [
            "\(file): 2 problems; nothing was imported",
            "\(file):2: contact: contact 'hd-li' belongs to account HD-MACH, not SZ-ELEC",
            "\(file):3: contact: unknown contact 'sz-chn' (did you mean sz-chen?)",
        ])
    }

    @Test(arguments: [false, true]) func aPromiseNeedsAKnownCurrency(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        try scratch.loadWorld()
        let file = try scratch.file("p.csv", """
            account,invoice,promised_on,amount
            BUCKEYE,,2026-12-01,100
            OLD-MILL,,2026-12-01,100
            HD-MACH,US-5531,2026-12-01,100
            BUCKEYE,JP-77,2026-12-01,1.5

            """)
        let lines = importFailure { try scratch.importer.importFile(kind: .promises, path: file) }
        #expect(lines == [
            "\(file): 4 problems; nothing was imported",
            "\(file):2: amount: account BUCKEYE has invoices in JPY and USD; name the invoice the promise is for",
            "\(file):3: amount: account OLD-MILL has no invoices, so the promise's currency is unknown; name an invoice",
            "\(file):4: invoice: invoice US-5531 belongs to account BUCKEYE, not HD-MACH",
            "\(file):5: amount: '1.5' has more than 0 decimals for JPY",
        ])
    }

    @Test(arguments: [false, true]) func anInvoiceWithPaymentsKeepsItsCurrency(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        try scratch.loadWorld()
        let file = try scratch.file("i.csv", "number,account,issued_on,due_on,amount,currency\nINV-1042,SZ-ELEC,2026-08-20,2026-08-19,100000,usd\nINV-0912,HD-MACH,2026-09-01,2026-10-15,186000,USD\n")
        let lines = importFailure { try scratch.importer.importFile(kind: .invoices, path: file) }
        #expect(lines == [
            "\(file): 2 problems; nothing was imported",
            "\(file):2: due_on: 2026-08-19 is before issued_on 2026-08-20",
            "\(file):2: currency: 'usd' is not an ISO 4217 currency code such as CNY or USD (did you mean USD?)",
        ])
        #expect(try scratch.strings("SELECT currency FROM invoice WHERE number = 'INV-0912'") == ["CNY"])
        // INV-0912 has no payments: its currency may change.
        let change = try scratch.file("j.csv", "number,account,issued_on,due_on,amount,currency\nINV-0912,HD-MACH,2026-09-01,2026-10-15,186000,USD\nINV-1042,SZ-ELEC,2026-08-20,2026-09-19,100000,USD\n")
        let refused = importFailure { try scratch.importer.importFile(kind: .invoices, path: change) }
        #expect(refused == [
            "\(change): 1 problem; nothing was imported",
            "\(change):3: currency: invoice INV-1042 has payments or promises in CNY; its currency cannot change to USD",
        ])
    }

    @Test func eventDatesFollowTheirCalendar() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        let file = try scratch.file("e.csv", """
            account,contact,kind,title,date,calendar,repeat,sensitive
            HD-MACH,,custom,Lunar once,08-15,chinese,once,no
            HD-MACH,,custom,Gregorian without year,08-15,,,
            HD-MACH,,custom,Bad calendar,2026-01-01,julian,,
            HD-MACH,,custom,Leap lunar,L13-01,chinese,,maybe

            """)
        let lines = importFailure { try scratch.importer.importFile(kind: .events, path: file) }
        #expect(lines == [
            "\(file): 5 problems; nothing was imported",
            "\(file):2: repeat: a chinese-calendar date has no year, so it repeats yearly",
            "\(file):3: date: '08-15' is not a real date as YYYY-MM-DD",
            "\(file):4: calendar: 'julian' is not one of gregorian, chinese",
            "\(file):5: date: 'L13-01' is not a lunar month-day as MM-DD, or LMM-DD for a leap month",
            "\(file):5: sensitive: 'maybe' is not yes or no",
        ])
    }

    @Test func structuralProblems() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        let empty = try scratch.file("empty.csv", "")
        #expect(importFailure { try scratch.importer.importFile(kind: .snoozes, path: empty) } == [
            "\(empty): 1 problem; nothing was imported",
            "\(empty):1: header: the file is empty; its first row should name the columns: account,kind,until",
        ])
        let ragged = try scratch.file("ragged.csv", "account,kind,until\nHD-MACH,checkin\nHD-MACH,checkin,2026-12-01,extra\n")
        #expect(importFailure { try scratch.importer.importFile(kind: .snoozes, path: ragged) } == [
            "\(ragged): 2 problems; nothing was imported",
            "\(ragged):2: record: 2 cells, but the header has 3 columns",
            "\(ragged):3: record: 4 cells, but the header has 3 columns",
        ])
        // Spec: every problem reads FILE:LINE: field: reason — whole-record ones too.
        let broken = try scratch.file("broken.csv", "account,,until\nHD-MACH,checkin\n\"HD-MACH,checkin,2026-12-01\n")
        let lines = importFailure { try scratch.importer.importFile(kind: .snoozes, path: broken) } ?? []
        #expect(lines.dropFirst().map { String($0.dropFirst(broken.count + 1)) } == [
            "1: header: column 2 has no name",
            "1: kind: required column missing from the header",
            "2: record: 2 cells, but the header has 3 columns",
            "3: record: a quoted cell opened on this line is never closed",
        ])
        for line in lines.dropFirst() {
            let parts = line.dropFirst(broken.count + 1).split(separator: ":", maxSplits: 2)
            #expect(parts.count == 3 && Int(parts[0]) != nil && !parts[1].trimmingCharacters(in: .whitespaces).isEmpty, "\(line)")
        }
        let headerOnly = try scratch.file("header.csv", "account,kind,until\n")
        #expect(try scratch.importer.importFile(kind: .snoozes, path: headerOnly).rows == 0)
        do {
            _ = try scratch.importer.importFile(kind: .snoozes, path: scratch.directory.path + "/missing.csv")
            Issue.record("a missing file must not import")
        } catch let error as RapportError {
            #expect(error.code == .noInput)
        }
    }

    // MARK: Encodings and line ends

    @Test func gb18030IsDetectedAndDecoded() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        let summary = try scratch.load(.accounts, "accounts-gb18030.csv")
        #expect(summary.encoding == .gb18030)
        #expect(summary.inserted == 2)
        #expect(try scratch.strings("SELECT name || ' ' || region FROM account WHERE key IN ('GZ-PLAS', 'NB-MOLD') ORDER BY key") == [
            "广州华塑制品厂 广州", "宁波精工模具有限公司（一厂） 宁波",
        ])
    }

    @Test func aForcedEncodingIsObeyed() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        let file = Fixtures.path("accounts-gb18030.csv")
        let lines = importFailure { try scratch.importer.importFile(kind: .accounts, path: file, encoding: .utf8) }
        #expect(lines?.first == "\(file): 2 problems; nothing was imported")
        #expect(lines?[1] == "\(file):2: record: this line is not valid UTF-8 text (if the file is GB18030, pass --encoding gb18030)")
        #expect(try scratch.load(.accounts, "accounts-gb18030.csv", encoding: .gb18030).inserted == 2)
    }

    @Test func textThatIsNeitherUTF8NorGB18030IsRefused() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        let file = Fixtures.path("accounts-latin1.csv")
        #expect(importFailure { try scratch.importer.importFile(kind: .accounts, path: file) } == [
            "\(file): 1 problem; nothing was imported",
            "\(file):2: record: bytes that are neither UTF-8 nor GB18030 text; save the file as CSV UTF-8",
        ])
    }

    @Test func aUTF8FileWithOneBrokenLineIsNotReadAsGB18030() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        var bytes = Array("key,name,tier,owner,country,created_on\nCN-1,华东一厂,A,wang.lei,CN,2020-01-01\n".utf8)
        bytes += Array("FR-1,Caf".utf8) + [0xE9] + Array(",A,wang.lei,FR,2020-01-01\n".utf8)
        let file = scratch.directory.appendingPathComponent("mixed.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(importFailure { try scratch.importer.importFile(kind: .accounts, path: file) } == [
            "\(file): 1 problem; nothing was imported",
            "\(file):3: record: this line is not valid UTF-8 text (if the file is GB18030, pass --encoding gb18030)",
        ])
    }

    @Test func byteOrderMarkAndCRLFAreHandled() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        #expect(try scratch.load(.contacts, "contacts-bom.csv").inserted == 1)
        #expect(try scratch.strings("SELECT name FROM contact WHERE key = 'hd-wu'") == ["吴芳"])
        #expect(try scratch.load(.touches, "touches-crlf.csv").inserted == 2)
        #expect(try scratch.strings("SELECT note FROM touch WHERE date IN ('2026-11-12', '2026-11-18') ORDER BY date") == [
            "确认付款日期", "Thanksgiving hamper",
        ])
    }

    @Test func lineNumbersCountThePhysicalLinesOfMultiLineCells() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        let file = Fixtures.path("touches-multiline.csv")
        #expect(importFailure { try scratch.importer.importFile(kind: .touches, path: file) } == [
            "\(file): 1 problem; nothing was imported",
            "\(file):5: rep: unknown rep 'wang.le' (did you mean wang.lei?)",
        ])
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "wang.le,", with: "wang.lei,")
        let fixed = try scratch.file("fixed.csv", text)
        #expect(try scratch.importer.importFile(kind: .touches, path: fixed).inserted == 2)
        #expect(try scratch.strings("SELECT note FROM touch WHERE date = '2026-11-20'") == [
            "Plant visit:\n- new line for 2027\n- asked for a quote",
        ])
    }

    // MARK: Hostile cells

    @Test func aFormulaLookingCellIsStoredAsPlainText() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        try scratch.load(.accounts, "accounts-formula.csv")
        #expect(try scratch.strings("SELECT name || ' | ' || region FROM account WHERE key = 'FORMULA'") == [
            "=HYPERLINK(\"http://evil.example\",\"click\") | =1+2",
        ])
    }

    @Test func anSQLLookingNameIsJustText() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        try scratch.load(.reps, "reps-sql.csv")
        #expect(try scratch.strings("SELECT name || ' | ' || ifnull(phone, '') FROM rep WHERE handle IN ('bobby', 'path') ORDER BY handle") == [
            "Robert'); DROP TABLE rep;-- | +1 555 \"0100\"", "../../etc/passwd | ",
        ])
        #expect(try scratch.count("rep") == 5)
    }

    // MARK: The bulk path

    /// Twelve thousand touches (past the bulk threshold): the indexes are dropped and built
    /// again, and identical rows — earlier in the file, or already stored — are still found.
    @Test(arguments: [false, true]) func aLargeImportSkipsTheSameRowsAsASmallOne(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        try scratch.loadWorld()
        var lines = ["account,contact,rep,date,channel,kind,note"]
        // The four stored touches again (to be skipped), then 12 000 new ones with 500 repeats.
        lines += try String(contentsOfFile: Fixtures.path("touches.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map(String.init)
        var day = CivilDate(year: 2020, month: 1, day: 1)!
        var fresh: [String] = []
        for n in 0..<12_000 {
            if n % 40 == 0 { day = day.adding(days: 1) }
            let account = ["HD-MACH", "SZ-ELEC", "BUCKEYE"][n % 3]
            let contact = ["hd-li", "sz-chen", ""][n % 3]
            fresh.append("\(account),\(contact),wang.lei,\(day),call,checkin,note \(n % 40)")
        }
        lines += fresh
        lines += fresh.prefix(500)
        let file = try scratch.file("bulk.csv", lines.joined(separator: "\n") + "\n")
        let touchIndexes = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'touch' ORDER BY name"
        let indexesBefore = try scratch.strings(touchIndexes)
        #expect(indexesBefore.contains("touch_account_date"))
        let summary = try scratch.importer.importFile(kind: .touches, path: file)
        #expect(summary.rows == 12_504)
        #expect((summary.inserted, summary.skipped) == (12_000, 504))
        #expect(try scratch.count("touch") == 12_004)
        #expect(try scratch.strings(touchIndexes) == indexesBefore)
        // The triggers were set aside for the bulk write: they are back, and the summaries they keep are right.
        #expect(try scratch.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'touch'") == 3)
        #expect(try scratch.db.scalarInt(
            "SELECT count(*) FROM account a WHERE a.last_touch_on IS NOT (SELECT max(date) FROM touch t WHERE t.account_id = a.id)") == 0)
        #expect(try scratch.strings("PRAGMA integrity_check") == ["ok"])
        let again = try scratch.importer.importFile(kind: .touches, path: file)
        #expect((again.inserted, again.skipped) == (0, 12_504))
    }

    /// A bulk payment import sets the payment triggers aside; the invoice summaries the
    /// agenda reads (paid total, last payment) must come out as if each row had fired them.
    @Test func aLargePaymentImportKeepsTheInvoiceSummaries() throws {
        let scratch = try ScratchDatabase()
        try scratch.loadWorld()
        var lines = ["invoice,paid_on,amount"]
        var day = CivilDate(year: 2026, month: 1, day: 1)!
        for n in 0..<10_500 {
            if n % 50 == 0 { day = day.adding(days: 1) }
            lines.append("\(["INV-0912", "INV-1042", "JP-77"][n % 3]),\(day),\(n + 1)")
        }
        let file = try scratch.file("payments-bulk.csv", lines.joined(separator: "\n") + "\n")
        let invoiceIndexes = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'invoice' AND sql IS NOT NULL ORDER BY name"
        let indexesBefore = try scratch.strings(invoiceIndexes)
        #expect(indexesBefore.contains("invoice_unpaid") && indexesBefore.contains("invoice_last_paid"))
        #expect(try scratch.importer.importFile(kind: .payments, path: file).inserted == 10_500)
        // The invoice indexes over the summaries were set aside around their refresh: back.
        #expect(try scratch.strings(invoiceIndexes) == indexesBefore)
        #expect(try scratch.strings("SELECT number FROM invoice INDEXED BY invoice_unpaid WHERE paid_total < amount ORDER BY number")
            == scratch.strings("SELECT number FROM invoice NOT INDEXED WHERE paid_total < amount ORDER BY number"))
        #expect(try scratch.db.scalarText("PRAGMA journal_mode") == "wal")
        #expect(try scratch.strings("PRAGMA integrity_check") == ["ok"])
        #expect(try scratch.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'payment'") == 3)
        #expect(try scratch.db.scalarInt("""
            SELECT count(*) FROM invoice i WHERE i.paid_total IS NOT (SELECT COALESCE(SUM(amount), 0) FROM payment WHERE invoice_id = i.id)
                OR i.last_paid_on IS NOT (SELECT MAX(paid_on) FROM payment WHERE invoice_id = i.id)
            """) == 0)
        #expect(try scratch.db.scalarInt("SELECT paid_total FROM invoice WHERE number = 'US-5531'") == 0)
    }

    @Test(arguments: [false, true]) func aLargeKeyedImportRebuildsItsIndexes(preloadKeys: Bool) throws {
        let scratch = try ScratchDatabase(preloadKeys: preloadKeys)
        try scratch.loadWorld()
        var lines = ["key,account,name"]
        for n in 0..<11_000 { lines.append("bulk-\(n),\(["HD-MACH", "SZ-ELEC"][n % 2]),Person \(n)") }
        let file = try scratch.file("contacts.csv", lines.joined(separator: "\n"))
        let contactIndexes = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contact' AND sql IS NOT NULL ORDER BY name"
        let indexesBefore = try scratch.strings(contactIndexes)
        #expect(indexesBefore.contains("contact_account"))
        #expect(try scratch.importer.importFile(kind: .contacts, path: file).inserted == 11_000)
        #expect(try scratch.strings(contactIndexes) == indexesBefore)
        #expect(try scratch.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'contact'") == 3)
        #expect(try scratch.db.scalarInt("""
            SELECT count(*) FROM account a WHERE a.reach_contact_id IS NOT (SELECT c.id FROM contact c
                WHERE c.account_id = a.id AND c.status = 'current' ORDER BY c.role IS NOT 'decision-maker', c.id LIMIT 1)
            """) == 0)
        #expect(try scratch.db.scalarInt("SELECT count(*) FROM contact c JOIN account a ON a.id = c.account_id WHERE a.key = 'SZ-ELEC'") == 5_501)

        // Again, in full batches: 300 renamed, 200 new, the rest as they were.
        var again = ["key,account,name"]
        for n in 0..<11_200 {
            again.append("bulk-\(n),\(["HD-MACH", "SZ-ELEC"][n % 2]),Person \(n)\(n % 37 == 0 && n < 11_000 ? " (renamed)" : "")")
        }
        let renamed = (0..<11_000).filter { $0 % 37 == 0 }.count
        let second = try scratch.importer.importFile(kind: .contacts, path: try scratch.file("again.csv", again.joined(separator: "\n")))
        #expect((second.inserted, second.updated, second.skipped) == (200, renamed, 11_000 - renamed))
        #expect(try scratch.db.scalarInt("SELECT count(*) FROM contact WHERE name LIKE '% (renamed)'") == renamed)
    }
}
