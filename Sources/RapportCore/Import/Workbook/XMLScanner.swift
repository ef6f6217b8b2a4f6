#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the scanner's bytes come from: a zip entry being inflated (or, in tests, memory).
protocol XMLSource: AnyObject {
    /// Fills up to `capacity` bytes at `buffer`; returns how many, 0 at the end.
    func readXML(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(WorkbookError) -> Int
}

extension ZipEntryReader: XMLSource {
    func readXML(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(WorkbookError) -> Int {
        try read(into: buffer, capacity: capacity)
    }
}

/// A pull tokenizer for the XML of workbook parts, over bytes read a chunk at a time, so a
/// sheet of any size goes through a buffer of fixed size. It gives start tags (with their
/// attributes), end tags and text (entities and character references decoded, CDATA taken
/// as text, line ends normalised to LF as XML requires); comments and processing
/// instructions are skipped; a DOCTYPE is refused (no part of a workbook has one, and
/// entity definitions are how XML bombs work). Names are compared by their local part, so
/// `x:row` is `row`. Tags must nest; anything else is a `.damaged` error naming the part and
/// the byte where it went wrong. The current token's bytes stay valid until `next()`.
///
/// Hand-written rather than Foundation's `XMLParser`: that one makes a `String` for every
/// element name and a dictionary for every cell's attributes (docs/import.md has the figures).
final class XMLScanner {
    enum Token: Equatable { case start, end, text, done }

    /// The part's name, for messages.
    let part: String
    private let source: any XMLSource

    @exclusivity(unchecked) private var buffer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var position = 0
    @exclusivity(unchecked) private var available = 0
    /// Bytes of the part that were before `buffer[0]` (for the byte offsets of messages).
    @exclusivity(unchecked) private var discarded = 0
    private var sourceAtEnd = false
    private var started = false
    private static let maximumCapacity = 64 << 20

    // The current token.
    @exclusivity(unchecked) private var nameStart = 0
    @exclusivity(unchecked) private var nameCount = 0
    /// Each attribute as four offsets into `buffer`: name start, name end, value start, value end.
    @exclusivity(unchecked) private var attributeOffsets: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var attributeCapacity = 16
    @exclusivity(unchecked) private(set) var attributeCount = 0
    private let textStorage = ByteStorage()
    @exclusivity(unchecked) private var textPointer: UnsafePointer<UInt8>?
    @exclusivity(unchecked) private var textCount = 0
    /// A self-closing tag (`<c/>`) gives a start, then this end.
    @exclusivity(unchecked) private var pendingEnd = false

    /// The open elements' qualified names, for matching end tags.
    private let open = ElementStack()

    init(source: any XMLSource, part: String, chunk: Int = 1 << 18) {
        self.source = source
        self.part = part
        capacity = chunk
        buffer = .allocate(capacity: chunk)
        attributeOffsets = .allocate(capacity: attributeCapacity * 4)
    }

    deinit {
        buffer.deallocate()
        attributeOffsets.deallocate()
    }

    /// How deep the scanner is: 1 inside the root element.
    var depth: Int { open.depth }

    /// The start just read was a self-closing tag (its end comes next, and nothing else).
    var isSelfClosing: Bool { pendingEnd }

    // MARK: - The current token

    /// The element's local name (for `.start` and `.end`).
    var name: Bytes { Bytes(start: buffer + nameStart, count: nameCount) }

    func isNamed(_ expected: StaticString) -> Bool {
        nameCount == expected.utf8CodeUnitCount && memcmp(buffer + nameStart, expected.utf8Start, nameCount) == 0
    }

    /// The text of a `.text` token.
    var text: Bytes { Bytes(start: textPointer, count: textCount) }

    /// An attribute's value as written (entities not decoded): for names and codes that
    /// never hold one. `prefixed`: the attribute must have a namespace prefix (`r:id`).
    func rawAttribute(_ localName: StaticString, prefixed: Bool = false) -> Bytes? {
        let wanted = localName.utf8CodeUnitCount
        for index in 0..<attributeCount {
            let offsets = attributeOffsets + index * 4
            var start = offsets[0]
            let end = offsets[1]
            var hasPrefix = false
            for i in start..<end where buffer[i] == UInt8(ascii: ":") {
                start = i + 1
                hasPrefix = true
            }
            if hasPrefix == prefixed, end - start == wanted, memcmp(buffer + start, localName.utf8Start, wanted) == 0 {
                return Bytes(start: buffer + offsets[2], count: offsets[3] - offsets[2])
            }
        }
        return nil
    }

