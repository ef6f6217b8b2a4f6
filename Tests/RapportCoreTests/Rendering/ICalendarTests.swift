import Testing
@testable import RapportCore

@Suite struct ICalendarTests {
    static let day = CivilDate(year: 2026, month: 11, day: 23)!

    func lines(_ text: String) -> [Substring] {
        text.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
    }

    @Test func calendarHasTheRequiredPropertiesAndCRLFLines() {
        let text = ICalendar.render([ICalendar.Event(date: Self.day, account: "HD-MACH", summary: "Hongda", description: "call")], stamp: "20261123T010203Z")
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))  // no bare LF
        let all = lines(text)
        #expect(all.first == "BEGIN:VCALENDAR")
        for required in ["VERSION:2.0", "PRODID:-//Rapport//Agenda//EN", "BEGIN:VEVENT", "UID:20261123-HD-MACH@rapport",
                         "DTSTAMP:20261123T010203Z", "DTSTART;VALUE=DATE:20261123", "DTEND;VALUE=DATE:20261124",
                         "SUMMARY:Hongda", "DESCRIPTION:call", "END:VEVENT"] {
            #expect(all.contains(Substring(required)), "\(required)")
        }
    }

    @Test func dtendIsTheNextDayAcrossMonthAndYearEnds() {
        let text = ICalendar.render([ICalendar.Event(date: CivilDate(year: 2026, month: 12, day: 31)!, account: "A", summary: "", description: "")], stamp: "x")
        #expect(text.contains("DTEND;VALUE=DATE:20270101\r\n"))
    }

    @Test func uidsAreStableAndSafe() {
        let a = ICalendar.Event(date: Self.day, account: "HD-MACH", summary: "one", description: "")
        let b = ICalendar.Event(date: Self.day, account: "HD-MACH", summary: "changed", description: "other")
        #expect(a.uid == b.uid)
        #expect(a.uid == "20261123-HD-MACH@rapport")
        #expect(ICalendar.Event(date: Self.day.adding(days: 1), account: "HD-MACH", summary: "", description: "").uid != a.uid)
        // Separators and non-ASCII keys become =XX tokens: no escaping needed, still unique.
        #expect(ICalendar.Event(date: Self.day, account: "A;B,C 宏", summary: "", description: "").uid == "20261123-A=3BB=2CC=20=E5=AE=8F@rapport")
    }

    @Test func textEscaping() {
        #expect(ICalendar.escape(#"a\b;c,d"#  + "\ne") == #"a\\b\;c\,d\ne"#)
        #expect(ICalendar.escape("CR\r\nLF") == #"CR\nLF"#)
        #expect(ICalendar.escape("中秋节：月饼") == "中秋节：月饼")
    }

    @Test func foldsAt75OctetsWithoutSplittingCharacters() {
        let ascii = "DESCRIPTION:" + String(repeating: "x", count: 200)
        let folded = ICalendar.fold(ascii)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count == 3)
        #expect(parts.map { $0.utf8.count } == [75, 75, 64])
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(parts.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == ascii)

        // Three-byte characters: a line never exceeds 75 octets and never ends mid-character.
        let chinese = "SUMMARY:" + String(repeating: "中秋节快乐", count: 20)
        let cjk = ICalendar.fold(chinese).components(separatedBy: "\r\n")
        #expect(cjk.allSatisfy { $0.utf8.count <= 75 })
        // Each physical line, as bytes, is valid UTF-8 on its own (decoding would repair a cut character).
        for chunk in physicalLines(Array(ICalendar.fold(chinese).utf8)) {
            #expect(String(decoding: chunk, as: UTF8.self).utf8.elementsEqual(chunk))
        }
        #expect(cjk[0].utf8.count == 74)  // 8 + 22 × 3: the 23rd character would make 77
        #expect(cjk.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == chinese)
        // Short lines stay whole.
        #expect(ICalendar.fold("SUMMARY:short") == "SUMMARY:short")
    }
}

/// Splits bytes at CRLF.
private func physicalLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    var i = 0
    while i + 1 < bytes.count {
        if bytes[i] == 13, bytes[i + 1] == 10 {
            lines.append(bytes[start..<i])
            start = i + 2
            i += 2
        } else {
            i += 1
        }
    }
    lines.append(bytes[start...])
    return lines
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    fileprivate func components(separatedBy separator: String) -> [String] {
        split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
}
