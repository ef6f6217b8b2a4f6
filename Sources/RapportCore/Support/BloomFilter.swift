/// A set that may answer "maybe" for something never added (about 1 % of the time at the
/// capacity it was sized for) but never "no" for something added: 16 bits an element, so
/// two million row fingerprints fit in 4 MB. Blocked: the bits of one element all sit in
/// one 64-bit word, so a look-up is one memory access.
struct BloomFilter {
    private var words: [UInt64]
    private let wordMask: UInt64

    init(capacity: Int) {
        var count = 16
        while count * 4 < capacity { count <<= 1 }
        words = Array(repeating: 0, count: count)
        wordMask = UInt64(count - 1)
    }

    func mayContain(_ fingerprint: UInt64) -> Bool {
        let (word, bits) = Self.locate(fingerprint, wordMask)
        return words[word] & bits == bits
    }

    /// Adds the fingerprint; returns whether it may have been there already.
    @discardableResult
    mutating func insert(_ fingerprint: UInt64) -> Bool {
        let (word, bits) = Self.locate(fingerprint, wordMask)
        let present = words[word] & bits == bits
        words[word] |= bits
        return present
    }

    /// `insert` for each fingerprint in turn, appending to `present` whether each may have
    /// been there already. One tight loop without runtime checks, so the CPU overlaps the
    /// cache misses of consecutive look-ups (one at a time, each waits its own).
    mutating func insert(_ fingerprints: [UInt64], present: inout [Bool]) {
        let mask = wordMask
        words.withUnsafeMutableBufferPointer { words in
            for fingerprint in fingerprints {
                let (word, bits) = Self.locate(fingerprint, mask)
                let old = words[word]
                present.append(old & bits == bits)
                words[word] = old | bits
            }
        }
    }

    /// `mayContain` for each fingerprint, or-ed into `present` (same length).
    func mayContain(_ fingerprints: [UInt64], orInto present: inout [Bool]) {
        let mask = wordMask
        words.withUnsafeBufferPointer { words in
            for index in fingerprints.indices {
                let (word, bits) = Self.locate(fingerprints[index], mask)
                if words[word] & bits == bits { present[index] = true }
            }
        }
    }

    /// The word (from the low bits) and four bit positions in it (from the high bits).
    @inline(__always)
    private static func locate(_ fingerprint: UInt64, _ wordMask: UInt64) -> (Int, UInt64) {
        let word = Int(fingerprint & wordMask)
        var bits: UInt64 = 0
        for probe in 0..<4 { bits |= 1 << ((fingerprint >> (40 + 6 * UInt64(probe))) & 63) }
        return (word, bits)
    }
}
