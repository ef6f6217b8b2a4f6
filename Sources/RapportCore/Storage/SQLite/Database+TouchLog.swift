/// The look-ups of `rapport touch log`: one account, contact or rep by its key (the keys to
/// suggest from come from Database+Import.swift).
extension Database: TouchLogStore {
    func insertTouchUnlessIdentical(_ row: TouchRow) throws -> Bool {
        try transaction {
            try ImportWriter<TouchRow>(database: self, presentColumns: [], expectedRows: 1).write(row) == .inserted
        }
    }

    func touchLogAccount(key: String) throws -> TouchLogAccount? {
        var found: TouchLogAccount?
        try forEachRow("SELECT a.id, a.owner_id, r.handle FROM account a JOIN rep r ON r.id = a.owner_id WHERE a.key = ?", [key]) {
            found = TouchLogAccount(id: $0.int64(0), ownerID: $0.int64(1), ownerHandle: $0.string(2))
        }
        return found
    }

    /// The contact's id and the key of the account it belongs to.
    func touchLogContact(key: String) throws -> (id: Int64, accountKey: String)? {
        var found: (Int64, String)?
        try forEachRow("SELECT c.id, a.key FROM contact c JOIN account a ON a.id = c.account_id WHERE c.key = ?", [key]) {
            found = ($0.int64(0), $0.string(1))
        }
        return found
    }

    func touchLogRepID(handle: String) throws -> Int64? {
        try scalarInt("SELECT id FROM rep WHERE handle = ?", [handle]).map(Int64.init)
    }
}
