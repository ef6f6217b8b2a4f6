import Testing
@testable import RapportCore

@Suite struct RecordPipeTests {
    /// Every record and every reading error, read through the pipe.
    private func readThroughPipe(_ bytes: [UInt8], batches: Int = 2) -> (records: [ReadRecord], errors: [(CSVError, Bool)]) {
        let reader = CSVReader(source: MemorySource(bytes, step: 4_093), validatesUTF8: true)
        let pipe = RecordPipe(reading: reader, batches: batches)
        defer { pipe.close() }
        var records: [ReadRecord] = []
        var errors: [(CSVError, Bool)] = []
        while let batch = pipe.next() {
            batch.forEach { entry in
                switch entry {
                case .success(let record):
                    records.append(ReadRecord(line: record.line, cells: (0..<record.cellCount).map {
                        String(decoding: record.bytes($0), as: UTF8.self)
                    }))
                case .failure(let failed): errors.append((failed.error, failed.sawMultibyteUTF8))
                }
            }
        }
        return (records, errors)
    }

    /// Thousands of records over many batches — a multi-line cell, empty cells, a broken
    /// UTF-8 spot after multi-byte text — come out exactly as the reader reads them alone.
    @Test func givesWhatTheReaderGivesInOrder() {
        var text = "key,name,note\n"
        for n in 0..<20_000 {
            switch n {
            case 7_001: text += "k\(n),\"two\nlines\",\n"
            case 12_345: text += "k\(n),李总,\u{FFFF}\n"
            default: text += "k\(n),Name \(n),\(n % 3 == 0 ? "" : "note")\n"
            }
        }
        var bytes = Array(text.utf8)
        // An invalid byte on the line of record 15 000 (line 15 003: the header and one
        // extra line from the two-line cell come before it).
        let marker = Array("k15000,".utf8)
        let at = bytes.indices.first { bytes[$0...].starts(with: marker) }!
        bytes[at + marker.count] = 0xFF
        let alone = readAll(bytes, step: 4_093)
        let piped = readThroughPipe(bytes)
        #expect(piped.records == alone.records)
        #expect(piped.records.count == 20_000)
        #expect(piped.records[7_002] == ReadRecord(line: 7_003, cells: ["k7001", "two\nlines", ""]))
        #expect(piped.errors.map(\.0) == alone.errors)
        #expect(piped.errors.map(\.0.line) == [15_003])
        #expect(piped.errors.first?.1 == true, "multi-byte UTF-8 (李总) was seen before the broken byte")
    }

    /// A consumer that stops early closes the pipe without waiting for the rest of the file.
    @Test func closingEarlyStopsTheReadingThread() {
        let text = "a,b\n" + String(repeating: "1,2\n", count: 200_000)
        let reader = CSVReader(source: MemorySource(Array(text.utf8), step: 1 << 16), validatesUTF8: true)
        let pipe = RecordPipe(reading: reader, batches: 2)
        let first = pipe.next()
        #expect(first?.entries.isEmpty == false)
        pipe.close()
        pipe.close()
    }

    @Test func anEmptyRestGivesNoBatch() throws {
        let reader = CSVReader(source: MemorySource(Array("a,b\n".utf8), step: 7), validatesUTF8: true)
        #expect(try reader.next())
        let pipe = RecordPipe(reading: reader)
        defer { pipe.close() }
        var entries = 0
        while let batch = pipe.next() { entries += batch.entries.count }
        #expect(entries == 0)
    }
}
