/// A database that many people share, with access kept by the database itself: which
/// role acts as which rep (`rapport team`). PostgreSQL is one; a SQLite file has one user.
public protocol TeamStore: RapportStore {
    /// Lets the database role `role` (default: named as the handle) act as rep `handle`,
    /// or as a manager. Run by the owner; the role must exist.
    func teamGrant(handle: String, role: String?, manager: Bool) throws -> TeamMember
    /// Ends every role's access as rep `handle`; returns the roles that had it.
    func teamRevoke(handle: String) throws -> [String]
    /// Every rep, with the roles that act as it.
    func teamList() throws -> [TeamMember]
}

/// One rep of the team and a role acting as it (nil: none yet).
public struct TeamMember: Equatable, Sendable, Codable {
    public var handle: String
    public var name: String
    public var role: String?
    public var manager: Bool

    public init(handle: String, name: String, role: String?, manager: Bool) {
        self.handle = handle
        self.name = name
        self.role = role
        self.manager = manager
    }

    private enum CodingKeys: String, CodingKey { case handle, name, role, manager }

    /// Every field always present: a rep no role acts as has `"role": null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(handle, forKey: .handle)
        try container.encode(name, forKey: .name)
        try container.encode(role, forKey: .role)
        try container.encode(manager, forKey: .manager)
    }
}
