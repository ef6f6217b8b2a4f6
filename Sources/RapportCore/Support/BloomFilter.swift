/// A set that may answer "maybe" for something never added (rarely, about 0.3 % of the
/// time at the capacity it was sized for) but never "no" for something added: a few bits
/// an element, so two million row fingerprints fit in 3 MB.
struct BloomFilter {
    private var words: [UInt64]
    private let bitCount: UInt64
    private static let probes = 7

    init(capacity: Int) {
        let bits = max(1024, capacity * 12)
        words = Array(repeating: 0, count: (bits + 63) / 64)
        bitCount = UInt64(words.count * 64)
    }

    func mayContain(_ fingerprint: UInt64) -> Bool {
        var (h1, h2) = Self.split(fingerprint)
        for _ in 0..<Self.probes {
            let bit = h1 % bitCount
            if words[Int(bit >> 6)] & (1 << (bit & 63)) == 0 { return false }
            h1 = h1 &+ h2
        }
        return true
    }

    /// Adds the fingerprint; returns whether it may have been there already.
    @discardableResult
    mutating func insert(_ fingerprint: UInt64) -> Bool {
        var (h1, h2) = Self.split(fingerprint)
        var present = true
        for _ in 0..<Self.probes {
            let bit = h1 % bitCount
            let word = Int(bit >> 6)
            let mask: UInt64 = 1 << (bit & 63)
            if words[word] & mask == 0 {
                present = false
                words[word] |= mask
            }
            h1 = h1 &+ h2
        }
        return present
    }

    /// Two hashes from one (Kirsch–Mitzenmacher double hashing).
    private static func split(_ fingerprint: UInt64) -> (UInt64, UInt64) {
        (fingerprint & 0xFFFF_FFFF, (fingerprint >> 32) | 1)
    }
}