    /// An attribute's value with entities decoded.
    func attribute(_ localName: StaticString, prefixed: Bool = false) throws(WorkbookError) -> String? {
        guard let raw = rawAttribute(localName, prefixed: prefixed) else { return nil }
        guard raw.contains(UInt8(ascii: "&")) || raw.contains(UInt8(ascii: "\r")) else { return raw.text }
        let storage = ByteStorage()
        storage.append(raw)
        let count = try decode(storage.base, count: storage.count, at: discarded + position)
        return Bytes(start: storage.base, count: count).text
    }

    // MARK: - Reading

    func next() throws(WorkbookError) -> Token {
        if pendingEnd {
            pendingEnd = false
            return .end
        }
        if !started { try start() }
        if position == available, try !fill() {
            if open.depth > 0 {
                throw damaged("the part ends inside <\(open.name(open.depth - 1).text)>")
            }
            return .done
        }
        if buffer[position] == UInt8(ascii: "<") {
            while true {
                if let token = try tag() { return token }
                guard try fill() else { throw damaged("the part ends inside a tag") }
            }
        }
        try readText()
        return .text
    }

    /// Skips the rest of the element whose start was just read (its content and its end).
    func skipElement() throws(WorkbookError) {
        let level = depth - (isSelfClosing ? 0 : 1)
        while true {
            let token = try next()
            if token == .end, depth == level { return }
            if token == .done { return }
        }
    }

    /// A UTF-8 byte-order mark is dropped; UTF-16 and declared encodings other than UTF-8
    /// are refused.
    private func start() throws(WorkbookError) {
        started = true
        while available - position < 3, try fill() {}
        let count = available - position
        if count >= 2, (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF) {
            throw WorkbookError.notWorkbook("\(part) is UTF-16 XML; only UTF-8 workbooks are read")
        }
        if count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
    }

    /// Moves what is unread to the front of the buffer (growing it when it is all unread)
    /// and reads more after it; false at the end of the source.
    private func fill() throws(WorkbookError) -> Bool {
        if sourceAtEnd { return false }
        if position > 0 {
            let unread = available - position
            if unread > 0 { memmove(buffer, buffer + position, unread) }
            discarded += position
            position = 0
            available = unread
        }
        if available == capacity {
            guard capacity < Self.maximumCapacity else { throw damaged("a tag or text longer than \(Self.maximumCapacity >> 20) MB") }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            grown.update(from: buffer, count: available)
            buffer.deallocate()
            buffer = grown
            capacity *= 2
        }
        let count = try source.readXML(into: buffer + available, capacity: capacity - available)
        if count == 0 {
            sourceAtEnd = true
            return false
        }
        available += count
        return true
    }

    /// `offset` in the buffer (default: where the scanner is).
    private func damaged(_ reason: String, at offset: Int? = nil) -> WorkbookError {
        damaged(reason, byte: discarded + (offset ?? position))
    }

    private func damaged(_ reason: String, byte: Int) -> WorkbookError {
        .damaged("\(part) is not well-formed XML (byte \(byte)): \(reason)")
    }

    // MARK: - Text

    /// Text up to the next `<`, decoded; in place when it needs no decoding and lies in
    /// the buffer (nearly always), else assembled in `textStorage`.
    private func readText() throws(WorkbookError) {
        let byte = discarded + position
        var end = position
        var needsDecoding = false
        while end < available {
            let byte = buffer[end]
            if byte == UInt8(ascii: "<") { break }
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\r") { needsDecoding = true }
            end += 1
        }
        if end < available, !needsDecoding {
            textPointer = UnsafePointer(buffer + position)
            textCount = end - position
            position = end
            return
        }
        textStorage.removeAll()
        while true {
            textStorage.append(Bytes(start: buffer + position, count: end - position))
            position = end
            if end < available { break }
            guard try fill() else { break }
            end = position
            while end < available, buffer[end] != UInt8(ascii: "<") { end += 1 }
        }
        textCount = try decode(textStorage.base, count: textStorage.count, at: byte)
        textPointer = UnsafePointer(textStorage.base)
    }

