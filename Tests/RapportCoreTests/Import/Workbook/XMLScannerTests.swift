import Testing
@testable import RapportCore

/// The CSV reader tests' bytes in memory, as XML (cut into reads of any size).
extension MemorySource: XMLSource {
    convenience init(_ text: String, step: Int = .max) {
        self.init(Array(text.utf8), step: step)
    }

    func readXML(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(WorkbookError) -> Int {
        (try? read(into: buffer, capacity: capacity)) ?? 0
    }
}

@Suite struct XMLScannerTests {
    /// Every token, as text: `<name a=v>`, `</name>`, `"text"`.
    private func tokens(_ xml: String, chunk: Int = 1 << 16, step: Int = .max) throws -> [String] {
        let scanner = XMLScanner(source: MemorySource(xml, step: step), part: "part.xml", chunk: chunk)
        var seen: [String] = []
        while true {
            switch try scanner.next() {
            case .done: return seen
            case .start:
                let r = scanner.rawAttribute("r").map { " r=\($0.text)" } ?? ""
                let id = scanner.rawAttribute("id", prefixed: true).map { " r:id=\($0.text)" } ?? ""
                seen.append("<\(scanner.name.text)\(r)\(id)>")
            case .end: seen.append("</\(scanner.name.text)>")
            case .text: seen.append("\"\(scanner.text.text)\"")
            }
        }
    }

    private let sample = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <x:worksheet xmlns:x="urn:main" xmlns:r="urn:rel"><!-- a comment --><x:sheetData><x:row r="1">\
        <x:c r="A1" t="inlineStr"><x:is><x:t>R&amp;D &lt;team&gt; &#x4E2D;&#25991; &quot;q&quot; &apos;a&apos;</x:t></x:is></x:c>\
        <x:c r='B1'/><x:c r="C1"><x:v><![CDATA[<raw> & text]]></x:v></x:c><x:c r="D1"><x:v>line\r\nend\rx</x:v></x:c>\
        </x:row><sheet name="s" r:id="rId7"/></x:sheetData></x:worksheet>
        """

    private var expected: [String] {
        ["\"\n\"", "<worksheet>", "<sheetData>", "<row r=1>", "<c r=A1>", "<is>", "<t>", "\"R&D <team> 中文 \"q\" 'a'\"", "</t>", "</is>", "</c>",
         "<c r=B1>", "</c>", "<c r=C1>", "<v>", "\"<raw> & text\"", "</v>", "</c>", "<c r=D1>", "<v>", "\"line\nend\nx\"", "</v>", "</c>",
         "</row>", "<sheet r:id=rId7>", "</sheet>", "</sheetData>", "</worksheet>"]
    }

    @Test func tokensWithEntitiesCDATACommentsPrefixesAndLineEnds() throws {
        #expect(try tokens(sample) == expected)
    }

    @Test func tokensCutAtEveryChunkBoundaryComeOutTheSame() throws {
        // A 7-byte buffer holds no whole tag: it grows; the source hands over 1 to 5 bytes a time.
        for step in 1...5 {
            #expect(try tokens(sample, chunk: 7, step: step) == expected, "step \(step)")
        }
        let long = String(repeating: "長い文章 & more ", count: 2_000)
        let escaped = long.replacingOccurrences(of: "&", with: "&amp;")
        #expect(try tokens("<t>\(escaped)</t>", chunk: 64, step: 100) == ["<t>", "\"\(long)\"", "</t>"])
    }

    @Test func attributesAreDecodedOnRequest() throws {
        let scanner = XMLScanner(source: MemorySource(#"<sheet name="R&amp;D &quot;1&quot;" state='hidden'/>"#), part: "p")
        #expect(try scanner.next() == .start)
        #expect(try scanner.attribute("name") == "R&D \"1\"")
        #expect(try scanner.attribute("state") == "hidden")
        #expect(try scanner.attribute("missing") == nil)
        #expect(scanner.isSelfClosing)
        #expect(try scanner.next() == .end)
        #expect(try scanner.next() == .done)
    }

    @Test func skipElementPassesOverItsContent() throws {
        let scanner = XMLScanner(source: MemorySource("<a><b><c>x</c><c/></b><d/></a>"), part: "p")
        #expect(try scanner.next() == .start)
        #expect(try scanner.next() == .start && scanner.isNamed("b"))
        try scanner.skipElement()
        #expect(try scanner.next() == .start && scanner.isNamed("d"))
    }

    private func failure(_ xml: String) -> String? {
        do {
            _ = try tokens(xml)
            return nil
        } catch let error as WorkbookError {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func brokenXMLIsOneClearError() {
        #expect(failure("<a><b></a>") == "part.xml is not well-formed XML (byte 6): </a> closes <b>")
        #expect(failure("<a><b>") == "part.xml is not well-formed XML (byte 6): the part ends inside <b>")
        #expect(failure("<a x=1/>") == "part.xml is not well-formed XML (byte 5): an attribute value without quotes")
        #expect(failure("<a>&nbsp;</a>") == "part.xml is not well-formed XML (byte 3): the entity &nbsp; is not one XML defines")
        #expect(failure("<a>AT&T</a>") == "part.xml is not well-formed XML (byte 3): a '&' that starts no entity")
        #expect(failure("</a>") == "part.xml is not well-formed XML (byte 0): an end tag with no element open")
        #expect(failure("<a b=\"<\"/>") == "part.xml is not well-formed XML (byte 6): a '<' inside an attribute value")
        #expect(failure(#"<!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>"#)
            == "part.xml is not well-formed XML (byte 0): a DOCTYPE declaration, which no workbook part has")
        #expect(failure(#"<?xml version="1.0" encoding="ISO-8859-1"?><a/>"#) == "part.xml is XML in iso-8859-1; only UTF-8 workbooks are read")
        #expect(failure("\u{FEFF}<a/>") == nil, "a UTF-8 byte-order mark is dropped")
    }
}
