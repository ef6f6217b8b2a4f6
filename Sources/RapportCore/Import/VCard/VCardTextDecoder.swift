import Foundation

/// Turns a property's raw value into text: the transfer encoding undone (quoted-printable,
/// base64), then the bytes decoded from the property's CHARSET; a value that declares none
/// is in the `--encoding` given, else UTF-8 when it is valid UTF-8, else GB18030 (what
/// Chinese phones write without saying so). Escapes are left for `VCardText`.
final class VCardTextDecoder {
    private let forced: VCardCharset?
    /// Whether a value without a CHARSET was not UTF-8 and was read as GB18030.
    private(set) var readUndeclaredGB18030 = false

    init(encoding: ImportEncoding?) {
        forced = encoding.map(VCardCharset.init)
    }

    enum Failure: Error, Equatable {
        case quotedPrintable(String)
        case base64
        case unsupportedCharset(String)
        case notText(VCardCharset)

        var reason: String {
            switch self {
            case .quotedPrintable(let sequence):
                return "'\(sequence)' is not quoted-printable (= and two hex digits)"
            case .base64:
                return "the base64 value cannot be decoded"
            case .unsupportedCharset(let name):
                return "CHARSET=\(name) is not a character set this import reads (\(VCardCharset.supportedNames)); export the contacts as UTF-8"
            case .notText(let charset):
                return "bytes that are not \(charset.name) text"
            }
        }
    }

    func text(_ property: VCardProperty) throws(Failure) -> String {
        var bytes = Array(property.value)
        switch property.head.transferEncoding {
        case .quotedPrintable?: bytes = try Self.quotedPrintable(bytes)
        case .base64?:
            guard let data = Data(base64Encoded: String(decoding: bytes, as: UTF8.self), options: .ignoreUnknownCharacters) else {
                throw .base64
            }
            bytes = Array(data)
        case nil: break
        }
        if let declared = property.parameter("CHARSET").first {
            guard let charset = VCardCharset(name: declared) else { throw .unsupportedCharset(declared) }
            guard let text = charset.decode(bytes) else { throw .notText(charset) }
            return text
        }
        if let forced {
            guard let text = forced.decode(bytes) else { throw .notText(forced) }
            return text
        }
        if let text = VCardCharset.utf8.decode(bytes) { return text }
        guard let text = VCardCharset.gb18030.decode(bytes) else { throw .notText(.gb18030) }
        readUndeclaredGB18030 = true
        return text
    }

    /// `=XX` as the byte XX (either case of hex digit); soft line breaks are gone already
    /// (`VCardLines`), but a `=` left at the very end is one too.
    static func quotedPrintable(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "=") else {
                decoded.append(byte)
                index += 1
                continue
            }
            if index == bytes.count - 1 { break }
            guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else {
                throw .quotedPrintable(String(decoding: bytes[index..<min(index + 3, bytes.count)], as: UTF8.self))
            }
            decoded.append(high << 4 | low)
            index += 3
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}

/// A decoded value's escapes and structure (RFC 6350 §3.4): `\\`, `\,`, `\;`, `\:` stand
/// for the character, `\n` / `\N` for a line break (read in every version: 2.1 exporters
/// write them too); a structured value (N) splits at unescaped `;`, a list at unescaped `,`.
enum VCardText {
    static func unescaped(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return String(text) }
        var out = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "n", "N": out.append("\n")
                case "\\", ",", ";", ":": out.append(character)
                default: out.append("\\"); out.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        if escaping { out.append("\\") }
        return out
    }

    /// The parts of `text` between unescaped `separator`s, still escaped.
    static func split(_ text: String, at separator: Character) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        var escaping = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if escaping {
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == separator {
                parts.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        parts.append(text[start...])
        return parts
    }
}
