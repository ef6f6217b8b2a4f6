/// A plain terminal table: columns padded to their display width (CJK characters count
/// as two cells), a header rule, optional footer lines. Given a width — the terminal's, by
/// default — it fits inside it (`TableLayout`): wide columns shrink and their cells wrap
/// onto continuation lines, and when even that does not fit, the last columns move to
/// indented lines under the first.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns aligned right (amounts, counts).
    var rightAligned: Set<Int> = []

    init(_ headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    /// The table's lines, none wider than `width` display cells (no limit when nil).
    func render(width: Int? = Terminal.width) -> String {
        let layout = self.layout(width: width)
        var out = layout.lines(headers, self).map(Terminal.bold)
        out.append(layout.bands[0].map { String(repeating: "─", count: layout.widths[$0]) }.joined(separator: "  "))
        for row in rows { out += layout.lines(row, self) }
        return out.joined(separator: "\n")
    }

    /// The column widths and bands for `width`.
    func layout(width: Int?) -> TableLayout {
        let labels = headers.map(TextWrap.measure)
        var columns = labels.map { TableLayout.Column(natural: $0.line, word: $0.word) }
        var data = Array(repeating: 0, count: headers.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < headers.count {
                let size = TextWrap.measure(cell)
                data[i] = max(data[i], size.line)
                columns[i].natural = max(columns[i].natural, size.line)
                columns[i].word = max(columns[i].word, size.word)
            }
        }
        for i in columns.indices {
            // An amount and its label's words stay whole; text may narrow to a few words.
            columns[i].floor = rightAligned.contains(i)
                ? max(data[i], labels[i].word)
                : min(columns[i].natural, TableLayout.narrowestText)
        }
        return TableLayout(columns, width: width)
    }
}

/// Where each column of a table goes at a given width.
///
/// The policy (docs/agenda.md, "Tables on a terminal"): a table that fits is left as it is.
/// Otherwise every column shrinks by the same factor of its natural width, but never below
/// its floor: 10 cells for text (narrower columns — ranks, dates, "13 d ago" — keep their
/// width), the widest amount and the longest word of its header for a right-aligned
/// column. So the wide text columns (reasons, contacts, names) give the room, in
/// proportion to their width, and a row's lines stay few. Then a column narrower than its
/// longest word (counting at most 20 cells: a company's name in Chinese) is widened to
/// it with cells from the widest column, while that one keeps 40 cells for its prose.
/// When the floors alone do not fit, the columns are split into bands: the first band is
/// the first columns whose floors fit, each further band goes on lines of its own
/// indented by two cells under every row, and each band is fitted as above.
struct TableLayout {
    /// What a column's content asks for, in cells.
    struct Column {
        /// Its widest line.
        var natural: Int
        /// Its longest word.
        var word: Int
        /// The narrowest it may get before the table is split into bands.
        var floor = 0
    }

    /// Each column's width.
    var widths: [Int]
    /// The columns of each printed band, in order; one band when the table fits on one line.
    var bands: [[Int]]

    static let narrowestText = 10
    static let wholeWord = 20
    static let widestKeeps = 40
    static let separator = 2
    static let indent = 2

    init(_ columns: [Column], width: Int?) {
        let natural = columns.map(\.natural), floors = columns.map(\.floor)
        let all = Array(columns.indices)
        guard let width, Self.span(all, natural) > width else {
            widths = natural
            bands = [all]
            return
        }
        // No column is narrower than two cells: room for one CJK character.
        let limit = max(width, Self.indent + 2)
        var bands: [[Int]] = []
        var band: [Int] = []
        for column in all {
            let room = limit - (bands.isEmpty ? 0 : Self.indent)
            if !band.isEmpty, Self.span(band + [column], floors) > room {
                bands.append(band)
                band = []
            }
            band.append(column)
        }
        bands.append(band)
        var widths = natural
        for (index, band) in bands.enumerated() {
            let room = limit - (index == 0 ? 0 : Self.indent)
            let fitted = Self.shrink(band.map { columns[$0] }, room: room)
            for (column, width) in zip(band, fitted) { widths[column] = width }
        }
        self.widths = widths
        self.bands = bands
    }

    /// Cells and separators of `columns` at `widths`.
    static func span(_ columns: [Int], _ widths: [Int]) -> Int {
        columns.reduce(0) { $0 + widths[$1] } + separator * max(0, columns.count - 1)
    }

    /// Widths within [floor, natural] filling `room`: every column cut by the same factor
    /// of its natural width, except those it would take below their floor, which stay at
    /// the floor (the cells lost to rounding go to the largest remainders); then whole
    /// words where the widest column can spare the cells.
    static func shrink(_ columns: [Column], room: Int) -> [Int] {
        let natural = columns.map(\.natural)
        let floors = columns.map { min($0.floor, room) }
        let space = room - separator * max(0, columns.count - 1)
        guard natural.reduce(0, +) > space else { return natural }
        var atFloor = Set<Int>()
        var share: [Double] = []
        while true {
            let free = natural.indices.filter { !atFloor.contains($0) }
            let left = space - atFloor.reduce(0) { $0 + floors[$1] }
            let factor = Double(left) / Double(max(1, free.reduce(0) { $0 + natural[$1] }))
            share = natural.indices.map { atFloor.contains($0) ? Double(floors[$0]) : Double(natural[$0]) * factor }
            let below = free.filter { share[$0] < Double(floors[$0]) }
            if below.isEmpty { break }
            atFloor.formUnion(below)
        }
        var widths = share.map { Int($0) }
        var left = space - widths.reduce(0, +)
        for i in natural.indices.sorted(by: { share[$0] - Double(widths[$0]) > share[$1] - Double(widths[$1]) }) where left > 0 {
            widths[i] += 1
            left -= 1
        }
        for i in widths.indices {
            let need = min(columns[i].word, wholeWord, natural[i]) - widths[i]
            guard need > 0, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widest != i,
                  widths[widest] - need >= widestKeeps else { continue }
            widths[widest] -= need
            widths[i] += need
        }
        return widths
    }

    /// The printed lines of one row (or the header): each cell wrapped to its column,
    /// band by band, continuation bands indented.
    func lines(_ cells: [String], _ table: TextTable) -> [String] {
        bandLines(cells, table).flatMap { $0 }
    }

    /// Each band's lines of one row; none for a continuation band with nothing in it.
    func bandLines(_ cells: [String], _ table: TextTable) -> [[String]] {
        bands.enumerated().map { index, band in
            let wrapped = band.map { column in
                TextWrap.lines(column < cells.count ? cells[column] : "", width: widths[column])
            }
            if index > 0, wrapped.allSatisfy({ $0.allSatisfy(\.isEmpty) }) { return [] }
            let margin = String(repeating: " ", count: index == 0 ? 0 : Self.indent)
            return (0..<(wrapped.map(\.count).max() ?? 1)).map { line in
                let parts = zip(band, wrapped).map { column, pieces in
                    let piece = line < pieces.count ? pieces[line] : ""
                    let pad = String(repeating: " ", count: max(0, widths[column] - displayWidth(piece)))
                    return table.rightAligned.contains(column) ? pad + piece : piece + pad
                }
                return (margin + parts.joined(separator: String(repeating: " ", count: Self.separator))).trimmingTrailingSpaces()
            }
        }
    }
}

extension String {
    /// In one pass: a padded line's trailing spaces are most of it.
    func trimmingTrailingSpaces() -> String {
        guard let last = lastIndex(where: { $0 != " " }) else { return "" }
        return String(self[...last])
    }
}
