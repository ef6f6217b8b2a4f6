/// One thing wrong with an import file, as `FILE:LINE: field: reason` (for a workbook,
/// `FILE:SHEET!ROW: field: reason`).
public struct ImportProblem: Hashable, Sendable, CustomStringConvertible {
    /// The path as the user typed it.
    public var file: String
    /// The sheet of a workbook; nil for a CSV file.
    public var sheet: String?
    /// The line of a CSV file, the row of a sheet.
    public var line: Int
    /// The column, or nil for a problem with the whole record (broken quoting).
    public var field: String?
    public var reason: String

    /// A whole-record problem names `header` (line 1) or `record` where a column would go,
    /// so every line keeps the spec's `FILE:LINE: field: reason` shape for programs.
    public var description: String {
        "\(file):\(sheet.map { "\($0)!" } ?? "")\(line): \(field ?? (line == 1 ? "header" : "record")): \(reason)"
    }
}

/// Collects the problems of a whole file. Past `limit` it only counts, so a file that is
/// wrong on every one of two million lines cannot exhaust memory; the count is reported.
final class ImportProblems {
    let file: String
    let sheet: String?
    let limit: Int
    private(set) var listed: [ImportProblem] = []
    private(set) var count = 0

    /// For CSV rows made from another format: where a row's line and column are in the
    /// user's file (a vCard's line and property).
    private let relocate: ((_ line: Int, _ field: String?) -> (line: Int, field: String?))?

    init(file: String, sheet: String? = nil, limit: Int = 10_000,
         relocate: ((_ line: Int, _ field: String?) -> (line: Int, field: String?))? = nil) {
        self.file = file
        self.sheet = sheet
        self.limit = limit
        self.relocate = relocate
    }

    /// What the problems are in, for messages: "file" or "sheet".
    var container: String { sheet == nil ? "file" : "sheet" }

    /// Where an earlier record is, for messages: "line 7 of this file", "row 7 of this sheet".
    func place(of line: Int) -> String { "\(sheet == nil ? "line" : "row") \(line) of this \(container)" }

    var isEmpty: Bool { count == 0 }

    func add(line: Int, field: String?, _ reason: String) {
        let (line, field) = relocate?(line, field) ?? (line, field)
        add(ImportProblem(file: file, sheet: sheet, line: line, field: field, reason: reason))
    }

    /// A problem already placed in the user's file.
    func add(_ problem: ImportProblem) {
        count += 1
        if listed.count < limit { listed.append(problem) }
    }

    /// The problems by line; those found at the end of the file (a manager never defined)
    /// join their line, and a line's own problems keep their column order.
    var inLineOrder: [ImportProblem] {
        listed.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// The message of the error an import fails with: a summary line, then every problem.
    var report: String {
        var lines = ["\(file): \(count) problem\(count == 1 ? "" : "s"); nothing was imported"]
        lines += inLineOrder.map(\.description)
        if count > listed.count { lines.append("… and \(count - listed.count) more problems") }
        return lines.joined(separator: "\n")
    }
}
