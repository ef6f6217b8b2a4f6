/// Checks every name a template uses against the context shape of its reason, with
/// mustache's own lookup rules: a name is looked up in the innermost section's element
/// first, then outwards; `a.b` finds `a` that way and `b` inside it; `.name` looks only
/// in the innermost element.
enum TemplateCheck {
    struct Scope {
        var shape: ContextShape
        /// The element of a list section: where `first()` and `last()` mean something.
        var isListElement: Bool
        /// Inside a section whose name is already reported unknown: its names are not
        /// reported again.
        var isUnknown = false
    }

    static func problems(_ tags: [TemplateTag], root: ContextShape, reason: ReasonKind) -> [TemplateProblem] {
        var scopes = [Scope(shape: root, isListElement: false)]
        var open: [(tag: TemplateTag, pushed: Bool)] = []
        var problems: [TemplateProblem] = []

        for tag in tags {
            if tag.kind == .close {
                guard let last = open.last else {
                    problems.append(TemplateProblem(line: tag.line, message: "'{{/\(display(tag))}}' closes a section that was never opened"))
                    return problems
                }
                guard last.tag.name == tag.name, last.tag.function == tag.function else {
                    problems.append(TemplateProblem(
                        line: tag.line,
                        message: "'{{/\(display(tag))}}' does not close '\(display(last.tag))' opened on line \(last.tag.line)"))
                    return problems
                }
                open.removeLast()
                if last.pushed { scopes.removeLast() }
                continue
            }
            if let function = tag.function {
                if tag.kind == .variable || tag.kind == .unescaped {
                    problems.append(TemplateProblem(line: tag.line, message: "\(function)() is a condition: use it as '{{#\(function)()}}…{{/\(function)()}}'"))
                } else if scopes.last?.isListElement != true, !scopes.contains(where: \.isUnknown) {
                    problems.append(TemplateProblem(line: tag.line, message: "\(function)() only means something directly inside a list section such as '{{#invoices}}'"))
                }
                if tag.kind == .section || tag.kind == .inverted { open.append((tag, false)) }
                continue
            }
            let shape = resolve(tag.name, scopes: scopes)
            let insideUnknown = scopes.contains(where: \.isUnknown)
            switch tag.kind {
            case .variable, .unescaped:
                guard let shape else {
                    if !insideUnknown { problems.append(unknown(tag, scopes: scopes, reason: reason)) }
                    continue
                }
                if shape != .value {
                    problems.append(TemplateProblem(line: tag.line, message: groupMessage(tag.name, shape)))
                }
            case .section:
                if shape == nil, !insideUnknown { problems.append(unknown(tag, scopes: scopes, reason: reason)) }
                switch shape {
                case .list(let element):
                    scopes.append(Scope(shape: element, isListElement: true))
                case .some(let other):
                    scopes.append(Scope(shape: other, isListElement: false))
                case .none:
                    scopes.append(Scope(shape: .object([:]), isListElement: false, isUnknown: true))
                }
                open.append((tag, true))
            case .inverted:
                if shape == nil, !insideUnknown { problems.append(unknown(tag, scopes: scopes, reason: reason)) }
                open.append((tag, false))
            case .close:
                break
            }
        }
        if let last = open.last {
            problems.append(TemplateProblem(line: last.tag.line, message: "section '\(display(last.tag))' is never closed"))
        }
        return problems
    }

    static func display(_ tag: TemplateTag) -> String {
        tag.function.map { "\($0)()" } ?? tag.name
    }

    static func resolve(_ name: String, scopes: [Scope]) -> ContextShape? {
        guard let top = scopes.last else { return nil }
        if name == "." { return top.shape }
        let localOnly = name.hasPrefix(".")
        let parts = (localOnly ? String(name.dropFirst()) : name).split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        for scope in (localOnly ? [top] : scopes.reversed()) {
            guard case .object(let fields) = scope.shape, var shape = fields[first] else { continue }
            for part in parts.dropFirst() {
                guard case .object(let inner) = shape, let next = inner[part] else { return nil }
                shape = next
            }
            return shape
        }
        return nil
    }

    static func groupMessage(_ name: String, _ shape: ContextShape) -> String {
        switch shape {
        case .object:
            let inside = ContextSchema.paths(shape, prefix: name).prefix(4).map { "'\($0)'" }.joined(separator: ", ")
            return "'\(name)' is a group, not a value: use \(inside)"
        case .list:
            return "'\(name)' is a list: go through it with '{{#\(name)}}…{{/\(name)}}'"
        case .value:
            return "'\(name)' is a value"
        }
    }

    static func unknown(_ tag: TemplateTag, scopes: [Scope], reason: ReasonKind) -> TemplateProblem {
        var candidates: [String] = []
        for scope in scopes.reversed() { candidates += ContextSchema.paths(scope.shape) }
        var message = "unknown variable '\(tag.name)'"
        let suggestions = Suggestions.closest(to: tag.name, among: candidates)
        if !suggestions.isEmpty {
            message += " (did you mean \(Suggestions.list(suggestions))?)"
        } else if case .object(let fields)? = scopes.first?.shape {
            message += " (a \(reason.rawValue) draft has: \(fields.keys.sorted().joined(separator: ", ")))"
        }
        return TemplateProblem(line: tag.line, message: message)
    }
}

/// "Did you mean" for names: close by edit distance, or the same last segment
/// (`name` → `contact.name`).
enum Suggestions {
    static func closest(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let unique = Array(Set(candidates))
        let scored = unique.map { ($0, distance(name, $0)) }.filter { $0.1 <= 2 }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        if !scored.isEmpty { return scored.prefix(limit).map(\.0) }
        let last = name.split(separator: ".").last.map(String.init) ?? name
        return unique.filter { candidate in
            let candidateLast = candidate.split(separator: ".").last.map(String.init) ?? candidate
            return distance(last, candidateLast) <= (last.count > 3 ? 1 : 0)
        }.sorted().prefix(limit).map { $0 }
    }

    static func list(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
