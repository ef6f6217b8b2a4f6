/// A card: the properties between `BEGIN:VCARD` and `END:VCARD`.
struct VCard {
    /// The line of its `BEGIN:VCARD`.
    let begin: Int
    var properties: [VCardProperty] = []

    /// The properties of one name, in file order.
    func all(_ name: String) -> [VCardProperty] { properties.filter { $0.name == name } }
}

/// The cards of a vCard file (2.1, 3.0 or 4.0), and what is wrong with its structure, each
/// problem on the line it starts: a card never ended, an END without a BEGIN, a line in a
/// card that is not a property, text between cards. A card with such a problem is left
/// out (what it would hold is a guess). A file with no `BEGIN:VCARD` at all is not a vCard.
struct VCardFile {
    private(set) var cards: [VCard] = []
    private(set) var problems: [ImportProblem] = []
    private let path: String

    init(bytes: [UInt8], path: String) {
        self.path = path
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            problem(1, "file", "the file is UTF-16 text; export the contacts as a vCard file in UTF-8")
            return
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if !read(VCardLines.logical(body)) {
            problems = []
            problem(1, "file", "not a vCard file: it has no BEGIN:VCARD line (a vCard file holds cards from BEGIN:VCARD to END:VCARD)")
        }
    }

    /// Collects the cards; false when no card ever began.
    private mutating func read(_ lines: [VCardLine]) -> Bool {
        var open: VCard?
        /// The open card had a line that is not a property: it is left out.
        var broken = false
        /// Inside a run of lines outside any card (reported once, at its first line).
        var straying = false
        var began = false
        for line in lines where !line.isBlank {
            let property = VCardProperty(line)
            if let property, property.isMarker("BEGIN") {
                if let card = open {
                    problem(card.begin, "card", "BEGIN:VCARD without END:VCARD (the next card begins on line \(line.number))")
                }
                (open, broken, straying, began) = (VCard(begin: line.number), false, false, true)
            } else if let property, property.isMarker("END") {
                if let card = open {
                    if !broken { cards.append(card) }
                    open = nil
                } else {
                    problem(line.number, "card", "END:VCARD without a BEGIN:VCARD before it")
                }
                straying = false
            } else if open != nil {
                if let property {
                    open?.properties.append(property)
                } else {
                    problem(line.number, "card", "'\(Self.excerpt(line.bytes))' is not a property (NAME:value)")
                    broken = true
                }
            } else if !straying {
                problem(line.number, "card", "text outside a card (cards run from BEGIN:VCARD to END:VCARD)")
                straying = true
            }
        }
        if let card = open { problem(card.begin, "card", "BEGIN:VCARD without END:VCARD: the file ends first") }
        return began
    }

    private mutating func problem(_ line: Int, _ field: String, _ reason: String) {
        problems.append(ImportProblem(file: path, line: line, field: field, reason: reason))
    }

    /// The start of a line, for a message.
    static func excerpt(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes.prefix(40), as: UTF8.self)
        return bytes.count > 40 ? text + "…" : text
    }
}
