import Foundation

/// File names for drafts written with `--out`: `2026-09-24_HD-MACH_欧阳明_holiday_mid-autumn.txt`.
/// Built only from letters and digits of any script plus `-` and `_`, so a name from the
/// data (`../../etc/passwd`, `a/b`, a control character, a bidi override) can never
/// add a path component, hide an extension or start with a dot; each part is capped so
/// the whole stays far below the 255-byte limit of common file systems.
public enum DraftFileName {
    static let accountBytes = 40
    static let personBytes = 48
    static let variantBytes = 40

    /// The name without extension and without de-duplication.
    public static func base(for draft: Draft) -> String {
        let account = slug(draft.account, keepCase: true, maxBytes: accountBytes).orIfEmpty("account")
        let person: String
        if let contact = draft.contact {
            person = slug(draft.to, keepCase: false, maxBytes: personBytes)
                .orIfEmpty(slug(contact, keepCase: false, maxBytes: personBytes))
                .orIfEmpty("contact")
        } else {
            person = "account"
        }
        var parts = [draft.date.description, account, person, draft.reason.rawValue]
        if let variant = draft.variant {
            let part = slug(variant, keepCase: false, maxBytes: variantBytes)
            if !part.isEmpty { parts.append(part) }
        }
        return parts.joined(separator: "_")
    }

    /// One name per draft, in order: a name already taken (compared case-insensitively,
    /// for case-insensitive file systems) gets `-2`, `-3`, … — the same drafts always get
    /// the same names.
    public static func assign(_ drafts: [Draft], fileExtension: String) -> [String] {
        var taken = Set<String>()
        return drafts.map { draft in
            let base = base(for: draft)
            var name = base + "." + fileExtension
            var counter = 2
            while !taken.insert(name.lowercased()).inserted {
                name = "\(base)-\(counter).\(fileExtension)"
                counter += 1
            }
            return name
        }
    }

    /// Letters, digits and combining marks of any script are kept (ASCII letters
    /// lower-cased unless `keepCase`); apostrophes vanish (`O'Brien` → `obrien`); every
    /// other run of characters becomes one `-`; no `-` at either end; at most `maxBytes`
    /// bytes of UTF-8, cut between characters.
    public static func slug(_ text: String, keepCase: Bool, maxBytes: Int) -> String {
        var out = ""
        var bytes = 0
        var pendingDash = false
        // Composed form so one name always gives the same bytes (ASCII needs no work).
        let text = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
        for character in text {
            if character == "'" || character == "’" { continue }
            guard isWordCharacter(character) else {
                pendingDash = !out.isEmpty
                continue
            }
            var piece = String(character)
            if !keepCase, let ascii = character.asciiValue, ascii >= 65, ascii <= 90 {
                piece = String(Character(Unicode.Scalar(ascii + 32)))
            }
            if pendingDash { piece = "-" + piece }
            let size = piece.utf8.count
            guard bytes + size <= maxBytes else { break }
            out += piece
            bytes += size
            pendingDash = false
        }
        return out
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        if first.isASCII {
            return ("a"..."z").contains(first) || ("A"..."Z").contains(first) || ("0"..."9").contains(first)
        }
        // Letters, digits and marks only: excludes punctuation, symbols, spaces, and the
        // format characters (bidi overrides, zero-width joiners) that disguise names.
        return character.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
                return true
            default:
                return false
            }
        }
    }
}

extension String {
    fileprivate func orIfEmpty(_ fallback: @autoclosure () -> String) -> String { isEmpty ? fallback() : self }
}
