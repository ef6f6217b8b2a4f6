/// Cell text in a worksheet's XML, so that an OOXML reader gets the stored value back
/// exactly: `&`, `<`, `>` as entities; a carriage return as `&#13;` (a parser turns a
/// literal CR or CRLF into LF); characters XML cannot hold (control characters,
/// U+FFFE, U+FFFF) as ECMA-376's `_xHHHH_`, and an `_` that would begin such an escape in
/// the text itself as `_x005F_`. Tab and line feed stay as they are.
enum XLSXText {
    /// Appends `bytes` (UTF-8) escaped for an element's content.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: FileOutput) throws {
        guard bytes.contains(where: mayNeedEscape) else {
            try output.append(bytes)
            return
        }
        var start = 0
        var index = 0
        func replace(_ length: Int, with text: String) throws {
            try output.append(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            try output.append(text)
            index += length
            start = index
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): try replace(1, with: "&amp;")
            case UInt8(ascii: "<"): try replace(1, with: "&lt;")
            case UInt8(ascii: ">"): try replace(1, with: "&gt;")
            case 0x0D: try replace(1, with: "&#13;")
            case 0x09, 0x0A: index += 1
            case 0x00..<0x20: try replace(1, with: hexEscape(UInt16(byte)))
            case UInt8(ascii: "_") where beginsEscape(bytes, at: index): try replace(1, with: "_x005F_")
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                try replace(3, with: hexEscape(bytes[index + 2] == 0xBE ? 0xFFFE : 0xFFFF))
            default: index += 1
            }
        }
        try output.append(UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// Whether a reader must keep the text's spaces: it begins or ends with white space.
    static func needsPreservedSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isSpace(_ byte: UInt8?) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        return isSpace(bytes.first) || isSpace(bytes.last)
    }

    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "_") || byte == 0xEF
    }

    /// `_xHHHH_` followed at `index`: what a reader would decode.
    private static func beginsEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"), bytes[index + 6] == UInt8(ascii: "_") else {
            return false
        }
        return bytes[(index + 2)..<(index + 6)].allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 70) || (byte >= 97 && byte <= 102)
        }
    }

    private static func hexEscape(_ value: UInt16) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
    }
}
