/// A line of a vCard file: its bytes (a slice of the file's unless it was folded) and the
/// physical line it starts on (1-based).
struct VCardLine {
    let number: Int
    var bytes: ArraySlice<UInt8>

    var isBlank: Bool { bytes.allSatisfy { $0 == VCardLines.space || $0 == VCardLines.tab } }
}

/// Splits a vCard file into content lines. Physical lines end with CRLF, LF or CR (counted
/// as the CSV reader counts them). They are then joined into logical lines:
/// - folding (RFC 6350 §3.2, 2426 §5.8.1): a line starting with a space or tab continues
///   the one before, without that first space or tab;
/// - a quoted-printable value (vCard 2.1) continues past a `=` that ends its line (a soft
///   line break), the `=` and the line break dropped;
/// - base64 data of vCard 2.1 written on lines of its own, unindented (older phones), runs
///   on until a blank line or a line with a colon.
enum VCardLines {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let colon = UInt8(ascii: ":")
    private static let equals = UInt8(ascii: "=")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    static func logical(_ bytes: ArraySlice<UInt8>) -> [VCardLine] {
        let lines = physical(bytes)
        var logical: [VCardLine] = []
        var index = 0
        while index < lines.count {
            var line = lines[index]
            index += 1
            while true {
                while index < lines.count, let first = lines[index].bytes.first, first == space || first == tab {
                    line.bytes += lines[index].bytes.dropFirst()
                    index += 1
                }
                guard index < lines.count else { break }
                // Only a line that could go on is parsed for its encoding here.
                let next = lines[index].bytes
                let softBreak = line.bytes.last == equals
                let dataLine = !lines[index].isBlank && !next.contains(colon)
                guard softBreak || dataLine, let encoding = VCardProperty.Head(line.bytes)?.transferEncoding,
                      (encoding == .quotedPrintable && softBreak) || (encoding == .base64 && dataLine) else { break }
                if softBreak, encoding == .quotedPrintable { line.bytes.removeLast() }
                line.bytes += next
                index += 1
            }
            logical.append(line)
        }
        return logical
    }

    /// The physical lines, an empty last one (after the final line break) left out.
    static func physical(_ bytes: ArraySlice<UInt8>) -> [VCardLine] {
        var lines: [VCardLine] = []
        var number = 1
        var start = bytes.startIndex
        var position = start
        while position < bytes.endIndex {
            let byte = bytes[position]
            guard byte == lineFeed || byte == carriageReturn else {
                position += 1
                continue
            }
            lines.append(VCardLine(number: number, bytes: bytes[start..<position]))
            number += 1
            position += 1
            if byte == carriageReturn, position < bytes.endIndex, bytes[position] == lineFeed { position += 1 }
            start = position
        }
        if start < bytes.endIndex { lines.append(VCardLine(number: number, bytes: bytes[start...])) }
        return lines
    }
}