    /// Decodes entity and character references and normalises CR LF and lone CR to LF, in
    /// place (the result is never longer); returns the new count. `textStart`: where the text
    /// starts in the part, for messages.
    private func decode(_ bytes: UnsafeMutablePointer<UInt8>, count: Int, at textStart: Int) throws(WorkbookError) -> Int {
        var read = 0
        var write = 0
        while read < count {
            let byte = bytes[read]
            if byte == UInt8(ascii: "\r") {
                bytes[write] = UInt8(ascii: "\n")
                write += 1
                read += 1
                if read < count, bytes[read] == UInt8(ascii: "\n") { read += 1 }
                continue
            }
            guard byte == UInt8(ascii: "&") else {
                bytes[write] = byte
                write += 1
                read += 1
                continue
            }
            var semicolon = read + 1
            while semicolon < count, semicolon - read <= 12, bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
            guard semicolon < count, bytes[semicolon] == UInt8(ascii: ";") else { throw damaged("a '&' that starts no entity", byte: textStart) }
            let reference = Bytes(start: bytes + read + 1, count: semicolon - read - 1)
            let scalar: UInt32
            switch reference.text {
            case "lt": scalar = 0x3C
            case "gt": scalar = 0x3E
            case "amp": scalar = 0x26
            case "quot": scalar = 0x22
            case "apos": scalar = 0x27
            default:
                guard let number = Self.characterReference(reference), let valid = Unicode.Scalar(number), number != 0 else {
                    throw damaged("the entity &\(reference.text); is not one XML defines", byte: textStart)
                }
                scalar = valid.value
            }
            for unit in UTF8.encode(Unicode.Scalar(scalar)!)! {
                bytes[write] = unit
                write += 1
            }
            read = semicolon + 1
        }
        return write
    }

    /// `#123` or `#x7B`.
    private static func characterReference(_ reference: Bytes) -> UInt32? {
        guard reference.count >= 2, reference[0] == UInt8(ascii: "#") else { return nil }
        let hex = reference[1] == UInt8(ascii: "x")
        let digits = Bytes(rebasing: reference[(hex ? 2 : 1)...])
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        return UInt32(digits.text, radix: hex ? 16 : 10)
    }

    // MARK: - Tags

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The tag at `position`, or nil when it does not end inside the buffer (then nothing
    /// has moved, and the caller reads more and asks again).
    private func tag() throws(WorkbookError) -> Token? {
        let start = position
        guard start + 1 < available else { return nil }
        switch buffer[start + 1] {
        case UInt8(ascii: "/"): return try endTag(start)
        case UInt8(ascii: "?"):
            guard let end = find("?>", from: start + 2) else { return nil }
            try checkDeclaration(start, end)
            position = end + 2
            return try next()
        case UInt8(ascii: "!"):
            return try markup(start)
        default:
            return try startTag(start)
        }
    }

    // The two functions below run for every tag of a sheet (five a cell): they read the
    // buffer through locals, so the loops keep it in registers.

    private func startTag(_ start: Int) throws(WorkbookError) -> Token? {
        let b = UnsafePointer(buffer)
        let end = available
        var i = start + 1
        var local = i  // after the last ':' of the name
        while i < end {
            let byte = b[i]
            if byte <= 0x20 || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
            if byte == UInt8(ascii: ":") { local = i + 1 }
            i += 1
        }
        guard i < end else { return nil }
        guard i > start + 1, Self.isSpace(b[i]) || b[i] > 0x20 else { throw damaged("a '<' that starts no tag", at: start) }
        let qualifiedStart = start + 1
        let qualifiedEnd = i
        attributeCount = 0
        var selfClosing = false
        while true {
            while i < end, Self.isSpace(b[i]) { i += 1 }
            guard i < end else { return nil }
            let byte = b[i]
            if byte == UInt8(ascii: ">") {
                i += 1
                break
            }
            if byte == UInt8(ascii: "/") {
                guard i + 1 < end else { return nil }
                guard b[i + 1] == UInt8(ascii: ">") else { throw damaged("a '/' inside a tag", at: i) }
                selfClosing = true
                i += 2
                break
            }
            let attributeStart = i
            while i < end {
                let byte = b[i]
                if Self.isSpace(byte) || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ">") { break }
                i += 1
            }
            let attributeEnd = i
            while i < end, Self.isSpace(b[i]) { i += 1 }
            guard i < end else { return nil }
            guard b[i] == UInt8(ascii: "="), attributeEnd > attributeStart else { throw damaged("an attribute without a value", at: i) }
            i += 1
            while i < end, Self.isSpace(b[i]) { i += 1 }
            guard i < end else { return nil }
            let quote = b[i]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw damaged("an attribute value without quotes", at: i) }
            let valueStart = i + 1
            i = valueStart
            while i < end {
                let byte = b[i]
                if byte == quote { break }
                if byte == UInt8(ascii: "<") { throw damaged("a '<' inside an attribute value", at: i) }
                i += 1
            }
            guard i < end else { return nil }
            addAttribute(attributeStart, attributeEnd, valueStart, i)
            i += 1
        }
        nameStart = local
        nameCount = qualifiedEnd - local
        if selfClosing {
            pendingEnd = true
        } else {
            open.push(Bytes(start: b + qualifiedStart, count: qualifiedEnd - qualifiedStart))
        }
        position = i
        return .start
    }

