import Foundation

/// A draft as an RFC 5322 message a mail client opens as an unsent draft (`X-Unsent: 1`):
/// CRLF line ends, `Date`, `From`, `To` (the contact's address or the empty group
/// `undisclosed-recipients:;`), an RFC 2047-encoded `Subject` and display names when they
/// are not plain ASCII, and a UTF-8 `text/plain` body.
public enum EmailMessage {
    public static func render(_ draft: Draft, from sender: Rep?, timeZone: TimeZone) -> String {
        var headers: [String] = []
        headers.append("Date: " + dateHeader(draft.date, timeZone: timeZone))
        let senderName = sender?.name ?? draft.rep
        headers.append("From: " + mailbox(name: senderName, address: sender?.email.flatMap(validAddress) ?? placeholderAddress(draft.rep)))
        if let address = draft.email.flatMap(validAddress) {
            headers.append("To: " + mailbox(name: draft.to, address: address))
        } else {
            headers.append("To: undisclosed-recipients:;")
        }
        headers.append("Subject: " + unstructured(draft.subject.isEmpty ? draft.defaultSubject : draft.subject))
        headers.append("MIME-Version: 1.0")
        headers.append("Content-Type: text/plain; charset=UTF-8")
        let body = draft.body.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n")
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let text: String
        if lines.allSatisfy({ $0.utf8.count <= 998 }) {
            headers.append("Content-Transfer-Encoding: 8bit")
            text = lines.joined(separator: "\r\n") + "\r\n"
        } else {
            headers.append("Content-Transfer-Encoding: base64")
            text = Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]) + "\r\n"
        }
        headers.append("X-Unsent: 1")
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + text
    }

    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// 09:00 on the draft's date in `timeZone`: `Thu, 24 Sep 2026 09:00:00 +0800`.
    static func dateHeader(_ date: CivilDate, timeZone: TimeZone) -> String {
        let morningUTC = Date(timeIntervalSince1970: TimeInterval(date.dayNumber * 86_400 + 9 * 3_600))
        let offset = timeZone.secondsFromGMT(for: morningUTC) / 60
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 60, minutes = abs(offset) % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekdays[date.weekday - 1]), \(two(date.day)) \(months[date.month - 1]) \(date.year) 09:00:00 \(sign)\(two(hours))\(two(minutes))"
    }

    static let addressSpecials = Set("<>()[],;:\\\" ".unicodeScalars)

    /// A plain addr-spec we can put in a header as is: one `@`, printable ASCII, no
    /// spaces or characters that end or restructure a header.
    static func validAddress(_ text: String) -> String? {
        let address = text.trimmingWhitespace()
        guard address.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 && !addressSpecials.contains($0) }) else { return nil }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].firstIndex(of: ".") != nil, parts[1].first != ".", parts[1].last != "." else {
            return nil
        }
        return address
    }

    /// For a rep with no e-mail: a syntactically valid address in the reserved `.invalid`
    /// domain; the mail client replaces it when the draft is sent.
    static func placeholderAddress(_ handle: String) -> String {
        let local = String(handle.unicodeScalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_" }
            .map(Character.init))
        let trimmed = local.split(separator: ".").joined(separator: ".")
        return (trimmed.isEmpty ? "rep" : trimmed) + "@rapport.invalid"
    }

    static func mailbox(name: String, address: String) -> String {
        let name = printable(name)
        guard !name.isEmpty else { return "<\(address)>" }
        return phrase(name) + " <\(address)>"
    }

    /// Control characters (CR, LF, tabs…) become spaces: no value can end a header line.
    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
            .split(separator: " ").joined(separator: " ")
    }

    static let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ".unicodeScalars)

    /// A display name: atoms as they are, other ASCII as a quoted string, anything else
    /// as encoded words.
    static func phrase(_ name: String) -> String {
        if name.unicodeScalars.allSatisfy({ atext.contains($0) }), !name.containsBytes("=?") { return name }
        if name.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value < 127 }), !name.containsBytes("=?") {
            return "\"" + name.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
        }
        return encodedWords(name)
    }

    /// Subject text: as is when plain short ASCII, else encoded words.
    static func unstructured(_ text: String) -> String {
        let text = printable(text)
        if text.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value < 127 }), !text.containsBytes("=?"), text.utf8.count <= 900 {
            return text
        }
        return encodedWords(text)
    }

    /// RFC 2047 B-encoded words of at most 75 characters (45 bytes of UTF-8 each, never
    /// splitting a character), folded onto continuation lines.
    static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk = Data()
        for character in text {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > 45, !chunk.isEmpty {
                words.append("=?UTF-8?B?" + chunk.base64EncodedString() + "?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + chunk.base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }
}
