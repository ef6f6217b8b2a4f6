import Foundation

/// A value a card gives one contact column, and where: the line and property it came from
/// (what a problem with it names).
struct VCardField: Equatable {
    let value: String
    let line: Int
    let property: String
}

/// A card as the row of a contacts CSV it becomes.
struct VCardContact {
    /// The line of the card's `BEGIN:VCARD`.
    let begin: Int
    /// The contact key, from the card's UID or made from the account and the name.
    let key: VCardField
    /// Column (`name`, `title`, `role`, `phone`, `email`, `birthday`, `locale`) → value.
    let fields: [String: VCardField]

    /// Whether two cards say the same of the person (where they say it does not matter).
    func sameDetails(as other: VCardContact) -> Bool {
        fields.mapValues(\.value) == other.fields.mapValues(\.value)
    }
}

/// Reads the contacts out of the cards of one file, by the mapping of docs/import.md
/// ("vCard files"): FN (else N) → name, the preferred TEL → phone and EMAIL → email, TITLE
/// → title, ROLE → role when it is one of the contact roles, BDAY → birthday (month-day),
/// LANG → locale; UID → key, else the account and the name. What cannot be read is a
/// problem on the property's line; what is read but left out, a note.
struct VCardContactReader {
    private let path: String
    private let account: String
    private let decoder: VCardTextDecoder
    private(set) var contacts: [VCardContact] = []
    private(set) var problems: [ImportProblem] = []
    private(set) var notes: [ImportProblem] = []
    /// Key → index in `contacts`, for cards that make the same contact.
    private var byKey: [String: Int] = [:]

    init(path: String, account: String, decoder: VCardTextDecoder) {
        self.path = path
        self.account = account
        self.decoder = decoder
    }

    mutating func read(_ card: VCard) {
        var card = CardReading(card: card, path: path, decoder: decoder)
        let name = card.name()
        let fields = [
            "name": name, "title": card.first("TITLE"), "role": card.role(), "phone": card.phone(),
            "email": card.preferred("EMAIL"), "birthday": card.birthday(), "locale": card.preferred("LANG"),
        ].compactMapValues { $0 }
        let key = card.key(account: account, name: name)
        problems += card.problems
        notes += card.notes
        // A card with a problem still goes on to the CSV checks (which find the rest of its
        // problems); the file is refused either way.
        guard let key else { return }
        let contact = VCardContact(begin: card.card.begin, key: key, fields: fields)
        guard let earlier = byKey[key.value].map({ contacts[$0] }) else {
            byKey[key.value] = contacts.count
            contacts.append(contact)
            return
        }
        if contact.sameDetails(as: earlier) {
            notes.append(ImportProblem(file: path, line: contact.begin, field: "card",
                                       reason: "the same contact as the card on line \(earlier.begin); imported once"))
        } else if key.property == "UID" {
            problems.append(ImportProblem(file: path, line: key.line, field: key.property,
                                          reason: "the card on line \(earlier.begin) has the same UID but other details; one contact cannot be two cards"))
        } else {
            problems.append(ImportProblem(file: path, line: key.line, field: key.property,
                                          reason: "the card on line \(earlier.begin) has the same name but other details, so both would be contact '\(key.value)'; give the cards different names or a UID each"))
        }
    }
}

/// Reading one card: its values decoded, problems and notes collected as they are found.
private struct CardReading {
    let card: VCard
    let path: String
    let decoder: VCardTextDecoder
    private(set) var problems: [ImportProblem] = []
    private(set) var notes: [ImportProblem] = []

    private mutating func problem(_ line: Int, _ field: String, _ reason: String) {
        problems.append(ImportProblem(file: path, line: line, field: field, reason: reason))
    }

    private mutating func note(_ line: Int, _ field: String, _ reason: String) {
        notes.append(ImportProblem(file: path, line: line, field: field, reason: reason))
    }

    /// The value of the first property of `name` that has one (escapes undone, trimmed).
    mutating func first(_ name: String) -> VCardField? { firstValue(card.all(name)) }

    /// The same, most preferred first (`VCardProperty.preference`; ties in file order).
    mutating func preferred(_ name: String) -> VCardField? {
        firstValue(card.all(name).enumerated().sorted { ($0.element.preference, $0.offset) < ($1.element.preference, $1.offset) }.map(\.element))
    }

