/// BCP 47-ish locale tags as Rapport uses them (`zh-CN`, `zh-Hant-TW`, `en-GB`): how they
/// are spelled and which template folders stand in for one that has no template.
public enum LocaleTag {
    /// Canonical spelling: `zh_cn` → `zh-CN`, `EN` → `en`, `zh-hant-tw` → `zh-Hant-TW`.
    public static func normalize(_ tag: String) -> String {
        let parts = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let first = parts.first else { return "" }
        var out = [first.lowercased()]
        for part in parts.dropFirst() {
            switch part.count {
            case 4: out.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())  // script
            case 2, 3: out.append(part.uppercased())  // region
            default: out.append(part.lowercased())
            }
        }
        return out.joined(separator: "-")
    }

    public static func language(_ tag: String) -> String {
        String(normalize(tag).split(separator: "-").first ?? "")
    }

    /// The region subtag (`CN` in `zh-Hans-CN`), if any.
    public static func region(_ tag: String) -> String? {
        normalize(tag).split(separator: "-").dropFirst().first(where: { (part: Substring) in part.count == 2 || part.count == 3 }).map { String($0) }
    }

    /// Whether a Chinese tag is written in traditional characters.
    static func isTraditionalChinese(_ tag: String) -> Bool {
        let parts = normalize(tag).split(separator: "-")
        if parts.contains("Hant") { return true }
        if parts.contains("Hans") { return false }
        return parts.contains("TW") || parts.contains("HK") || parts.contains("MO")
    }

    /// The folders tried for one requested locale, best first: the tag itself, then for
    /// Chinese the other folders of the same script (zh-HK ↔ zh-TW), then the bare
    /// language (`zh`, `en`), and last, for Chinese, `zh-CN`: a reader of traditional
    /// characters reads simplified ones better than a foreign language.
    public static func fallbacks(for tag: String) -> [String] {
        let tag = normalize(tag)
        guard !tag.isEmpty else { return [] }
        let language = language(tag)
        var chain = [tag]
        if language == "zh" {
            if isTraditionalChinese(tag) {
                chain += region(tag) == "TW" ? ["zh-TW", "zh-HK"] : ["zh-HK", "zh-TW"]
            } else {
                chain.append("zh-CN")
            }
        }
        chain.append(language)
        if language == "zh" { chain.append("zh-CN") }
        return unique(chain)
    }

    /// The template locales for a recipient: the contact's own locale, then the account's,
    /// then the configured default, each with its fallbacks; no folder twice.
    public static func chain(contact: String?, account: String?, defaultLocale: String) -> [String] {
        var chain: [String] = []
        for tag in [contact, account, defaultLocale] {
            guard let tag, !tag.trimmingWhitespace().isEmpty else { continue }
            chain += fallbacks(for: tag)
        }
        return unique(chain)
    }

    private static func unique(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0).inserted }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
