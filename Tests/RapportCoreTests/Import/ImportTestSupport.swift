import Foundation
@testable import RapportCore

/// A fresh Rapport database in a temporary folder, removed when the value goes away.
final class ScratchDatabase {
    let directory: URL
    let path: String
    let db: Database

    /// Resolve keys against maps loaded whole, as for a large file (else: one at a time).
    let preloadKeys: Bool

    init(preloadKeys: Bool = false) throws {
        self.preloadKeys = preloadKeys
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("test.db").path
        db = try Database.openRapport(path: path, mode: .create)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    var importer: Importer {
        var importer = Importer(database: db)
        importer.preloadKeysAbove = preloadKeys ? -1 : Int.max
        return importer
    }

    @discardableResult
    func load(_ kind: ImportKind, _ fixture: String, encoding: ImportEncoding? = nil) throws -> ImportSummary {
        try importer.importFile(kind: kind, path: Fixtures.path(fixture), encoding: encoding)
    }

    /// The base world of the fixtures: every kind, in dependency order.
    func loadWorld() throws {
        for kind in Fixtures.worldOrder { try load(kind, "\(kind.rawValue).csv") }
    }

    /// Writes `text` to a file in the scratch folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func count(_ table: String) throws -> Int { try db.scalarInt("SELECT count(*) FROM \(table)") ?? -1 }

    func strings(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> [String] {
        try db.rows(sql, arguments) { $0.optionalString(0) ?? "NULL" }
    }

    /// Moves everything committed into the main file, so its bytes say it all.
    func settle() throws { try db.execute("PRAGMA wal_checkpoint(TRUNCATE)") }

    /// The bytes of the database file and of its WAL, for "unchanged" checks.
    func fileBytes() -> [Data] {
        [path, path + "-wal"].map { (try? Data(contentsOf: URL(fileURLWithPath: $0))) ?? Data() }
    }
}

enum Fixtures {
    static let worldOrder: [ImportKind] = [.reps, .accounts, .contacts, .events, .touches, .invoices, .payments, .promises, .snoozes]

    /// `Fixtures/import/NAME` beside this test file.
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/import/\(name)").path
    }
}

/// The lines of a failed import's message (summary first, then one per problem).
func importFailure(_ body: () throws -> Void) -> [String]? {
    do {
        try body()
        return nil
    } catch let error as RapportError {
        guard error.code == .dataError else { return ["unexpected code \(error.code): \(error.message)"] }
        return error.message.split(separator: "\n").map(String.init)
    } catch {
        return ["unexpected error \(error)"]
    }
}
