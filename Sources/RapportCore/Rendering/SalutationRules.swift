import Foundation
import Yams

/// The data behind Chinese salutations: compound surnames (`config/surnames.yaml`) and
/// title forms (`config/titles.yaml`). A user's config folder may replace either file;
/// a file it lacks comes from the shipped config.
public struct SalutationRules: Sendable, Equatable {
    /// Two-character surnames (欧阳, 司马…).
    public var compoundSurnames: Set<String>
    /// (title suffix, form), most senior first.
    public var titleForms: [(suffix: String, form: String)] {
        didSet { loweredForms = Self.lowered(titleForms) }
    }
    /// The suffixes lower-cased once, for case-insensitive matching of Latin titles.
    private(set) var loweredForms: [(suffix: String, form: String)]

    public init(compoundSurnames: Set<String> = [], titleForms: [(suffix: String, form: String)] = []) {
        self.compoundSurnames = compoundSurnames
        self.titleForms = titleForms
        self.loweredForms = Self.lowered(titleForms)
    }

    private static func lowered(_ forms: [(suffix: String, form: String)]) -> [(suffix: String, form: String)] {
        forms.map { ($0.suffix.lowercased(), $0.form) }
    }

    public static func == (a: SalutationRules, b: SalutationRules) -> Bool {
        a.compoundSurnames == b.compoundSurnames
            && a.titleForms.map { $0.suffix + "\u{0}" + $0.form } == b.titleForms.map { $0.suffix + "\u{0}" + $0.form }
    }

    /// Loads both files from `directory`, each falling back to the shipped config folder;
    /// a file found nowhere contributes nothing (salutations then fall back to full names).
    public static func load(directory: URL?, shipped: URL? = ShippedResources.configDirectory) throws -> SalutationRules {
        func locate(_ name: String) -> URL? {
            for folder in [directory, shipped].compactMap({ $0 }) {
                let file = folder.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: file.path) { return file }
            }
            return nil
        }
        var rules = SalutationRules()
        if let file = locate("surnames.yaml") {
            rules.compoundSurnames = try parseSurnames(read(file), path: file.path)
        }
        if let file = locate("titles.yaml") {
            rules.titleForms = try parseTitles(read(file), path: file.path)
        }
        return rules
    }

    static func read(_ file: URL) throws -> String {
        do {
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw RapportError.io("\(file.path): cannot read: \(error.localizedDescription)")
        }
    }

    static func topMapping(_ text: String, path: String, key expected: String) throws -> Node? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw RapportError.data("\(path): not valid YAML: \(error)")
        }
        guard let node else { return nil }
        guard let mapping = node.mapping else { throw RapportError.data("\(path): expected a mapping with `\(expected)`") }
        var value: Node?
        for (key, child) in mapping {
            guard key.string == expected else {
                throw RapportError.data("\(path):\(line(key)): \(key.string ?? "?"): unknown key (expected `\(expected)`)")
            }
            value = child
        }
        return value
    }

    static func line(_ node: Node) -> String { node.mark.map { "\($0.line)" } ?? "?" }

    public static func parseSurnames(_ text: String, path: String) throws -> Set<String> {
        guard let list = try topMapping(text, path: path, key: "compound") else { return [] }
        guard let items = list.sequence else { throw RapportError.data("\(path): `compound` must be a list of surnames") }
        var surnames = Set<String>()
        for item in items {
            guard let name = item.string?.trimmingWhitespace(), name.count == 2 else {
                throw RapportError.data("\(path):\(line(item)): a compound surname has exactly two characters")
            }
            surnames.insert(name)
        }
        return surnames
    }

    public static func parseTitles(_ text: String, path: String) throws -> [(suffix: String, form: String)] {
        guard let map = try topMapping(text, path: path, key: "forms") else { return [] }
        guard let pairs = map.mapping else { throw RapportError.data("\(path): `forms` must map title endings to forms") }
        return try pairs.map { key, value in
            guard let suffix = key.string?.trimmingWhitespace(), !suffix.isEmpty,
                  let form = value.string?.trimmingWhitespace(), !form.isEmpty
            else { throw RapportError.data("\(path):\(line(key)): expected `title ending: form`") }
            return (suffix, form)
        }
    }
}