    /// ROLE when it is a contact role (any case; spaces or `_` for `-`), else a note.
    mutating func role() -> VCardField? {
        guard let role = first("ROLE") else { return nil }
        let normalised = role.value.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        guard let fitting = ContactRole(rawValue: normalised) else {
            note(role.line, role.property, "'\(role.value)' is not a contact role (\(ContactRole.allCases.map(\.rawValue).joined(separator: ", "))); not imported")
            return nil
        }
        return VCardField(value: fitting.rawValue, line: role.line, property: role.property)
    }

    /// The preferred TEL as written, without the scheme of a `tel:` URI.
    mutating func phone() -> VCardField? {
        guard let phone = preferred("TEL") else { return nil }
        guard phone.value.lowercased().hasPrefix("tel:") else { return phone }
        return VCardField(value: String(phone.value.dropFirst(4)), line: phone.line, property: phone.property)
    }

    /// FN, else N composed: family name and given name without a space when either is
    /// written in Chinese (Japanese, Korean) characters, else given, middle and family
    /// names with spaces; prefixes and suffixes (Dr., Jr.) left to the salutation.
    mutating func name() -> VCardField? {
        if let formatted = first("FN") { return formatted }
        for property in card.all("N") {
            guard let text = decoded(property) else { return nil }
            let parts = VCardText.split(text, at: ";").prefix(3).map { part in
                VCardText.split(String(part), at: ",").map { VCardText.unescaped($0).trimmed }.filter { !$0.isEmpty }.joined(separator: " ")
            }
            let (family, given, middle) = (parts[0], parts.count > 1 ? parts[1] : "", parts.count > 2 ? parts[2] : "")
            let ideographic = (family + given).unicodeScalars.contains { $0.properties.isIdeographic }
            let name = ideographic ? family + given + middle : [given, middle, family].filter { !$0.isEmpty }.joined(separator: " ")
            if !name.isEmpty { return VCardField(value: name, line: property.line, property: "N") }
        }
        if problems.isEmpty { problem(card.begin, "FN", "the card has no name: FN and N are missing or empty") }
        return nil
    }

    /// BDAY as `MM-DD`; a text birthday (`BDAY;VALUE=text:circa 1980`) is noted and left out.
    mutating func birthday() -> VCardField? {
        guard let property = card.all("BDAY").first, let text = decoded(property).map({ VCardText.unescaped($0[...]).trimmed }),
              !text.isEmpty else { return nil }
        if property.valueType == "text" {
            note(property.line, "BDAY", "'\(text)' is a text, not a date; not imported")
            return nil
        }
        do {
            return VCardField(value: try VCardBirthday.monthDay(text), line: property.line, property: "BDAY")
        } catch {
            problem(property.line, "BDAY", error.reason(text))
            return nil
        }
    }

    /// The card's UID made a key (`urn:uuid:` dropped, then letters and digits of any script
    /// kept, ASCII lower-cased, every other run a `-`, at most 64 bytes), else the account's
    /// key and the name made the same way (`HD-MACH` + `Mike Reynolds` → `hd-mach-mike-reynolds`).
    mutating func key(account: String, name: VCardField?) -> VCardField? {
        if let uid = first("UID") {
            var text = uid.value
            if text.lowercased().hasPrefix("urn:uuid:") { text = String(text.dropFirst(9)) }
            let key = DraftFileName.slug(text, keepCase: false, maxBytes: 64)
            if !key.isEmpty { return VCardField(value: key, line: uid.line, property: "UID") }
        }
        guard let name else { return nil }
        let person = DraftFileName.slug(name.value, keepCase: false, maxBytes: 48)
        guard !person.isEmpty else {
            problem(name.line, name.property, "'\(name.value)' has no letter or digit to make the contact's key of; give the card a UID")
            return nil
        }
        return VCardField(value: DraftFileName.slug(account, keepCase: false, maxBytes: 40) + "-" + person,
                          line: name.line, property: name.property)
    }

    private mutating func firstValue(_ properties: [VCardProperty]) -> VCardField? {
        for property in properties {
            guard let text = decoded(property) else { return nil }
            let value = VCardText.unescaped(text[...]).trimmed
            if !value.isEmpty { return VCardField(value: value, line: property.line, property: property.name) }
        }
        return nil
    }

    private mutating func decoded(_ property: VCardProperty) -> String? {
        do {
            return try decoder.text(property)
        } catch {
            problem(property.line, property.name, error.reason)
            return nil
        }
    }
}

extension String {
    /// Without surrounding white space and line breaks.
    fileprivate var trimmed: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
