import Foundation

/// One content line of a card, `[group.]NAME[;PARAM=VALUE…]:value` (RFC 6350 §3.3; vCard
/// 2.1's bare parameters such as `TEL;CELL;PREF:` are read as TYPE values, and its bare
/// `QUOTED-PRINTABLE` / `BASE64` as ENCODING). The value stays raw bytes until it is asked
/// for (`VCardTextDecoder`): a PHOTO is never decoded.
struct VCardProperty {
    let line: Int
    let head: Head
    let value: ArraySlice<UInt8>

    init?(_ line: VCardLine) {
        guard let head = Head(line.bytes) else { return nil }
        self.line = line.number
        self.head = head
        value = line.bytes[(head.end + 1)...]
    }

    /// Upper-cased, without its group (`item1.TEL` is `TEL`).
    var name: String { head.name }

    func parameter(_ name: String) -> [String] { head.parameters[name] ?? [] }

    /// TYPE values, lower-cased.
    var types: [String] { parameter("TYPE").map { $0.lowercased() } }

    /// The value is a URI (4.0 `TEL;VALUE=uri:tel:+86…`), text (`BDAY;VALUE=text:circa 1980`), ….
    var valueType: String? { parameter("VALUE").first?.lowercased() }

    /// Rank among properties of one name: 4.0 `PREF=1` (1 = most preferred) … `PREF=100`,
    /// 2.1/3.0 `TYPE=pref` as 1, none after all of them.
    var preference: Int {
        if let pref = parameter("PREF").first.flatMap({ Int($0) }), (1...100).contains(pref) { return pref }
        return types.contains("pref") ? 1 : 101
    }

    /// Whether this is `BEGIN:VCARD` / `END:VCARD`.
    func isMarker(_ name: String) -> Bool {
        head.name == name && head.group == nil
            && String(decoding: value, as: UTF8.self).trimmingASCIISpaces().uppercased() == "VCARD"
    }

    enum TransferEncoding { case quotedPrintable, base64 }

    /// The part before the value's colon: group, name and parameters.
    struct Head {
        let group: String?
        let name: String
        /// Upper-cased names; values unquoted, split at commas, in file order.
        let parameters: [String: [String]]
        /// Where the colon that starts the value is.
        let end: Int

        /// Nil when the line is not a property (no colon, or no valid name before it).
        init?(_ bytes: ArraySlice<UInt8>) {
            var inQuotes = false
            var end: Int?
            var segments: [ArraySlice<UInt8>] = []
            var segmentStart = bytes.startIndex
            for index in bytes.indices {
                let byte = bytes[index]
                if byte == Self.quote {
                    inQuotes.toggle()
                } else if !inQuotes, byte == Self.semicolon || byte == VCardLines.colon {
                    segments.append(bytes[segmentStart..<index])
                    segmentStart = index + 1
                    if byte == VCardLines.colon {
                        end = index
                        break
                    }
                }
            }
            guard let end, let qualified = segments.first, !qualified.isEmpty,
                  qualified.allSatisfy({ Self.isNameByte($0) || $0 == Self.dot }) else { return nil }
            let nameParts = qualified.split(separator: Self.dot, omittingEmptySubsequences: false)
            guard let last = nameParts.last, !last.isEmpty, nameParts.dropLast().allSatisfy({ !$0.isEmpty }) else { return nil }
            group = nameParts.count > 1 ? String(decoding: qualified.dropLast(last.count + 1), as: UTF8.self) : nil
            name = String(decoding: last, as: UTF8.self).uppercased()
            var parameters: [String: [String]] = [:]
            for segment in segments.dropFirst() where !segment.isEmpty {
                let (key, values) = Self.parameter(String(decoding: segment, as: UTF8.self))
                parameters[key, default: []] += values
            }
            self.parameters = parameters
            self.end = end
        }

        var transferEncoding: TransferEncoding? {
            switch parameters["ENCODING"]?.first?.uppercased() {
            case "QUOTED-PRINTABLE": return .quotedPrintable
            case "B", "BASE64": return .base64
            default: return nil
            }
        }

        private static let bareEncodings: Set<String> = ["QUOTED-PRINTABLE", "BASE64", "B", "7BIT", "8BIT"]

        private static func parameter(_ text: String) -> (String, [String]) {
            guard let equals = text.firstIndex(of: "=") else {
                let bare = text.trimmingASCIISpaces()
                return (bareEncodings.contains(bare.uppercased()) ? "ENCODING" : "TYPE", [bare])
            }
            let key = String(text[..<equals]).trimmingASCIISpaces().uppercased()
            let values = text[text.index(after: equals)...].filter { $0 != "\"" }.split(separator: ",", omittingEmptySubsequences: false)
            return (key, values.map { String($0).trimmingASCIISpaces() })
        }

        private static let quote = UInt8(ascii: "\"")
        private static let semicolon = UInt8(ascii: ";")
        private static let dot = UInt8(ascii: ".")

        /// Letters, digits and `-` (RFC 6350 `name` and `group`); `_` too, which some exporters write in X- names.
        private static func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }
}
