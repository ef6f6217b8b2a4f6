import Testing
@testable import RapportCore

/// Bytes from memory, `step` at a time, so records fall across read boundaries anywhere.
final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private let step: Int
    private var offset = 0

    init(_ bytes: [UInt8], step: Int) {
        self.bytes = bytes
        self.step = step
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(ByteSourceError) -> Int {
        let count = min(step, capacity, bytes.count - offset)
        for i in 0..<count { buffer[i] = bytes[offset + i] }
        offset += count
        return count
    }
}

struct ReadRecord: Equatable, CustomStringConvertible {
    var line: Int
    var cells: [String]
    var description: String { "\(line): \(cells)" }
}

/// Every record (or error) of `bytes`, read with reads of `step` bytes.
func readAll(_ bytes: [UInt8], step: Int, validatesUTF8: Bool = true) -> (records: [ReadRecord], errors: [CSVError]) {
    let reader = CSVReader(source: MemorySource(bytes, step: step), validatesUTF8: validatesUTF8)
    var records: [ReadRecord] = []
    var errors: [CSVError] = []
    while true {
        do {
            guard try reader.next() else { break }
            records.append(ReadRecord(line: reader.line, cells: (0..<reader.cellCount).map(reader.string)))
        } catch {
            errors.append(error)
            if error.endsFile { break }
        }
    }
    return (records, errors)
}

@Suite struct CSVReaderTests {
    /// Read sizes that split records, quotes, CRLF pairs and UTF-8 sequences everywhere.
    static let steps = [1, 2, 3, 5, 64, 1 << 20]

    func expect(_ text: String, _ expected: [ReadRecord], sourceLocation: SourceLocation = #_sourceLocation) {
        for step in Self.steps {
            let result = readAll(Array(text.utf8), step: step)
            #expect(result.errors.isEmpty, "step \(step): \(result.errors)", sourceLocation: sourceLocation)
            #expect(result.records == expected, "step \(step)", sourceLocation: sourceLocation)
        }
    }

    @Test func plainRecordsWithEmptyCells() {
        expect("a,b,c\n1,,3\n,,\nlast,row,no-newline", [
            ReadRecord(line: 1, cells: ["a", "b", "c"]),
            ReadRecord(line: 2, cells: ["1", "", "3"]),
            ReadRecord(line: 3, cells: ["", "", ""]),
            ReadRecord(line: 4, cells: ["last", "row", "no-newline"]),
        ])
    }

    @Test func quotedCellsWithCommasAndDoubledQuotes() {
        expect("name,note\n\"Buckeye Tooling, Inc.\",\"said \"\"maybe\"\"\"\n\"\",x\n", [
            ReadRecord(line: 1, cells: ["name", "note"]),
            ReadRecord(line: 2, cells: ["Buckeye Tooling, Inc.", "said \"maybe\""]),
            ReadRecord(line: 3, cells: ["", "x"]),
        ])
    }

    @Test func aQuoteInsideAnUnquotedCellIsText() {
        expect("a,5\" pipe\n", [ReadRecord(line: 1, cells: ["a", "5\" pipe"])])
    }

    @Test func multiLineCellsKeepTheirLineBreaksAndLineNumbersStayRight() {
        expect("h1,h2\nx,\"one\ntwo\r\nthree\"\ny,after\n", [
            ReadRecord(line: 1, cells: ["h1", "h2"]),
            ReadRecord(line: 2, cells: ["x", "one\ntwo\r\nthree"]),
            ReadRecord(line: 5, cells: ["y", "after"]),
        ])
    }

    @Test func crlfAndCrLineEnds() {
        expect("a,b\r\n1,2\r\n3,4\r5,6\r\n", [
            ReadRecord(line: 1, cells: ["a", "b"]),
            ReadRecord(line: 2, cells: ["1", "2"]),
            ReadRecord(line: 3, cells: ["3", "4"]),
            ReadRecord(line: 4, cells: ["5", "6"]),
        ])
    }

    @Test func blankLinesAreSkippedButCounted() {
        expect("a\n\n\r\nb\n\n", [ReadRecord(line: 1, cells: ["a"]), ReadRecord(line: 4, cells: ["b"])])
    }

    @Test func byteOrderMarkIsDropped() {
        for step in Self.steps {
            let result = readAll([0xEF, 0xBB, 0xBF] + Array("key,name\nk,名字\n".utf8), step: step)
            #expect(result.records == [ReadRecord(line: 1, cells: ["key", "name"]), ReadRecord(line: 2, cells: ["k", "名字"])])
        }
    }

    @Test func unterminatedQuoteEndsTheFileAtItsFirstLine() {
        for step in Self.steps {
            let result = readAll(Array("a,b\nx,\"never\nclosed\n".utf8), step: step)
            #expect(result.records == [ReadRecord(line: 1, cells: ["a", "b"])])
            #expect(result.errors.map(\.kind) == [.unterminated])
            #expect(result.errors.first?.line == 2)
        }
    }

    @Test func textAfterAClosingQuoteIsReportedAndReadingGoesOn() {
        for step in Self.steps {
            let result = readAll(Array("a,b\n\"bad\"x,1\nc,d\n".utf8), step: step)
            #expect(result.records == [ReadRecord(line: 1, cells: ["a", "b"]), ReadRecord(line: 3, cells: ["c", "d"])])
            #expect(result.errors.map(\.kind) == [.malformed])
            #expect(result.errors.first?.line == 2)
        }
    }

    @Test func invalidUTF8IsReportedPerLine() {
        for step in Self.steps {
            let bytes = Array("a,b\n".utf8) + [0x43, 0x61, 0x66, 0xE9, 0x2C, 0x31, 0x0A] + Array("ok,2\n".utf8)
            let result = readAll(bytes, step: step)
            #expect(result.records == [ReadRecord(line: 1, cells: ["a", "b"]), ReadRecord(line: 3, cells: ["ok", "2"])])
            #expect(result.errors.map(\.kind) == [.invalidText])
            #expect(result.errors.first?.line == 2)
        }
    }

    @Test func utf16IsRefused() {
        let result = readAll([0xFF, 0xFE, 0x61, 0x00], step: 64)
        #expect(result.errors.map(\.kind) == [.unsupportedEncoding])
    }

    @Test func gb18030IsDecodedAcrossAnyReadBoundary() throws {
        // 华东 (2-byte characters), 𠀀 (a 4-byte GB18030 sequence) and ASCII.
        let bytes: [UInt8] = [0x6B, 0x2C, 0xBB, 0xAA, 0xB6, 0xAB, 0x2C, 0x95, 0x32, 0x82, 0x36, 0x0A]
        for step in [1, 2, 3, 64] {
            let source = try GB18030ByteSource(wrapping: MemorySource(bytes, step: step))
            let reader = CSVReader(source: source, validatesUTF8: false)
            #expect(try reader.next())
            #expect((0..<reader.cellCount).map(reader.string) == ["k", "华东", "\u{20000}"])
            #expect(try !reader.next())
        }
    }

    @Test func bytesThatAreNotGB18030AreAnError() throws {
        let source = try GB18030ByteSource(wrapping: MemorySource(Array("a,b\n".utf8) + [0x80, 0x0A], step: 64))
        let reader = CSVReader(source: source, validatesUTF8: false)
        #expect(throws: CSVError.self) {
            while try reader.next() {}
        }
    }
}
