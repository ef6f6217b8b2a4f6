import Foundation
import Testing
@testable import RapportCore

/// JSONText must write byte for byte what JSONEncoder writes with the options every
/// Rapport command uses, so the audit's JSON looks like the other commands' JSON.
@Suite struct JSONTextTests {
    struct Sample: Encodable {
        enum Keys: String, CodingKey { case a, b, c, d, e, f, g, h, i, j, k }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode([Int](), forKey: .a)
            try c.encode([String: Int](), forKey: .b)
            try c.encode(1.0, forKey: .c)
            try c.encode(1.0 / 3.0, forKey: .d)
            try c.encode(Double?.none, forKey: .e)
            try c.encode("a/b \"q\" \\ \n\r\t\u{01}\u{08}\u{0C} 华东 é", forKey: .f)
            try c.encode([-5, 0, 7], forKey: .g)
            try c.encode(true, forKey: .h)
            try c.encode(["x": [["y": 2.5]]], forKey: .i)
            try c.encode(61.54, forKey: .j)
            try c.encode(Int64.min, forKey: .k)
        }
    }

    @Test func matchesJSONEncoderByteForByte() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode([Sample(), Sample()]), as: UTF8.self) + "\n"

        var out = JSONText()
        out.beginArray()
        for _ in 0..<2 {
            out.beginObject()
            out.key("a"); out.beginArray(); out.endArray()
            out.key("b"); out.beginObject(); out.endObject()
            out.key("c"); out.double(1.0)
            out.key("d"); out.double(1.0 / 3.0)
            out.key("e"); out.double(nil)
            out.key("f"); out.string("a/b \"q\" \\ \n\r\t\u{01}\u{08}\u{0C} 华东 é")
            out.key("g"); out.beginArray(); for n in [-5, 0, 7] { out.int(n) }; out.endArray()
            out.key("h"); out.bool(true)
            out.key("i"); out.beginObject(); out.key("x"); out.beginArray(); out.beginObject(); out.key("y"); out.double(2.5)
            out.endObject(); out.endArray(); out.endObject()
            out.key("j"); out.double(61.54)
            out.key("k"); out.int(Int64.min)
            out.endObject()
        }
        out.endArray()
        #expect(out.text == expected)
    }

    @Test func nonFiniteDoublesBecomeNull() {
        var out = JSONText()
        out.beginArray()
        out.double(.nan)
        out.double(.infinity)
        out.endArray()
        #expect(out.text == "[\n  null,\n  null\n]\n")
    }
}

/// Fixed-point decimals written from integers read as JSONEncoder writes the same Double.
@Suite struct JSONTextDecimalTests {
    @Test func decimalsMatchTheDoublesTheyStandFor() throws {
        let cases: [(Int?, Int)] = [(136, 1), (180, 1), (3333, 4), (2500, 4), (-5, 1), (-180, 1), (0, 1), (7, 4), (nil, 1), (123_456, 1)]
        var out = JSONText()
        out.beginArray()
        for (units, scale) in cases { out.decimal(units, scale: scale) }
        out.endArray()
        let doubles: [Double?] = cases.map { units, scale in units.map { Double($0) / Double([1, 10, 100, 1000, 10_000][scale]) } }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(out.text == String(decoding: try encoder.encode(doubles), as: UTF8.self) + "\n")
        #expect(out.text.contains("13.6") && out.text.contains("0.0007") && out.text.contains("-0.5"))
    }
}
