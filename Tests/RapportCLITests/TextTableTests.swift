import Foundation
import Testing
@testable import RapportCLI

/// Tables fitted to a terminal's width (docs/agenda.md, "Tables on a terminal").
@Suite struct TextTableTests {
    /// The demo's morning list: Chinese and Latin names, contacts and reasons.
    static func agenda() -> TextTable {
        var table = TextTable(["#", "Account", "Contact", "Why", "Last touch"], rightAligned: [0])
        table.append(["1", "HD-MACH 华东精密机械有限公司", "李建国 · chat li_jianguo",
                      "care: 车间安全事故（两名工人受伤）, Nov 21 (2 days ago); 欧阳明's birthday tomorrow", "13 d ago"])
        table.append(["2", "SZ-ELEC 深圳创联电子有限公司", "陈志强 · chat chenzq",
                      "notice: invoice INV-2026-1042 65 days overdue, ¥80,000.00; promise to pay by Nov 15 broken, ¥80,000.00 open", "18 d ago"])
        table.append(["3", "NB-AUTO 宁波恒远汽车零部件有限公司", "吴海涛 · chat wu_haitao", "paid on time → 24 days late over the last 6 invoices", "18 d ago"])
        table.append(["5", "BUCKEYE Buckeye Tooling Inc.", "Mike Reynolds · email mike.reynolds@buckeye.example.com", "Thanksgiving Day in 3 days", "5 d ago"])
        table.append(["12", "OLD-MILL Northfield Mill Supply", "—", "no touch for 651 days (cadence 90)", "never"])
        return table
    }

    /// The audit's rep scorecard: ten columns, nine of them amounts.
    static func scorecard() -> TextTable {
        var table = TextTable(
            ["rep", "accounts", "touched", "never", "touches", "in cadence", "median gap", "max gap", "warm:coll", "promises kept/broken"],
            rightAligned: Set(1...9))
        table.append(["wang.lei", "4", "4", "0", "31", "25.0 %", "229.0", "310", "30.00", "0/1"])
        table.append(["王磊", "1200", "980", "220", "15000", "81.7 %", "12.5", "1040", "1.25", "14/3"])
        return table
    }

    @Test(arguments: [40, 80, 120])
    func everyLineFitsAndNoTextIsLost(width: Int) {
        for table in [Self.agenda(), Self.scorecard()] {
            let rendered = AuditOutput.stripEscapes(table.render(width: width)).split(separator: "\n")
            for line in rendered {
                #expect(displayWidth(line) <= width, "\(width): \(line)")
            }
            let layout = table.layout(width: width)
            for cells in [table.headers] + table.rows {
                let columns = Self.cells(of: layout.bandLines(cells, table), layout: layout)
                for (column, cell) in cells.enumerated() {
                    #expect(Self.rejoins(columns[column], cell), "\(width): column \(column): \(columns[column]) from \(cell)")
                }
            }
        }
    }

    @Test func aTableThatFitsIsLeftAsItIs() {
        let table = Self.agenda()
        #expect(table.render(width: 400) == table.render(width: nil))
        let lines = AuditOutput.stripEscapes(table.render(width: nil)).split(separator: "\n")
        #expect(lines.count == 2 + table.rows.count)
        #expect(lines[2].hasPrefix(" 1  HD-MACH 华东精密机械有限公司        李建国 · chat li_jianguo    "))
    }

    /// At 80 cells the narrow columns keep their width, the text columns shrink in
    /// proportion, and a reason wraps at spaces.
    @Test func wideTextColumnsShrinkNarrowOnesKeepTheirWidth() {
        let table = Self.agenda()
        let layout = table.layout(width: 80)
        #expect(layout.bands == [[0, 1, 2, 3, 4]])
        #expect(layout.widths[0] == 2)
        #expect(layout.widths[4] == 10)
        let used: Int = layout.widths.reduce(0, +) + 2 * 4
        #expect(used == 80)
        let (account, contact, why) = (layout.widths[1], layout.widths[2], layout.widths[3])
        #expect(why > contact && contact > account)
        let reason = TextWrap.lines(table.rows[2][3], width: why)
        #expect(reason.count > 1)
        #expect(reason.allSatisfy { !$0.hasPrefix(" ") && !$0.hasSuffix(" ") })
        #expect(reason.joined(separator: " ") == table.rows[2][3])
    }

