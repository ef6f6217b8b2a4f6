/// "Did you mean …?" for a key the user typed that does not exist: the closest candidate
/// within an edit distance of 2, or one that starts with what was typed (or the reverse),
/// compared without regard to case.
public enum Suggestion {
    /// The closest candidate, or nil when none is close. Ties go to a candidate that starts
    /// with what was typed (a key cut short), then to the nearest length, then to the
    /// alphabetically first, so the answer is stable.
    public static func closest(to typed: String, among candidates: some Sequence<String>) -> String? {
        let query = Array(typed.lowercased().unicodeScalars)
        guard !query.isEmpty else { return nil }
        var best: (candidate: String, distance: Int, extendsTyped: Bool, lengthGap: Int)?
        var scratch = DistanceScratch()
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars)
            let lengthGap = abs(other.count - query.count)
            let ceiling = best.map { min($0.distance, 2) } ?? 2
            var distance = lengthGap <= ceiling ? scratch.distance(query, other, limit: ceiling) : nil
            // A shared prefix counts as close even when the tail differs a lot
            // (`HD-MA` for `HD-MACH`); rank it just behind every real edit-distance match.
            if distance == nil, query.count >= 2, other.count >= 2, isPrefix(query, of: other) || isPrefix(other, of: query) {
                distance = 3
            }
            guard let distance, distance > 0 || candidate != typed else { continue }
            let extendsTyped = isPrefix(query, of: other)
            if let current = best {
                if (distance, !extendsTyped ? 1 : 0, lengthGap, candidate)
                    < (current.distance, !current.extendsTyped ? 1 : 0, current.lengthGap, current.candidate) {
                    best = (candidate, distance, extendsTyped, lengthGap)
                }
            } else {
                best = (candidate, distance, extendsTyped, lengthGap)
            }
        }
        return best?.candidate
    }

    /// ` (did you mean X?)` or an empty string, ready to append to a reason.
    public static func hint(for typed: String, among candidates: some Sequence<String>) -> String {
        closest(to: typed, among: candidates).map { " (did you mean \($0)?)" } ?? ""
    }

    private static func isPrefix(_ short: [Unicode.Scalar], of long: [Unicode.Scalar]) -> Bool {
        short.count <= long.count && long.starts(with: short)
    }
}

/// Two rows of a Levenshtein matrix, reused across candidates.
private struct DistanceScratch {
    var previous: [Int] = []
    var current: [Int] = []

    /// The edit distance when it is at most `limit`, else nil (stops early).
    mutating func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        previous = Array(0...b.count)
        current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
