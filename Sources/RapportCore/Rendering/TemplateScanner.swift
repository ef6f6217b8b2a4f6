/// A problem in a template, at a line of its file.
public struct TemplateProblem: Error, Equatable, Sendable {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// One mustache tag, as far as the strict check cares: which name it uses, how, and on
/// which line.
struct TemplateTag: Equatable, Sendable {
    enum Kind: Equatable, Sendable { case variable, unescaped, section, inverted, close }
    var kind: Kind
    /// The dotted name; empty for a sequence function (`first()`, `last()`).
    var name: String
    /// `first` or `last` for `{{#first()}}`, `{{^last()}}`.
    var function: String?
    var line: Int
}

/// Finds the tags of a mustache template the way swift-mustache's parser does with the
/// default `{{ }}` delimiters, so every name the renderer would look up is seen here
/// first. Features that would let a name slip past (changed delimiters, partials, blocks,
/// pragmas, transforms) are refused with a clear message instead.
enum TemplateScanner {
    static let functions: Set<String> = ["first", "last"]

    static func tags(in text: String, firstLine: Int = 1) throws(TemplateProblem) -> [TemplateTag] {
        let bytes = Array(text.utf8)
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")
        var tags: [TemplateTag] = []
        var line = firstLine
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == newline {
                line += 1
                i += 1
                continue
            }
            guard byte == open, i + 1 < bytes.count, bytes[i + 1] == open else {
                i += 1
                continue
            }
            let tagLine = line
            var start = i + 2
            let triple = start < bytes.count && bytes[start] == open
            if triple { start += 1 }
            let closerCount = triple ? 3 : 2
            var end = start
            var found = false
            while end + closerCount <= bytes.count {
                if (0..<closerCount).allSatisfy({ bytes[end + $0] == close }) {
                    found = true
                    break
                }
                end += 1
            }
            guard found else {
                throw TemplateProblem(line: tagLine, message: "unclosed tag: '\(triple ? "{{{" : "{{")' has no matching '\(triple ? "}}}" : "}}")'")
            }
            let inner = String(decoding: bytes[start..<end], as: UTF8.self)
            line += bytes[start..<end].lazy.filter { $0 == newline }.count
            i = end + closerCount
            if let tag = try tag(inner: inner, triple: triple, line: tagLine) { tags.append(tag) }
        }
        return tags
    }

    private static func tag(inner: String, triple: Bool, line: Int) throws(TemplateProblem) -> TemplateTag? {
        if triple { return try named(.unescaped, inner, line: line) }
        guard let sigil = inner.first else {
            throw TemplateProblem(line: line, message: "empty tag '{{}}'")
        }
        let rest = String(inner.dropFirst())
        switch sigil {
        case "!": return nil  // a comment
        case "#": return try named(.section, rest, line: line)
        case "^": return try named(.inverted, rest, line: line)
        case "/": return try named(.close, rest, line: line)
        case "&": return try named(.unescaped, rest, line: line)
        case "=":
            throw TemplateProblem(line: line, message: "set-delimiter tags ('{{=… =}}') are not supported; keep '{{' and '}}'")
        case ">", "<":
            throw TemplateProblem(line: line, message: "partials ('{{\(sigil)…}}') are not supported: a draft template is self-contained")
        case "$":
            throw TemplateProblem(line: line, message: "blocks ('{{$…}}') are not supported")
        case "%":
            throw TemplateProblem(line: line, message: "pragmas ('{{%…}}') are not supported")
        default: return try named(.variable, inner, line: line)
        }
    }

    private static func named(_ kind: TemplateTag.Kind, _ raw: String, line: Int) throws(TemplateProblem) -> TemplateTag {
        let name = raw.trimmingWhitespace()
        if name.hasSuffix("()") {
            let function = String(name.dropLast(2))
            guard functions.contains(function) else {
                throw TemplateProblem(line: line, message: "unknown function '\(name)' (only first() and last(), inside a list section)")
            }
            return TemplateTag(kind: kind, name: "", function: function, line: line)
        }
        guard isValidName(name) else {
            let shown = name.isEmpty ? raw : name
            if name.contains("(") {
                throw TemplateProblem(line: line, message: "'\(shown)': transforms are not supported")
            }
            throw TemplateProblem(line: line, message: "'\(shown)' is not a variable name (letters, digits, '_', '-', joined by '.')")
        }
        return TemplateTag(kind: kind, name: name, function: nil, line: line)
    }

    /// `.`, `name`, `a.b.c`, `.name` (current element only); no empty segments.
    static func isValidName(_ name: String) -> Bool {
        if name == "." { return true }
        let body = name.hasPrefix(".") ? String(name.dropFirst()) : name
        guard !body.isEmpty else { return false }
        return body.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { segment in
            !segment.isEmpty && segment.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
            }
        }
    }
}
