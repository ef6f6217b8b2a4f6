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
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if displayWidth(paragraph) <= width {
                out.append(String(paragraph))
            } else {
                out += Colour.carried(across: breakLines(Atom.split(paragraph), width: width))
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

    /// One visible character (with any colour codes just before it) and its cells.
    struct Atom {
        var text: String
        var width: Int
        var isSpace: Bool

        static func split(_ text: Substring) -> [Atom] {
            var atoms: [Atom] = []
            var codes = ""
            // 0: text; 1: just after ESC; 2: inside `ESC [`, until its final character.
            var state = 0
            for character in text {
                switch state {
                case 0 where character == "\u{1B}":
                    codes.append(character)
                    state = 1
                case 0:
                    atoms.append(Atom(text: codes + String(character), width: displayWidth(String(character)), isSpace: character == " "))
                    codes = ""
                case 1:
                    codes.append(character)
                    state = character == "[" ? 2 : 0
                default:
                    codes.append(character)
                    if let value = character.unicodeScalars.first?.value, (0x40...0x7E).contains(value) { state = 0 }
                }
            }
            if !codes.isEmpty {
                if atoms.isEmpty { atoms.append(Atom(text: codes, width: 0, isSpace: false)) } else { atoms[atoms.count - 1].text += codes }
            }
            return atoms
        }
    }

    /// Greedy filling: whole words where they fit, a too-long word from where the line
    /// stands, a character at a time.
    private static func breakLines(_ atoms: [Atom], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var used = 0
        func flush() {
            lines.append(line)
            line = ""
            used = 0
        }
        func put(_ run: ArraySlice<Atom>) {
            for atom in run {
                line += atom.text
                used += atom.width
            }
        }
        var index = atoms.startIndex
        while index < atoms.endIndex {
            let spaceEnd = atoms[index...].firstIndex { !$0.isSpace } ?? atoms.endIndex
            let wordEnd = atoms[spaceEnd...].firstIndex(where: \.isSpace) ?? atoms.endIndex
            let spaces = atoms[index..<spaceEnd]
            let word = atoms[spaceEnd..<wordEnd]
            index = wordEnd
            let gap = used == 0 ? 0 : spaces.reduce(0) { $0 + $1.width }
            let wordWidth = word.reduce(0) { $0 + $1.width }
            if used + gap + wordWidth <= width {
                if used > 0 { put(spaces) }
                put(word)
                continue
            }
            if wordWidth <= width {
                if used > 0 { flush() }
                put(word)
                continue
            }
            // Longer than the column: fill this line first when its first character fits.
            if used > 0 {
                if let first = word.first, used + gap + first.width <= width { put(spaces) } else { flush() }
            }
            for atom in word {
                if used > 0, used + atom.width > width { flush() }
                put([atom])
            }
        }
        if used > 0 || lines.isEmpty || !line.isEmpty { lines.append(line) }
        return lines
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
    static func escapeCode(_ scalars: inout Substring.UnicodeScalarView.SubSequence) -> String {
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
func displayWidth<S: StringProtocol>(_ text: S) -> Int {
    var width = 0
    var scalars = Substring(text).unicodeScalars[...]
    while let scalar = scalars.first {
        if scalar == "\u{1B}" {
            _ = TextWrap.escapeCode(&scalars)
            continue
        }
        scalars = scalars.dropFirst()
        width += cells(scalar)
    }
    return width
}

/// 0, 1 or 2 cells for one scalar (ASCII is 1 without a look-up).
private func cells(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if (0x20..<0x7F).contains(v) { return 1 }
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    if (0x200B...0x200F).contains(v) || v == 0x2060 || (0xFE00...0xFE0F).contains(v) { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return 0
    default: break
    }
    let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
        || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
    return wide ? 2 : 1
}
