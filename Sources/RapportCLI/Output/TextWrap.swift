/// Display widths and line breaking for the terminal: what a table cell or a line of prose
/// occupies, and how it is broken to fit a column (docs/agenda.md, "Tables on a terminal").
enum TextWrap {
    /// `text` broken into lines of at most `width` display cells.
    ///
    /// Breaks fall at spaces (the spaces at a break are dropped); a word — a run of Latin
    /// or of CJK text between spaces — that does not fit on the current line starts the
    /// next one, and only a word longer than the whole width is broken inside, after the
    /// last character that fits (a two-cell character is never split; a combining mark
    /// stays with its letter). `\n` is a hard break. Colour codes take no cells; one that
    /// is open at a break is closed at the end of the line and opened again on the next.
    static func lines(_ text: String, width: Int) -> [String] {
        if !text.utf8.contains(10), displayWidth(text) <= width { return [text] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if displayWidth(paragraph) <= width {
                out.append(String(paragraph))
            } else {
                out += Colour.carried(across: breakLines(paragraph, width: width))
            }
        }
        return out
    }

    /// Each line of `text` longer than `width` wrapped at word boundaries (`lines`); with
    /// no width, `text` as it is. For the prose around tables: titles and notes.
    static func fitted(_ text: String, width: Int?) -> String {
        guard let width else { return text }
        return lines(text, width: max(width, 2)).joined(separator: "\n")
    }

    /// Greedy filling: whole words where they fit, a too-long word from where the line
    /// stands, a character at a time. Spaces are one cell each.
    private static func breakLines(_ text: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var used = 0
        func flush() {
            lines.append(line)
            line = ""
            used = 0
        }
        var index = text.startIndex
        while index < text.endIndex {
            let spaceEnd = text[index...].firstIndex { $0 != " " } ?? text.endIndex
            let wordEnd = text[spaceEnd...].firstIndex(of: " ") ?? text.endIndex
            let spaces = text[index..<spaceEnd], word = text[spaceEnd..<wordEnd]
            index = wordEnd
            let gap = used == 0 ? 0 : spaces.count
            let wordWidth = displayWidth(word)
            if used + gap + wordWidth <= width {
                if used > 0 { line += spaces }
                line += word
                used += gap + wordWidth
            } else if wordWidth <= width {
                if used > 0 { flush() }
                line += word
                used = wordWidth
            } else {
                // Longer than the column: fill this line first when its first character fits.
                var first = true
                visibleCharacters(of: word) { piece, cells in
                    if first, used > 0 {
                        if used + gap + cells <= width { line += spaces; used += gap } else { flush() }
                    }
                    first = false
                    if used > 0, used + cells > width { flush() }
                    line += piece
                    used += cells
                }
            }
        }
        if used > 0 || lines.isEmpty || !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Calls `body` with each visible character of `word` (with the colour codes just
    /// before it; trailing codes come last, with 0 cells) and the cells it takes.
    private static func visibleCharacters(of word: Substring, _ body: (Substring, Int) -> Void) {
        var start = word.startIndex
        // 0: text; 1: just after ESC; 2: inside `ESC [`, until its final character.
        var state = 0
        var index = word.startIndex
        while index < word.endIndex {
            let character = word[index]
            let next = word.index(after: index)
            switch state {
            case 0 where character == "\u{1B}":
                state = 1
            case 0:
                body(word[start..<next], character.unicodeScalars.reduce(0) { $0 + cells($1) })
                start = next
            case 1:
                state = character == "[" ? 2 : 0
            default:
                if let value = character.unicodeScalars.first?.value, (0x40...0x7E).contains(value) { state = 0 }
            }
            index = next
        }
        if start < word.endIndex { body(word[start...], 0) }
    }

    /// Keeping colour across a break: SGR codes (`ESC [ … m`) open at the end of a line
    /// are reset there and set again at the start of the next.
    enum Colour {
        static func carried(across lines: [String]) -> [String] {
            guard lines.count > 1, lines.contains(where: { $0.contains("\u{1B}") }) else { return lines }
            var open: [String] = []
            return lines.map { line in
                let start = open.joined()
                var scalars = line.unicodeScalars[...]
                while let scalar = scalars.first {
                    guard scalar == "\u{1B}" else { scalars = scalars.dropFirst(); continue }
                    let code = escapeCode(&scalars)
                    guard code.hasSuffix("m") else { continue }
                    if code == "\u{1B}[0m" || code == "\u{1B}[m" { open = [] } else { open.append(code) }
                }
                return start + line + (open.isEmpty ? "" : "\u{1B}[0m")
            }
        }
    }

    /// Takes one escape sequence off the front of `scalars` (which starts with ESC): a CSI
    /// sequence `ESC [ parameters final`, else ESC and the one character after it.
    fileprivate static func escapeCode(_ scalars: inout Substring.UnicodeScalarView.SubSequence) -> String {
        var code = String.UnicodeScalarView()
        code.append(scalars.removeFirst())
        guard let next = scalars.first else { return String(code) }
        code.append(scalars.removeFirst())
        if next == "[" {
            while let scalar = scalars.first {
                code.append(scalars.removeFirst())
                if (0x40...0x7E).contains(scalar.value) { break }
            }
        }
        return String(code)
    }
}

/// Terminal cells a string occupies: East Asian wide characters take two, combining marks
/// and zero-width characters none, and colour codes (`ESC [ … m`) none.
func displayWidth(_ text: String) -> Int { displayWidth(text[...]) }

func displayWidth(_ text: Substring) -> Int {
    // Most cells are printable ASCII: one cell a byte.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    var width = 0
    visibleScalars(text) { width += cells($0) }
    return width
}

extension TextWrap {
    /// The widest line and the widest word (run between spaces) of `text`, in cells: one
    /// pass, for a table's column widths.
    static func measure(_ text: String) -> (line: Int, word: Int) {
        if text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return (text.utf8.count, text.utf8.count) }
        var line = 0, word = 0, widestLine = 0, widestWord = 0
        visibleScalars(text[...]) { scalar in
            if scalar == "\n" {
                widestLine = max(widestLine, line)
                line = 0
            } else {
                line += cells(scalar)
            }
            if scalar == " " || scalar == "\n" {
                widestWord = max(widestWord, word)
                word = 0
            } else {
                word += cells(scalar)
            }
        }
        return (max(widestLine, line), max(widestWord, word))
    }
}

/// Calls `body` with each scalar of `text` outside colour codes (`ESC [ … final`, or ESC
/// and one character).
@inline(__always)
private func visibleScalars(_ text: Substring, _ body: (Unicode.Scalar) -> Void) {
    // 0: text; 1: just after ESC; 2: inside `ESC [`, until its final character.
    var state = 0
    for scalar in text.unicodeScalars {
        switch state {
        case 0 where scalar == "\u{1B}": state = 1
        case 0: body(scalar)
        case 1: state = scalar == "[" ? 2 : 0
        default: if (0x40...0x7E).contains(scalar.value) { state = 0 }
        }
    }
}

/// 0, 1 or 2 cells for one scalar (ASCII is 1 without a look-up).
private func cells(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if (0x20..<0x7F).contains(v) { return 1 }
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    if (0x200B...0x200F).contains(v) || v == 0x2060 || (0xFE00...0xFE0F).contains(v) { return 0 }
    let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
        || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
    // (Less the kana voicing and ideographic tone marks, which combine.)
    if wide { return (0x302A...0x302F).contains(v) || (0x3099...0x309A).contains(v) ? 0 : 2 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return 0
    default: return 1
    }
}
