/// One column of the kind as found in the file's header: where it is, if anywhere.
struct Cell {
    let name: String
    /// Position in the record; nil when the header does not name the column.
    let index: Int?
    let isRequired: Bool

    var isPresent: Bool { index != nil }
}

/// The header row mapped onto a kind's columns (any order, names compared without regard to
/// case or surrounding spaces). Unknown, repeated and missing required columns are problems.
struct ImportHeader {
    let kind: ImportKind
    /// Cells a record must have: one per header column.
    let width: Int
    private let positions: [String: Int]

    init(reader: some RecordReader, kind: ImportKind, problems: ImportProblems) {
        self.kind = kind
        width = reader.cellCount
        let known = kind.columns.map(\.name)
        var positions: [String: Int] = [:]
        for index in 0..<reader.cellCount {
            let name = reader.string(index).trimmingASCIISpaces().lowercased()
            if name.isEmpty {
                problems.add(line: reader.line, field: "header", "column \(index + 1) has no name")
            } else if !known.contains(name) {
                problems.add(line: reader.line, field: name,
                             "unknown column for \(kind.rawValue)\(Suggestion.hint(for: name, among: known)); the columns are \(known.joined(separator: ", "))")
            } else if positions[name] != nil {
                problems.add(line: reader.line, field: name, "column named twice in the header")
            } else {
                positions[name] = index
            }
        }
        for column in kind.columns where column.isRequired && positions[column.name] == nil {
            problems.add(line: reader.line, field: column.name, "required column missing from the header")
        }
        self.positions = positions
    }

    /// The cell for one of the kind's columns.
    func cell(_ name: String) -> Cell {
        guard let column = kind.columns.first(where: { $0.name == name }) else {
            preconditionFailure("\(name) is not a column of \(kind.rawValue)")
        }
        return Cell(name: name, index: positions[name], isRequired: column.isRequired)
    }

    var presentColumns: Set<String> { Set(positions.keys) }

    /// The kind's column at each position of the record (nil where the header names none).
    var columnNames: [String?] {
        var names = [String?](repeating: nil, count: width)
        for (name, index) in positions { names[index] = name }
        return names
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (what spreadsheets pad cells with).
    func trimmingASCIISpaces() -> String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last,
              first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 else { return self }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
        while end > start, utf8[utf8.index(before: end)] == 0x20 || utf8[utf8.index(before: end)] == 0x09 {
            end = utf8.index(before: end)
        }
        return String(self[start..<end])
    }
}
