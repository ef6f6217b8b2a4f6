extension Database {
    /// The account of `key`, with its owner's handle; nil when there is none.
    public func account(key: String) throws -> Account? {
        let sql = """
            SELECT a.key, a.name, a.tier, r.handle, a.country, a.region, a.locale, a.created_on, a.status, a.cadence_days
            FROM account a JOIN rep r ON r.id = a.owner_id
            WHERE a.key = ?
            """
        var found: Account?
        try forEachRow(sql, [key]) { row in
            guard let createdOn = row.date(7) else {
                throw RapportError.data("account \(row.string(0)): created_on '\(row.string(7))' is not a YYYY-MM-DD date")
            }
            found = Account(
                key: row.string(0), name: row.string(1), tier: row.string(2), owner: row.string(3),
                country: row.string(4), region: row.optionalString(5), locale: row.optionalString(6),
                createdOn: createdOn, status: AccountStatus(rawValue: row.string(8)) ?? .active,
                cadenceDays: row.optionalInt(9))
        }
        return found
    }
}

extension Database {
    /// "unknown account 'X' (did you mean Y?)" — the error every command gives for an
    /// unknown key, worded as the import words it.
    public func unknownAccount(_ key: String) throws -> RapportError {
        RapportError.data("unknown account '\(key)'" + Suggestion.hint(for: key, among: try accountKeys()))
    }

    /// "unknown rep 'x' (did you mean y?)".
    public func unknownRep(_ handle: String) throws -> RapportError {
        RapportError.data("unknown rep '\(handle)'" + Suggestion.hint(for: handle, among: try repHandles()))
    }
}