    /// When even the floors do not fit, the last columns go to indented lines under each row.
    @Test func theLastColumnsMoveToContinuationLines() {
        let table = Self.scorecard()
        let layout = table.layout(width: 80)
        #expect(layout.bands.count == 2)
        #expect(layout.bands.flatMap { $0 } == Array(0..<10))
        #expect(layout.bands[1].last == 9)
        let row = layout.lines(table.rows[0], table)
        #expect(row.count == 2)
        #expect(row[1].hasPrefix("  ") && row[1].hasSuffix("0/1"))
        // Amounts are never broken; headers wrap at their spaces.
        for (column, cell) in table.rows[1].enumerated() {
            #expect(layout.widths[column] >= displayWidth(cell))
        }
        let header = Self.cells(of: layout.bandLines(table.headers, table), layout: layout)
        #expect(header[5] == ["in", "cadence"])
        #expect(header[9] == ["promises kept/broken"])
    }

    @Test func aNarrowTerminalStillFits() {
        for width in [4, 12, 20] {
            let rendered = Self.agenda().render(width: width)
            for line in AuditOutput.stripEscapes(rendered).split(separator: "\n") {
                #expect(displayWidth(line) <= width, "\(width): \(line)")
            }
        }
    }

    @Test func colourCodesTakeNoCells() {
        var table = TextTable(["name", "greeting"])
        table.append(["春节", "\u{1B}[2mno\u{1B}[0m"])
        table.append(["元宵节", "yes"])
        let lines = table.render(width: nil).split(separator: "\n").map { AuditOutput.stripEscapes(String($0)) }
        #expect(lines[0] == "name    greeting")
        #expect(lines[2] == "春节    no")
        #expect(lines[3] == "元宵节  yes")
    }

    /// Colour open at a break is closed at the end of the line and set again on the next.
    @Test func colourIsCarriedAcrossABreak() {
        let red = "\u{1B}[31m", reset = "\u{1B}[0m"
        let lines = TextWrap.lines(red + "overdue 65 days, ¥80,000.00" + reset, width: 12)
        #expect(lines.map(AuditOutput.stripEscapes) == ["overdue 65", "days,", "¥80,000.00"])
        #expect(lines[0] == red + "overdue 65" + reset)
        #expect(lines[1] == red + "days," + reset)
        #expect(lines[2] == red + "¥80,000.00" + reset)
    }
}

@Suite struct TextWrapTests {
    @Test func breaksAtSpacesAndMovesAWordThatFitsTheColumnWhole() {
        #expect(TextWrap.lines("paid on time → 24 days late", width: 10) == ["paid on", "time → 24", "days late"])
        #expect(TextWrap.lines("HD-MACH 华东精密机械有限公司", width: 20) == ["HD-MACH", "华东精密机械有限公司"])
        #expect(TextWrap.lines("fits", width: 4) == ["fits"])
        #expect(TextWrap.lines("", width: 4) == [""])
    }

    @Test func breaksInsideAWordOnlyWhenItIsLongerThanTheColumn() {
        #expect(TextWrap.lines("mike.reynolds@buckeye.example.com", width: 10) == ["mike.reyno", "lds@buckey", "e.example.", "com"])
        // From where the line stands: the rest of "email" line is used first.
        #expect(TextWrap.lines("email mike.reynolds@buckeye.example.com", width: 20) == ["email mike.reynolds@", "buckeye.example.com"])
    }

    @Test func neverSplitsAWideCharacterAcrossTheEdge() {
        #expect(TextWrap.lines("宁波恒远汽车零部件有限公司", width: 5) == ["宁波", "恒远", "汽车", "零部", "件有", "限公", "司"])
        let mixed = TextWrap.lines("NB-AUTO宁波恒远", width: 8)
        #expect(mixed == ["NB-AUTO", "宁波恒远"])
        for line in TextWrap.lines("欧阳明's birthday tomorrow（农历）", width: 7) {
            #expect(displayWidth(line) <= 7)
        }
    }

