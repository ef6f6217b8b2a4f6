/// A hash table from keys, as UTF-8 bytes, to values: the key → id maps of an import.
/// Looked up straight from a CSV cell's bytes, so resolving two million references makes
/// no `String` at all; keys compare byte for byte, as SQLite's UNIQUE indexes compare them.
struct KeyTable<Value> {
    /// A slot holds the key's first 16 bytes, its length and its value, so looking up a
    /// short key (most are) touches one slot: a single cache miss in a table of 300 000.
    private struct Slot {
        var head: UInt64 = 0
        var tail: UInt64 = 0
        var length: UInt32 = 0
        /// Entry index + 1; 0 = empty.
        var entry: UInt32 = 0
        var value: Value
    }

    private var slots: [Slot]
    private var mask: Int
    private let placeholder: Value
    /// All keys, one after another (for keys past 16 bytes, and for listing).
    private var arena: [UInt8] = []
    private var spans: [(start: Int32, count: Int32)] = []
    private(set) var values: [Value] = []

    /// `placeholder` fills the empty slots; it is never returned.
    init(minimumCapacity: Int = 16, placeholder: Value) {
        var capacity = 16
        while capacity * 7 < minimumCapacity * 10 { capacity <<= 1 }
        self.placeholder = placeholder
        slots = Array(repeating: Slot(value: placeholder), count: capacity)
        mask = capacity - 1
    }

    var count: Int { values.count }

    func find(_ key: UnsafeBufferPointer<UInt8>) -> Value? {
        let probe = slot(for: key)
        var index = Int(truncatingIfNeeded: Self.hash(key)) & mask
        while true {
            let slot = slots[index]
            if slot.entry == 0 { return nil }
            if slot.head == probe.head, slot.tail == probe.tail, slot.length == probe.length,
               slot.length <= 16 || matchesTail(Int(slot.entry) - 1, key) {
                return slot.value
            }
            index = (index + 1) & mask
        }
    }

    /// Reads the slot where a look-up of `key` starts, and nothing else: issued for two keys
    /// back to back, their cache misses (the table is tens of megabytes) overlap, and the
    /// `find`s that follow hit the cache.
    func touch(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        slots[Int(truncatingIfNeeded: Self.hash(key)) & mask].entry
    }

    func find(_ key: String) -> Value? {
        var key = key
        return key.withUTF8 { find($0) }
    }

    func find(_ key: BoundText) -> Value? {
        switch key {
        case .bytes(let bytes): return find(bytes)
        case .string(let string): return find(string)
        }
    }

    /// Adds the key, or returns the value it already has (and changes nothing).
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Value) -> Value? {
        if (values.count + 1) * 10 > slots.count * 7 { grow() }
        var probe = slot(for: key)
        var index = Int(truncatingIfNeeded: Self.hash(key)) & mask
        while true {
            let slot = slots[index]
            if slot.entry == 0 { break }
            if slot.head == probe.head, slot.tail == probe.tail, slot.length == probe.length,
               slot.length <= 16 || matchesTail(Int(slot.entry) - 1, key) {
                return slot.value
            }
            index = (index + 1) & mask
        }
        spans.append((Int32(arena.count), Int32(key.count)))
        arena.append(contentsOf: key)
        values.append(value)
        probe.entry = UInt32(values.count)
        probe.value = value
        slots[index] = probe
        return nil
    }

    @discardableResult
    mutating func insert(_ key: String, _ value: Value) -> Value? {
        var key = key
        return key.withUTF8 { insert($0, value) }
    }

    /// Every key with its value (for suggestions and messages; not a hot path).
    var entries: [(key: String, value: Value)] {
        arena.withUnsafeBufferPointer { bytes in
            spans.indices.map { index in
                (key(index, in: bytes), values[index])
            }
        }
    }

    var keys: [String] { entries.map(\.key) }

    private func key(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let span = spans[index]
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<Int(span.start + span.count)]), as: UTF8.self)
    }

    /// The slot a key would have (without its entry and value).
    private func slot(for key: UnsafeBufferPointer<UInt8>) -> Slot {
        var slot = Slot(value: placeholder)
        slot.length = UInt32(key.count)
        for i in 0..<min(key.count, 16) {
            if i < 8 {
                slot.head |= UInt64(key[i]) << (8 * UInt64(i))
            } else {
                slot.tail |= UInt64(key[i]) << (8 * UInt64(i - 8))
            }
        }
        return slot
    }

    /// Bytes past the first 16 (the first 16 and the length already matched).
    private func matchesTail(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let span = spans[index]
        return arena.withUnsafeBufferPointer { bytes in
            memcmp(bytes.baseAddress! + Int(span.start) + 16, key.baseAddress! + 16, key.count - 16) == 0
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        var grown = [Slot](repeating: Slot(value: placeholder), count: capacity)
        let newMask = capacity - 1
        arena.withUnsafeBufferPointer { bytes in
            for index in spans.indices {
                let span = spans[index]
                let key = UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<Int(span.start + span.count)])
                var slot = slot(for: key)
                slot.entry = UInt32(index + 1)
                slot.value = values[index]
                var position = Int(truncatingIfNeeded: Self.hash(key)) & newMask
                while grown[position].entry != 0 { position = (position + 1) & newMask }
                grown[position] = slot
            }
        }
        slots = grown
        mask = newMask
    }

    /// FNV-1a, then a final mix so both halves of the result are usable.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
