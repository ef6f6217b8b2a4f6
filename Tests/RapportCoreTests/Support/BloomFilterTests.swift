import Testing
@testable import RapportCore

@Suite struct BloomFilterTests {
    @Test func neverForgetsAndRarelyImagines() {
        var filter = BloomFilter(capacity: 10_000)
        var random = SystemRandomNumberGenerator()
        let added = (0..<10_000).map { _ in UInt64.random(in: .min ... .max, using: &random) }
        for value in added { filter.insert(value) }
        #expect(added.allSatisfy(filter.mayContain))
        let falsePositives = (0..<10_000).filter { _ in filter.mayContain(UInt64.random(in: .min ... .max, using: &random)) }.count
        #expect(falsePositives < 300, "\(falsePositives) false positives in 10 000")
        var fresh = BloomFilter(capacity: 10)
        let firstTime = fresh.insert(42)
        let secondTime = fresh.insert(42)
        #expect(!firstTime)
        #expect(secondTime)
    }

    /// The batch calls answer exactly as the one-at-a-time ones, in order, including a
    /// fingerprint repeated within the batch.
    @Test func batchesAnswerLikeSingleCalls() {
        var single = BloomFilter(capacity: 1_000)
        var batched = BloomFilter(capacity: 1_000)
        var generator = SystemRandomNumberGenerator()
        var prints = (0..<3_000).map { _ in UInt64.random(in: .min ... .max, using: &generator) }
        prints += prints.prefix(200)
        let expected = prints.map { single.insert($0) }
        var present: [Bool] = []
        for start in stride(from: 0, to: prints.count, by: 64) {
            batched.insert(Array(prints[start..<min(start + 64, prints.count)]), present: &present)
        }
        #expect(present == expected)
        #expect(present.suffix(200).allSatisfy { $0 }, "a fingerprint added before is never reported absent")

        var stored = BloomFilter(capacity: 100)
        for print in prints.prefix(50) { stored.insert(print) }
        let probe = Array(prints.prefix(100))
        var orred = Array(repeating: false, count: probe.count)
        stored.mayContain(probe, orInto: &orred)
        #expect(orred == probe.map { stored.mayContain($0) })
        #expect(orred.prefix(50).allSatisfy { $0 })
    }
}
