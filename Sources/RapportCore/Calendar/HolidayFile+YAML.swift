import Foundation
import Yams

extension HolidayFile {
    /// Reads a calendar file's text. Never throws: every problem (all of them, not only
    /// the first) lands in `problems` as `FILE:LINE: …`, with the line of the offending
    /// field, and the occasions that could be read are kept.
    static func parse(_ text: String, path: String, tiers: [String]) -> HolidayFile {
        var file = HolidayFile(path: path)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            file.problems.append("\(path):\(error.line ?? 1): not valid YAML: \(error.problemText)")
            return file
        } catch {
            file.problems.append("\(path):1: not valid YAML: \(error)")
            return file
        }
        guard let root, let mapping = root.mapping else {
            file.problems.append("\(path):1: expected a mapping with `occasions:`")
            return file
        }
        var sawOccasions = false
        for (keyNode, value) in mapping {
            let line = keyNode.line
            switch keyNode.string ?? "" {
            case "country":
                if let code = value.text, code.count == 2, code.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                    file.country = code
                } else {
                    file.problems.append("\(path):\(line): country: expected an ISO 3166 code such as CN")
                }
            case "meridian":
                if let name = value.text, let meridian = Meridian(rawValue: name) {
                    file.meridian = meridian
                } else {
                    file.problems.append("\(path):\(line): meridian: expected one of \(Meridian.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            case "locale":
                if let locale = value.text, isLocale(locale) { file.locale = locale } else {
                    file.problems.append("\(path):\(line): locale: expected a locale such as zh-CN or en")
                }
            case "replace":
                if let flag = value.bool { file.replacesShipped = flag } else {
                    file.problems.append("\(path):\(line): replace: expected true or false")
                }
            case "islamic":
                file.islamic = parseIslamic(value, field: keyNode, path: path, problems: &file.problems)
            case "occasions":
                sawOccasions = true
                guard let items = value.sequence else {
                    file.problems.append("\(path):\(line): occasions: expected a list of occasions")
                    continue
                }
                var seen: Set<String> = []
                for item in items {
                    guard let entry = parseEntry(item, path: path, tiers: tiers, problems: &file.problems) else { continue }
                    if !seen.insert(entry.key).inserted {
                        file.problems.append(entry.problem("defined twice in this file"))
                        continue
                    }
                    file.occasions.append(entry)
                }
            default:
                file.problems.append("\(path):\(line): unknown field '\(keyNode.string ?? "?")' (expected \(fileFields.joined(separator: ", ")))")
            }
        }
        if !sawOccasions { file.problems.append("\(path):1: no `occasions:` list") }
        return file
    }

