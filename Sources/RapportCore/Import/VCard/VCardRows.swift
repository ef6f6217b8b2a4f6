import Foundation

/// The contacts of a vCard file as the text of a contacts CSV — what the CSV import checks
/// and writes, so a card meets every rule a CSV row meets — and the way back from a row's
/// line and column to the card's line and property for the messages.
///
/// The columns are key, account, name and those of title, role, phone, email, birthday
/// and locale that some card of the file fills: like a CSV file without a column, a file
/// whose cards never give a role leaves the stored contacts' roles alone, while a card
/// without a phone in a file whose other cards have one clears it.
struct VCardRows {
    static let optionalColumns = ["title", "role", "phone", "email", "birthday", "locale"]

    let csv: [UInt8]
    /// The contact on each CSV line (records start on these lines).
    private let contactsByLine: [Int: VCardContact]

    init(contacts: [VCardContact], account: String) {
        let columns = ["key", "account", "name"] + Self.optionalColumns.filter { column in contacts.contains { $0.fields[column] != nil } }
        var text = columns.joined(separator: ",") + "\n"
        var byLine: [Int: VCardContact] = [:]
        var line = 2
        for contact in contacts {
            byLine[line] = contact
            let cells = columns.map { column in
                switch column {
                case "key": return contact.key.value
                case "account": return account
                default: return contact.fields[column]?.value ?? ""
                }
            }
            // Written as the CSV writers write (quoted where needed, formula-looking values
            // guarded), so the import's reading gives back each value exactly.
            let record = CSVCell.row(cells) + "\n"
            text += record
            line += Self.lineBreaks(in: record)
        }
        csv = Array(text.utf8)
        contactsByLine = byLine
    }

    /// Where a problem the CSV import found on `line` in `field` is in the vCard file: the
    /// property the value came from, else the card's BEGIN:VCARD line.
    func locate(line: Int, field: String?) -> (line: Int, field: String?) {
        guard let contact = contactsByLine[line] else { return (line, field) }
        if field == "key" { return (contact.key.line, contact.key.property) }
        if let field, let source = contact.fields[field] { return (source.line, source.property) }
        return (contact.begin, field)
    }

    /// Each row's key, and where the card gave it.
    var keys: [VCardField] { contactsByLine.keys.sorted().compactMap { contactsByLine[$0]?.key } }

    /// Line breaks as the CSV reader counts them: CR LF, LF and CR each one.
    private static func lineBreaks(in text: String) -> Int {
        var count = 0
        var afterCarriageReturn = false
        for byte in text.utf8 {
            if byte == 0x0D || (byte == 0x0A && !afterCarriageReturn) { count += 1 }
            afterCarriageReturn = byte == 0x0D
        }
        return count
    }
}
