import Foundation

/// The template folders — the user's (`--templates DIR` or the config's `templates`)
/// before the shipped one — indexed once, with compiled templates cached, so ten
/// thousand drafts cost one directory listing per locale folder and one compile per file.
public final class TemplateLibrary {
    public enum Origin: String, Sendable { case user, shipped }

    public struct Folder: Sendable {
        public var url: URL
        public var origin: Origin
    }

    /// A template file found on disk.
    public struct Entry: Sendable {
        public var url: URL
        public var locale: String
        public var origin: Origin
        public var fileName: String
        /// `url.path`, computed once.
        public var path: String

        init(url: URL, locale: String, origin: Origin, fileName: String) {
            self.url = url
            self.locale = locale
            self.origin = origin
            self.fileName = fileName
            self.path = url.path
        }
    }

    public let folders: [Folder]
    /// folder position → normalized locale → file name → entry.
    private var index: [[String: [String: Entry]]] = []
    private var compiled: [String: DraftTemplate] = [:]
    /// Chains already resolved: ten thousand drafts ask the same few questions.
    private var resolved: [ChainKey: Entry?] = [:]

    private struct ChainKey: Hashable {
        var names: [TemplateName]
        var locales: [String]
    }

    /// `user` must exist when given (a typo in `--templates` must not fall back silently).
    public init(user: URL?, shipped: URL?) throws {
        var folders: [Folder] = []
        if let user {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: user.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw RapportError.noInput("no template folder at \(user.path)")
            }
            folders.append(Folder(url: user, origin: .user))
        }
        if let shipped, FileManager.default.fileExists(atPath: shipped.path) {
            folders.append(Folder(url: shipped, origin: .shipped))
        }
        self.folders = folders
        self.index = try folders.map { try Self.scan($0) }
    }

    private static func scan(_ folder: Folder) throws -> [String: [String: Entry]] {
        let root = folder.url
        let fm = FileManager.default
        let children: [String]
        do {
            children = try fm.contentsOfDirectory(atPath: root.path)
        } catch {
            throw RapportError.io("\(root.path): cannot list templates: \(error.localizedDescription)")
        }
        var result: [String: [String: Entry]] = [:]
        for child in children.sorted() where !child.hasPrefix(".") {
            let url = root.appendingPathComponent(child)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let files = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
            let templates = files.filter { !$0.hasPrefix(".") && $0.hasSuffix("." + TemplateName.fileExtension) }
            let locale = LocaleTag.normalize(child)
            // Two spellings of one locale (zh_CN, zh-CN): the first in sorted order wins.
            guard result[locale] == nil else { continue }
            var entries: [String: Entry] = [:]
            for file in templates {
                entries[file] = Entry(url: url.appendingPathComponent(file), locale: locale, origin: folder.origin, fileName: file)
            }
            result[locale] = entries
        }
        return result
    }

    /// The first template of the chain: locales outermost, then names, then folders.
    public func resolve(names: [TemplateName], locales: [String]) -> Entry? {
        let key = ChainKey(names: names, locales: locales)
        if let known = resolved[key] { return known }
        var found: Entry?
        search: for locale in locales {
            for name in names {
                let fileName = name.fileName
                for position in folders.indices {
                    if let entry = index[position][locale]?[fileName] {
                        found = entry
                        break search
                    }
                }
            }
        }
        resolved[key] = found
        return found
    }

    /// Compiles (once) and returns the template at `entry`.
    public func template(_ entry: Entry, reason: ReasonKind) throws -> DraftTemplate {
        if let cached = compiled[entry.path] { return cached }
        let text = try Self.read(entry.url)
        let template = try DraftTemplate(text: text, path: entry.path, reason: reason)
        compiled[entry.path] = template
        return template
    }

    /// Every template file, user folder first, locales and names in sorted order.
    public func allEntries() -> [Entry] {
        var entries: [Entry] = []
        for locales in index {
            for locale in locales.keys.sorted() {
                guard let files = locales[locale] else { continue }
                entries += files.keys.sorted().compactMap { files[$0] }
            }
        }
        return entries
    }

    /// `templates check`: every file's name and content, problems as `PATH:LINE: message`.
    public func check() -> (checked: Int, problems: [String]) {
        var problems: [String] = []
        let entries = allEntries()
        for entry in entries {
            let name: TemplateName
            do {
                name = try TemplateName.parse(fileName: entry.fileName)
            } catch {
                problems.append("\(entry.url.path):\(error.line): \(error.message)")
                continue
            }
            let text: String
            do {
                text = try Self.read(entry.url)
            } catch {
                problems.append((error as? RapportError)?.message ?? "\(entry.url.path):1: \(error)")
                continue
            }
            for problem in DraftTemplate.problems(in: text, reason: name.reason) {
                problems.append("\(entry.url.path):\(problem.line): \(problem.message)")
            }
        }
        return (entries.count, problems)
    }

    /// A template's text: unreadable is an I/O error (74), not UTF-8 a data error (65).
    static func read(_ url: URL) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw RapportError.io("\(url.path): cannot read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RapportError.data("\(url.path):1: not UTF-8 text")
        }
        return text
    }
}

extension RapportConfig {
    /// The config's `templates` folder: absolute, or relative to the config folder (so a
    /// config works wherever it is run from); nil when not set.
    public func userTemplatesFolder(configDirectory: URL?) -> URL? {
        guard let templates = templates?.trimmingWhitespace(), !templates.isEmpty else { return nil }
        if templates.hasPrefix("/") { return URL(fileURLWithPath: templates) }
        let base = configDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return base.appendingPathComponent(templates)
    }
}
