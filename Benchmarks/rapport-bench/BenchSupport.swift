/// A benchmark that cannot run (bad arguments, missing data).
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
