import Dispatch
import Foundation

/// Work started on another thread now and joined later: the audit overlaps its money half
/// (invoices, payments, promises) with its touch half (a million touches) on a second core.
/// `wait()` returns the value or rethrows the error; the semaphore orders the result's
/// write before its read.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    init(_ body: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result { try body() }
            self.done.signal()
        }
    }

    /// Call once: the value is moved out, not copied (a copy of a large array would leave
    /// it shared, and the caller's first change would copy every element).
    func wait() throws -> Value {
        done.wait()
        var taken: Result<Value, any Error>?
        swap(&taken, &result)
        guard let taken else { preconditionFailure("background work signalled without a result, or waited for twice") }
        return try taken.get()
    }
}

/// A value one thread computes and others wait for (any number of times): the agenda's
/// shared sources, read by one part's thread for both parts.
final class Handoff<Value: Sendable>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    /// Call once, also on failure (a waiting thread would wait forever otherwise).
    func publish(_ result: Result<Value, any Error>) {
        self.result = result
        ready.signal()
    }

    func wait() throws -> Value {
        ready.wait()
        defer { ready.signal() }  // the next waiter passes too
        guard let result else { preconditionFailure("handoff signalled without a result") }
        return try result.get()
    }
}

/// Values one thread makes in order and another takes in the same order, with room for
/// `capacity` made but not yet taken: the agenda's second half of each day, made a day
/// ahead while the first thread writes the day before. The taker may close it early (it
/// failed, or stopped): the maker's next `put` then answers false, and it stops.
final class HandoffQueue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let room: DispatchSemaphore
    private let made = DispatchSemaphore(value: 0)
    private var values: [Result<Value, any Error>] = []
    private var closed = false

    init(capacity: Int) { room = DispatchSemaphore(value: capacity) }

    /// Waits for room, then adds `value`; false once the queue is closed (nothing added).
    func put(_ value: Result<Value, any Error>) -> Bool {
        room.wait()
        lock.lock()
        defer { lock.unlock() }
        guard !closed else {
            room.signal()  // the next put passes too
            return false
        }
        values.append(value)
        made.signal()
        return true
    }

    /// The next value in order (waits for it), or its maker's error.
    func take() throws -> Value {
        made.wait()
        lock.lock()
        let value = values.removeFirst()
        lock.unlock()
        room.signal()
        return try value.get()
    }

    /// No more values are wanted: a maker waiting for room goes on, and every later `put` is refused.
    func close() {
        lock.lock()
        closed = true
        values.removeAll()
        lock.unlock()
        room.signal()
    }
}