    /// Lower-case words joined by hyphens: `mid-autumn`, `new-years-eve`.
    static func isKey(_ text: String) -> Bool {
        !text.isEmpty && text.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.allSatisfy { ($0.isASCII && $0.isLowercase) || $0.isASCII && $0.isNumber }
        }
    }

    /// `en`, `zh-CN`, `zh-Hant-TW`: a language and optional subtags.
    static func isLocale(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
              language.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    private static func parseEntry(_ node: Node, path: String, tiers: [String], problems: inout [String]) -> Entry? {
        guard let mapping = node.mapping else {
            problems.append("\(path):\(node.line): an occasion must be a mapping with a `key:`")
            return nil
        }
        guard let keyValue = mapping.first(where: { $0.key.string == "key" })?.value else {
            problems.append("\(path):\(node.line): occasion without a `key:`")
            return nil
        }
        guard let key = keyValue.text, isKey(key) else {
            problems.append("\(path):\(keyValue.line): key '\(keyValue.text ?? "")' must be lower-case words joined by hyphens (mid-autumn)")
            return nil
        }
        var entry = Entry(key: key, path: path, line: node.line, ruleLine: node.line)
        var ruleFieldsSeen: [String] = []

        func fail(_ field: Node, _ reason: String) { problems.append(entry.problem(reason, line: field.line)) }
        func number(_ field: Node, _ value: Node, _ range: ClosedRange<Int>) -> Int? {
            guard let v = value.int, range.contains(v) else {
                fail(field, "\(field.string ?? ""): expected a whole number in \(range.lowerBound)…\(range.upperBound)")
                return nil
            }
            return v
        }
        func flag(_ field: Node, _ value: Node) -> Bool? {
            guard let v = value.bool else { fail(field, "\(field.string ?? ""): expected true or false"); return nil }
            return v
        }
        func tierList(_ field: Node, _ value: Node) -> [String]? {
            guard let list = value.sequence?.map(\.text), !list.isEmpty, list.allSatisfy({ $0 != nil }) else {
                fail(field, "\(field.string ?? ""): expected a list of tiers such as [A, B]")
                return nil
            }
            let names = list.compactMap { $0 }
            for unknown in names where !tiers.contains(unknown) {
                fail(field, "\(field.string ?? ""): unknown tier '\(unknown)' (tiers: \(tiers.joined(separator: ", ")))")
            }
            return names
        }

        for (field, value) in mapping {
            let name = field.string ?? ""
            if name == "rules" {  // a rule per range of years (YearRangeRules.swift)
                ruleFieldsSeen.append(name)
                entry.ruleLine = field.line
                entry.rule = parseYearRangeRules(value, entry: entry, problems: &problems)
                entry.hasBadRule = entry.rule == nil
                continue
            }
            if ruleFields.contains(name) {
                ruleFieldsSeen.append(name)
                entry.ruleLine = field.line
                guard let text = value.text else {
                    entry.hasBadRule = true
                    fail(field, "\(name): expected a value")
                    continue
                }
                if let rule = parseRule(field: name, text) { entry.rule = rule } else {
                    entry.hasBadRule = true
                    fail(field, ruleProblem(field: name, text))
                }
                continue
            }
            switch name {
            case "key": break
            case "names":
                guard let map = value.mapping, map.count > 0 else { fail(field, "names: expected locale: name pairs"); continue }
                for (localeNode, nameNode) in map {
                    guard let locale = localeNode.text, isLocale(locale) else {
                        fail(localeNode, "names: '\(localeNode.text ?? "")' is not a locale such as zh-CN or en")
                        continue
                    }
                    guard let text = nameNode.text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                        fail(localeNode, "names: empty name for \(locale)")
                        continue
                    }
                    entry.names[locale] = text
                }
            case "offset": entry.offset = number(field, value, -maxOffset...maxOffset)
            case "greeting": entry.greeting = flag(field, value)
            case "gift": entry.gift = flag(field, value)
            case "remove": entry.remove = flag(field, value) ?? false
            case "lead": entry.lead = number(field, value, 0...60)
            case "gift_lead": entry.giftLead = number(field, value, 1...90)
            case "tiers": entry.tiers = tierList(field, value)
            case "gift_tiers": entry.giftTiers = tierList(field, value)
            case "since": entry.since = number(field, value, 1...9999)
            case "until": entry.until = number(field, value, 1...9999)
            case "template":
                // A template name becomes part of a file name: no paths, no surprises.
                if let text = value.text, !text.isEmpty, !text.hasPrefix("."),
                   text.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") }) {
                    entry.template = text
                } else {
                    fail(field, "template: expected a name of lower-case letters, digits, '-', '_' or '.'")
                }
            default:
                fail(field, "unknown field '\(name)' (a rule is one of \(ruleFields.joined(separator: ", ")); other fields: \(occasionFields.dropFirst(ruleFields.count).joined(separator: ", ")))")
            }
        }
        if ruleFieldsSeen.count > 1 {
            problems.append(entry.problem("more than one rule (\(ruleFieldsSeen.joined(separator: ", "))); give exactly one"))
            entry.rule = nil
            entry.hasBadRule = true
        }
        if let since = entry.since, let until = entry.until, since > until {
            problems.append(entry.problem("since \(since) is after until \(until)"))
        }
        return entry
    }

    static func parseRule(field: String, _ text: String) -> OccasionRule? {
        switch field {
        case "date":
            guard let day = RecurringDate(text, calendar: .gregorian), text.count == 5 else { return nil }
            return .fixed(month: day.month, day: day.day)
        case "weekday":
            return OccasionRule.parseWeekday(text)
        case "lunar":
            if text == "last-day-of-year" { return .lunarYearEnd }
            guard let day = RecurringDate(text, calendar: .chinese) else { return nil }
            return .lunar(month: day.month, day: day.day, isLeapMonth: day.isLeapMonth)
        case "solar_term":
            return SolarTerm(name: text).map(OccasionRule.solarTerm)
        case "easter":
            return Easter(rawValue: text).map(OccasionRule.easter)
        case "hindu":
            return HinduDate(text).map(OccasionRule.hindu)
        case "islamic":
            return parseIslamicRule(text)
        case "from":
            return isKey(text) ? .relative(to: text) : nil
        default:
            return nil
        }
    }

    static func ruleProblem(field: String, _ text: String) -> String {
        switch field {
        case "date": return "date: '\(text)' is not a month-day MM-DD such as 12-25"
        case "weekday": return "weekday: '\(text)' is not like '4th thursday of november' or 'last monday of may'"
        case "lunar": return "lunar: '\(text)' is not a lunar month-day MM-DD (LMM-DD for a leap month) or last-day-of-year"
        case "solar_term": return "solar_term: unknown term '\(text)' (one of \(SolarTerm.allCases.map(\.key).joined(separator: ", ")))"
        case "easter": return "easter: '\(text)' is not western or orthodox"
        case "hindu": return "hindu: '\(text)' is not a Hindu date such as ashvina-amavasya, phalguna-purnima at pradosh or bhadrapada-shukla-4"
        case "islamic": return islamicRuleProblem(text)
        default: return "from: '\(text)' is not an occasion key"
        }
    }
}

extension Node {
    /// 1-based line of the node in its file (1 when unknown).
    var line: Int { mark?.line ?? 1 }

    /// A scalar's text as written (so `NO` or `on` stay text where text is expected).
    var text: String? { scalar?.string }
}

extension YamlError {
    var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    var problemText: String {
        switch self {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            return (context.map { "\($0.text) " } ?? "") + problem
        default:
            return "\(self)".split(separator: "\n").first.map(String.init) ?? "\(self)"
        }
    }
}
