import Mustache

/// A template file made ready to render: its optional `Subject:` first line and its body,
/// both checked against the reason's context shape before anything is rendered, so a
/// misspelt name is an error at `PATH:LINE` rather than a blank in a customer's message.
public struct DraftTemplate: Sendable {
    public let path: String
    public let reason: ReasonKind
    let subject: MustacheTemplate?
    let body: MustacheTemplate

    /// Swift-mustache escapes HTML by default; drafts are plain text. The pragma sits on a
    /// line of its own, which the parser drops as a standalone tag.
    static let textPragma = "{{%CONTENT_TYPE:TEXT}}\n"

    /// Compiles `text`, or throws `RapportError.data` listing every problem as `PATH:LINE: …`.
    public init(text: String, path: String, reason: ReasonKind) throws {
        let parts = Self.split(text)
        var problems = Self.problems(parts, reason: reason)
        var subject: MustacheTemplate?
        var body: MustacheTemplate?
        if problems.isEmpty {
            do {
                subject = try parts.subject.map { try Self.compile($0, firstLine: 1) }
                body = try Self.compile(parts.body, firstLine: parts.bodyFirstLine)
            } catch let problem as TemplateProblem {
                problems.append(problem)
            }
        }
        guard problems.isEmpty, let body else {
            throw RapportError.data(problems.map { "\(path):\($0.line): \($0.message)" }.joined(separator: "\n"))
        }
        self.path = path
        self.reason = reason
        self.subject = subject
        self.body = body
    }

    /// Every problem in a template's text, for `templates check`.
    public static func problems(in text: String, reason: ReasonKind) -> [TemplateProblem] {
        let parts = split(text)
        var problems = problems(parts, reason: reason)
        if problems.isEmpty {
            do {
                _ = try parts.subject.map { try compile($0, firstLine: 1) }
                _ = try compile(parts.body, firstLine: parts.bodyFirstLine)
            } catch let problem as TemplateProblem {
                problems.append(problem)
            } catch {
                problems.append(TemplateProblem(line: 1, message: "\(error)"))
            }
        }
        return problems
    }

    struct Parts {
        var subject: String?
        var body: String
        var bodyFirstLine: Int
    }

    /// The subject line (without `Subject:`) and the rest. A blank line right after the
    /// subject separates it from the body and is not part of either.
    static func split(_ raw: String) -> Parts {
        var text = raw.replacingAll("\r\n", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard text.count >= 8, text.prefix(8).lowercased() == "subject:" else {
            return Parts(subject: nil, body: text, bodyFirstLine: 1)
        }
        let newline = text.firstIndex(of: "\n") ?? text.endIndex
        let subject = String(text[text.index(text.startIndex, offsetBy: 8)..<newline])
        var rest = newline < text.endIndex ? String(text[text.index(after: newline)...]) : ""
        var firstLine = 2
        if let end = rest.firstIndex(of: "\n"), rest[..<end].allSatisfy({ $0 == " " || $0 == "\t" }) {
            rest = String(rest[rest.index(after: end)...])
            firstLine = 3
        }
        return Parts(subject: subject, body: rest, bodyFirstLine: firstLine)
    }

    static func problems(_ parts: Parts, reason: ReasonKind) -> [TemplateProblem] {
        let shape = ContextSchema.shape(for: reason)
        var problems: [TemplateProblem] = []
        for (text, line) in [(parts.subject, 1), (parts.body, parts.bodyFirstLine)] {
            guard let text else { continue }
            do {
                let tags = try TemplateScanner.tags(in: text, firstLine: line)
                problems += TemplateCheck.problems(tags, root: shape, reason: reason)
            } catch {
                problems.append(error)
            }
        }
        return problems
    }

    static func compile(_ text: String, firstLine: Int) throws(TemplateProblem) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: textPragma + text)
        } catch let error as MustacheTemplate.ParserError {
            // The pragma line shifts the parser's count by one.
            throw TemplateProblem(line: error.context.lineNumber - 1 + firstLine - 1, message: "cannot parse: \(error.error)")
        } catch {
            throw TemplateProblem(line: firstLine, message: "cannot parse: \(error)")
        }
    }

    /// Renders with a context built by `DraftContext` (whose names the check vouched for).
    /// The subject is one line; the body loses leading blank lines and trailing space.
    public func render(_ context: [String: Any]) -> (subject: String, body: String) {
        let oneLine = subject.map {
            $0.render(context).split(whereSeparator: { $0.isNewline || $0 == "\t" || $0 == " " }).joined(separator: " ")
        } ?? ""
        return (oneLine, Self.tidy(body.render(context)))
    }

    /// Trailing spaces off every line, blank lines off both ends: one pass over the bytes.
    static func tidy(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpaces: [UInt8] = []
        var pendingNewlines = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                pendingSpaces.append(byte)
            case UInt8(ascii: "\n"):
                pendingSpaces.removeAll(keepingCapacity: true)
                if !out.isEmpty { pendingNewlines += 1 }
            default:
                if pendingNewlines > 0 {
                    out += repeatElement(UInt8(ascii: "\n"), count: pendingNewlines)
                    pendingNewlines = 0
                }
                out += pendingSpaces
                pendingSpaces.removeAll(keepingCapacity: true)
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// Every occurrence of `target` replaced, matching UTF-8 bytes (UTF-8 never matches
    /// inside another character): fast, and independent of Foundation's locale-aware
    /// comparison.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard let first = needle.first, utf8.contains(first) else { return self }
        let bytes = Array(utf8)
        let swap = Array(replacement.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var found = false
        var i = 0
        while i < bytes.count {
            if bytes[i] == first, i + needle.count <= bytes.count, bytes[i..<(i + needle.count)].elementsEqual(needle) {
                out += swap
                i += needle.count
                found = true
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return found ? String(decoding: out, as: UTF8.self) : self
    }

    /// Whether `target` occurs, by UTF-8 bytes.
    func containsBytes(_ target: String) -> Bool {
        let needle = Array(target.utf8)
        guard let first = needle.first else { return true }
        let bytes = Array(utf8)
        guard bytes.count >= needle.count else { return false }
        for i in 0...(bytes.count - needle.count) where bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
