import Dispatch

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