    @Test func combiningMarksStayWithTheirLetter() {
        let decomposed = "Jose\u{301} Mari\u{301}a Garci\u{301}a-Ma\u{301}rquez"
        #expect(displayWidth(decomposed) == 25)
        let lines = TextWrap.lines(decomposed, width: 6)
        #expect(lines.joined() == decomposed.replacingOccurrences(of: " ", with: ""))
        #expect(lines.allSatisfy { displayWidth($0) <= 6 })
        #expect(lines.first == "Jose\u{301}")
    }

    @Test func displayWidthCountsCells() {
        #expect(displayWidth("abc") == 3)
        #expect(displayWidth("李总") == 4)
        #expect(displayWidth("（）") == 4)
        #expect(displayWidth("e\u{301}") == 1)
        #expect(displayWidth("\u{1B}[1mbold\u{1B}[0m") == 4)
        #expect(displayWidth("a\u{200B}b") == 2)
        #expect(displayWidth("か\u{3099}") == 2)
    }

    @Test func measureGivesTheWidestLineAndWord() {
        #expect(TextWrap.measure("HD-MACH 华东精密机械有限公司") == (line: 28, word: 20))
        #expect(TextWrap.measure("one two\nthree") == (line: 7, word: 5))
        #expect(TextWrap.measure("\u{1B}[2mno\u{1B}[0m") == (line: 2, word: 2))
        #expect(TextWrap.measure("GEN-0001") == (line: 8, word: 8))
        #expect(TextWrap.measure("") == (line: 0, word: 0))
    }

    @Test func hardBreaksAreKept() {
        #expect(TextWrap.lines("one two\nthree", width: 40) == ["one two", "three"])
    }

    @Test func proseIsFittedLineByLine() {
        let text = "Payment slipping at 2026-11-23 (average days beyond terms)\nshort"
        #expect(TextWrap.fitted(text, width: nil) == text)
        #expect(TextWrap.fitted(text, width: 40) == "Payment slipping at 2026-11-23 (average\ndays beyond terms)\nshort")
    }
}

extension TextTableTests {
    /// The pieces of each column in a row's printed lines, cut out by display cells.
    static func cells(of bands: [[String]], layout: TableLayout) -> [[String]] {
        var columns = Array(repeating: [String](), count: layout.widths.count)
        for (index, lines) in bands.enumerated() {
            for printed in lines {
                #expect(index == 0 || printed.hasPrefix("  "), "a continuation line is indented: \(printed)")
                let characters = Array(AuditOutput.stripEscapes(printed))
                var start = index == 0 ? 0 : TableLayout.indent
                for column in layout.bands[index] {
                    let end = start + layout.widths[column]
                    columns[column].append(slice(characters, from: start, to: end))
                    start = end + TableLayout.separator
                }
            }
        }
        return columns.map { $0.filter { !$0.isEmpty } }
    }

    /// The characters in display cells [from, to), trimmed; fails when a character
    /// straddles either edge.
    static func slice(_ characters: [Character], from: Int, to: Int) -> String {
        var cell = 0
        var out = ""
        for character in characters {
            let width = displayWidth(String(character))
            if cell >= from && cell + width <= to { out.append(character) }
            #expect(!(cell < to && cell + width > to && width > 1), "a wide character straddles cell \(to)")
            cell += width
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// Whether `pieces`, read in order with the spaces at breaks put back, give `cell`.
    static func rejoins(_ pieces: [String], _ cell: String) -> Bool {
        var rest = Substring(cell.trimmingCharacters(in: .whitespaces))
        for piece in pieces {
            rest = rest.drop { $0 == " " }
            guard rest.hasPrefix(piece) else { return false }
            rest = rest.dropFirst(piece.count)
        }
        return rest.allSatisfy { $0 == " " }
    }
}
