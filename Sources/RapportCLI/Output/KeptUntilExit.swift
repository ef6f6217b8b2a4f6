import Foundation

/// Values a command keeps until the process exits instead of freeing them when it is done
/// with them: an all-reps agenda is 50 000–100 000 items, each with its reasons and its
/// contact in separate allocations, and freeing them one by one (35–60 ms, their memory
/// long out of the cache) would come after the output is written, while the user waits
/// for the prompt. The system takes the whole address space back at exit at once.
enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var values: [Any] = []

    /// Keeps `value` when it holds at least 10 000 items (smaller ones cost nothing to free;
    /// a command run in-process, as the tests do, should not accumulate them).
    static func keep(_ value: Any, items: Int) {
        guard items >= 10_000 else { return }
        lock.lock()
        defer { lock.unlock() }
        values.append(value)
    }
}
