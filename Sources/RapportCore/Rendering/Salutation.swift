/// How a draft addresses its person. An explicit salutation always wins. A Chinese name
/// (Han characters only) with a known title takes surname + title form (李总, 欧阳经理);
/// every other name is used whole. A gendered form (先生/女士, Mr/Ms) is never guessed.
public enum Salutation {
    public static func make(name: String, title: String?, explicit: String?, rules: SalutationRules) -> String {
        if let explicit = explicit?.trimmingWhitespace(), !explicit.isEmpty { return explicit }
        let name = name.trimmingWhitespace()
        let compact = name.filter { !$0.isWhitespace }
        guard isHanName(compact), let title, let form = titleForm(title, rules: rules) else { return name }
        return surname(of: compact, rules: rules) + form
    }

    /// The surname of a Chinese name: a listed compound surname when the name is long
    /// enough to hold one and a given name, else the first character.
    public static func surname(of name: String, rules: SalutationRules) -> String {
        if name.count >= 3, rules.compoundSurnames.contains(String(name.prefix(2))) { return String(name.prefix(2)) }
        return String(name.prefix(1))
    }

    /// Two to four Han characters: the shape of a Chinese personal name (a transliterated
    /// foreign name with `·` is not one).
    static func isHanName(_ name: String) -> Bool {
        (2...4).contains(name.count) && name.unicodeScalars.allSatisfy(isHan)
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

    /// The form for a title: the first rule (most senior) that the title, or a bracketed
    /// part of it, ends with. `前`/`原` (former) inside brackets is fine: `（前总经理）` ends
    /// with 总经理. Latin endings compare case-insensitively.
    static func titleForm(_ title: String, rules: SalutationRules) -> String? {
        let parts = titleParts(title).map { $0.lowercased() }
        for rule in rules.loweredForms where parts.contains(where: { $0.hasSuffix(rule.suffix) }) {
            return rule.form
        }
        return nil
    }

    /// "董事会顾问（前总经理）" → ["董事会顾问", "前总经理"].
    static func titleParts(_ title: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for character in title {
            if "（()）[]【】".contains(character) {
                parts.append(current.trimmingWhitespace())
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingWhitespace())
        return parts.filter { !$0.isEmpty }
    }
}
