/// The audited period [from, to], both days included.
public struct AuditPeriod: Hashable, Sendable, CustomStringConvertible {
    public let from: CivilDate
    public let to: CivilDate

    /// Fails when `from` is after `to`: an empty period has no meaningful metric.
    public init(from: CivilDate, to: CivilDate) throws(RapportError) {
        guard from <= to else {
            throw .usage("--from \(from) is after --to \(to)")
        }
        self.from = from
        self.to = to
    }

    /// Days in the period, both ends included (the DSO multiplier).
    public var days: Int { from.days(to: to) + 1 }

    public func contains(_ date: CivilDate) -> Bool { date >= from && date <= to }

    public var description: String { "\(from) – \(to)" }
}
