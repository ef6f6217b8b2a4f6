/// A growable run of bytes that hot loops append to without the exclusivity checks and
/// copy-on-write checks an `Array` held by a class costs on every append.
final class ByteStorage {
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    var bytes: Bytes { Bytes(start: base, count: count) }

    func removeAll() { count = 0 }

    func removeLast(_ n: Int) { count -= n }

    func append(_ bytes: Bytes) {
        guard let start = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: start, count: bytes.count)
        count += bytes.count
    }

    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Room for `extra` more bytes (the base may move).
    func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var grown = capacity * 2
        while grown < count + extra { grown *= 2 }
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        pointer.update(from: base, count: count)
        base.deallocate()
        base = pointer
        capacity = grown
    }

    /// Sets the count after writing past it (within what `reserve` made room for).
    func setCount(_ newCount: Int) { count = newCount }
}