    private func endTag(_ start: Int) throws(WorkbookError) -> Token? {
        let b = UnsafePointer(buffer)
        let end = available
        var i = start + 2
        var local = i
        while i < end {
            let byte = b[i]
            if Self.isSpace(byte) || byte == UInt8(ascii: ">") { break }
            if byte == UInt8(ascii: ":") { local = i + 1 }
            i += 1
        }
        let nameEnd = i
        while i < end, Self.isSpace(b[i]) { i += 1 }
        guard i < end else { return nil }
        guard b[i] == UInt8(ascii: ">") else { throw damaged("an end tag with more than a name", at: i) }
        let name = Bytes(start: b + start + 2, count: nameEnd - start - 2)
        guard open.depth > 0 else { throw damaged("an end tag with no element open", at: start) }
        guard open.popIfTop(is: name) else {
            throw damaged("</\(name.text)> closes <\(open.name(open.depth - 1).text)>", at: start)
        }
        nameStart = local
        nameCount = nameEnd - local
        position = i + 1
        return .end
    }

    /// `<!-- -->` (skipped), `<![CDATA[ ]]>` (text) or a DOCTYPE (refused).
    private func markup(_ start: Int) throws(WorkbookError) -> Token? {
        if matches("<!--", at: start) {
            guard let end = find("-->", from: start + 4) else { return nil }
            position = end + 3
            return try next()
        }
        if matches("<![CDATA[", at: start) {
            guard let end = find("]]>", from: start + 9) else { return nil }
            textStorage.removeAll()
            textStorage.append(Bytes(start: buffer + start + 9, count: end - start - 9))
            textPointer = UnsafePointer(textStorage.base)
            textCount = textStorage.count
            position = end + 3
            return .text
        }
        guard available - start >= 9 else { return nil }
        throw damaged(matches("<!DOCTYPE", at: start)
                      ? "a DOCTYPE declaration, which no workbook part has" : "a '<!' that starts no comment or CDATA", at: start)
    }

    /// The XML declaration may name UTF-8 only.
    private func checkDeclaration(_ start: Int, _ end: Int) throws(WorkbookError) {
        let declaration = Bytes(start: buffer + start, count: end - start).text
        guard declaration.hasPrefix("<?xml "), let range = declaration.range(of: "encoding=") else { return }
        let value = declaration[range.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }.lowercased()
        guard value == "utf-8" || value == "utf8" else {
            throw WorkbookError.notWorkbook("\(part) is XML in \(value); only UTF-8 workbooks are read")
        }
    }

    private func matches(_ literal: StaticString, at offset: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        return offset + count <= available && memcmp(buffer + offset, literal.utf8Start, count) == 0
    }

    private func find(_ literal: StaticString, from offset: Int) -> Int? {
        var i = offset
        while i + literal.utf8CodeUnitCount <= available {
            if matches(literal, at: i) { return i }
            i += 1
        }
        return nil
    }

    private func addAttribute(_ nameStart: Int, _ nameEnd: Int, _ valueStart: Int, _ valueEnd: Int) {
        if attributeCount == attributeCapacity {
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: attributeCapacity * 8)
            grown.update(from: attributeOffsets, count: attributeCapacity * 4)
            attributeOffsets.deallocate()
            attributeOffsets = grown
            attributeCapacity *= 2
        }
        let offsets = attributeOffsets + attributeCount * 4
        offsets[0] = nameStart
        offsets[1] = nameEnd
        offsets[2] = valueStart
        offsets[3] = valueEnd
        attributeCount += 1
    }
}

/// The names of the open elements, innermost last.
final class ElementStack {
    private let names = ByteStorage(capacity: 256)
    @exclusivity(unchecked) private var ends: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var capacity = 16
    @exclusivity(unchecked) private(set) var depth = 0

    init() { ends = .allocate(capacity: capacity) }

    deinit { ends.deallocate() }

    func push(_ name: Bytes) {
        if depth == capacity {
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 2)
            grown.update(from: ends, count: depth)
            ends.deallocate()
            ends = grown
            capacity *= 2
        }
        names.append(name)
        ends[depth] = names.count
        depth += 1
    }

    func name(_ level: Int) -> Bytes {
        let start = level == 0 ? 0 : ends[level - 1]
        return Bytes(start: names.base + start, count: ends[level] - start)
    }

    /// Closes the innermost element if it is `name`.
    func popIfTop(is name: Bytes) -> Bool {
        let top = self.name(depth - 1)
        guard top.count == name.count else { return false }
        for i in 0..<top.count where top[i] != name[i] { return false }
        names.removeLast(top.count)
        depth -= 1
        return true
    }
}
