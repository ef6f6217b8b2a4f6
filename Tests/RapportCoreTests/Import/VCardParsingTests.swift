import Foundation
import Testing
@testable import RapportCore

/// The vCard reader's pieces: lines, properties, values, birthdays.
@Suite struct VCardParsingTests {
    private func logical(_ text: String) -> [String] {
        VCardLines.logical(Array(text.utf8)[...]).map { "\($0.number): " + String(decoding: $0.bytes, as: UTF8.self) }
    }

    @Test func foldedLinesAreJoinedAndKeepTheirFirstLine() {
        #expect(logical("NOTE:one\r\n two\r\n\tthree\r\nFN:x\r\n") == ["1: NOTE:onetwothree", "4: FN:x"])
        #expect(logical("A:1\nB:2\rC:3\r\n\r\nD:4") == ["1: A:1", "2: B:2", "3: C:3", "4: ", "5: D:4"])
    }

    @Test func quotedPrintableSoftBreaksJoinOnlyQuotedPrintableValues() {
        #expect(logical("FN;ENCODING=QUOTED-PRINTABLE:=E6=9D=\r\n=8E\r\nNOTE:ends with =\r\nX:y\r\n") == [
            "1: FN;ENCODING=QUOTED-PRINTABLE:=E6=9D=8E", "3: NOTE:ends with =", "4: X:y",
        ])
        // 2.1's bare parameter.
        #expect(logical("FN;QUOTED-PRINTABLE:a=\r\nb\r\n") == ["1: FN;QUOTED-PRINTABLE:ab"])
    }

    @Test func unindentedBase64RunsToTheBlankLine() {
        #expect(logical("PHOTO;ENCODING=BASE64;JPEG:\r\nAAAA\r\nBBBB\r\n\r\nEND:VCARD\r\n") == [
            "1: PHOTO;ENCODING=BASE64;JPEG:AAAABBBB", "4: ", "5: END:VCARD",
        ])
    }

    @Test func aPropertysGroupNameAndParameters() throws {
        let line = VCardLine(number: 7, bytes: ArraySlice(#"item2.tel;TYPE="voice,cell";type=pref;PREF=3;X-LABEL="a:b;c":tel:+1"#.utf8))
        let property = try #require(VCardProperty(line))
        #expect(property.head.group == "item2")
        #expect(property.name == "TEL")
        #expect(property.types == ["voice", "cell", "pref"])
        #expect(property.parameter("X-LABEL") == ["a:b;c"])
        #expect(property.preference == 3, "PREF=3 is more exact than TYPE=pref")
        #expect(String(decoding: property.value, as: UTF8.self) == "tel:+1")
        let bare = try #require(VCardProperty(VCardLine(number: 1, bytes: ArraySlice("TEL;CELL;PREF;QUOTED-PRINTABLE:1".utf8))))
        #expect(bare.types == ["cell", "pref"] && bare.preference == 1 && bare.head.transferEncoding == .quotedPrintable)
        for notAProperty in ["no colon here", ":value", "bad name:x", "a..b:x", "\"quoted: colon"] {
            #expect(VCardProperty(VCardLine(number: 1, bytes: ArraySlice(notAProperty.utf8))) == nil, "\(notAProperty)")
        }
    }

    @Test func valuesAreDecodedFromTheirTransferEncodingAndCharset() throws {
        func text(_ line: String, encoding: ImportEncoding? = nil) throws -> String {
            try VCardTextDecoder(encoding: encoding).text(try #require(VCardProperty(VCardLine(number: 1, bytes: ArraySlice(line.utf8)))))
        }
        #expect(try text("FN;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:=D5=C5=c0=f6") == "张丽")
        #expect(try text("FN;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:=CD=F5") == "王")
        #expect(try text("FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Ren=E9") == "René")
        #expect(try text("FN;ENCODING=b:5p2O5bu65Zu9") == "李建国")
        #expect(try text("FN;ENCODING=QUOTED-PRINTABLE:=E6=9D=8E") == "李", "undeclared: UTF-8 when valid")
        #expect(try text("FN;ENCODING=QUOTED-PRINTABLE:=C0=EE") == "李", "undeclared and not UTF-8: GB18030")
        #expect(throws: VCardTextDecoder.Failure.notText(.utf8)) { try text("FN;ENCODING=QUOTED-PRINTABLE:=C0=EE", encoding: .utf8) }
        #expect(throws: VCardTextDecoder.Failure.quotedPrintable("=4")) { try text("FN;ENCODING=QUOTED-PRINTABLE:a=4") }
        #expect(throws: VCardTextDecoder.Failure.unsupportedCharset("Shift_JIS")) { try text("FN;CHARSET=Shift_JIS:x") }
    }

    @Test func escapesAndStructure() {
        #expect(VCardText.unescaped(#"a\,b\;c\\d\ne\Nf\:g\q"#) == "a,b;c\\d\ne\nf:g\\q")
        #expect(VCardText.split(#"Ortiz;Jen\;nifer;;"#, at: ";") == ["Ortiz", #"Jen\;nifer"#, "", ""])
        #expect(VCardText.split(#"a\\;b"#, at: ";") == [#"a\\"#, "b"], "an escaped backslash does not escape the separator")
    }

    @Test(arguments: [
        ("--1224", "12-24"), ("--12-24", "12-24"), ("19531015", "10-15"), ("1953-10-15", "10-15"),
        ("19531015T231000Z", "10-15"), ("1985-04-12T00:00:00Z", "04-12"), ("1604-02-29", "02-29"),
    ]) func birthdayForms(text: String, monthDay: String) throws {
        #expect(try VCardBirthday.monthDay(text) == monthDay)
    }

    @Test func birthdaysThatAreNotOne() {
        for text in ["--12", "---24", "1990", "1990-12", "next spring", "12/24/1990", "1990-1-5", "--1a24"] {
            #expect(throws: VCardBirthday.Failure.notADate, "\(text)") { try VCardBirthday.monthDay(text) }
        }
        for text in ["--0230", "1990-13-45", "19900431"] {
            #expect(throws: VCardBirthday.Failure.noSuchDay, "\(text)") { try VCardBirthday.monthDay(text) }
        }
    }
}
