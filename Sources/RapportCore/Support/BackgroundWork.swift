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

    func wait() throws -> Value {
        done.wait()
        guard let result else { preconditionFailure("background work signalled without a result") }
        return try result.get()
    }
}
