import Testing
@testable import RapportCore

/// A row of three values, to send through the spool.
struct ProbeRow: WritableRow {
    static let table = "probe"
    static let columns: [(name: String, csv: String?)] = [("a", nil), ("b", nil), ("c", nil)]
    var a: Int64?
    var b: String?
    var c: Int64?

    func emit<Sink: RowValueSink>(to sink: inout Sink) throws {
        try sink.integer(a)
        try sink.text(b.map { .string($0) })
        try sink.integer(c)
    }
}

/// What a row replays: NULL, a number or a text.
enum Replayed: Equatable {
    case null, number(Int64), text(String)
}

struct Recorder: RowValueSink {
    var values: [Replayed] = []
    mutating func integer(_ value: Int64?) { values.append(value.map(Replayed.number) ?? .null) }
    mutating func text(_ value: BoundText?) { values.append(value.map { .text($0.string) } ?? .null) }
}

@Suite struct RowSpoolTests {
    @Test func rowsComeBackInOrderWithTheirValues() throws {
        let big = String(repeating: "长", count: 600_000)  // 1.8 MB: more than a buffer
        var rows = [
            ProbeRow(a: 0, b: "", c: nil),
            ProbeRow(a: -1, b: nil, c: .min),
            ProbeRow(a: .max, b: big, c: 300),
            ProbeRow(a: nil, b: "=1+2, \"quoted\"\nnext line", c: -129),
        ]
        for n in 0..<50_000 {
            let c = n % 7 == 0 ? -Int64(n) : Int64(n)
            rows.append(ProbeRow(a: Int64(n), b: "row \(n)", c: c))
        }
        let spool = try RowSpool()
        for (n, row) in rows.enumerated() { try spool.append(row, stored: n % 3 == 0) }
        #expect(spool.count == rows.count)

        // Twice: the write pass may run again from the start.
        for _ in 0..<2 {
            let reader = try spool.rows(of: ProbeRow.self)
            var n = 0
            while case let batch = try reader.next(upTo: 64), !batch.isEmpty {
                #expect(batch.count <= 64)
                for spooled in batch {
                    var recorder = Recorder()
                    try spooled.emit(to: &recorder)
                    let row = rows[n]
                    #expect(recorder.values == [row.a.map(Replayed.number) ?? .null, row.b.map(Replayed.text) ?? .null,
                                                row.c.map(Replayed.number) ?? .null], "row \(n)")
                    #expect(spooled.isStored == (n % 3 == 0))
                    n += 1
                }
            }
            #expect(n == rows.count)
        }
    }
}
