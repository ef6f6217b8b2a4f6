import Foundation

/// What a vCard import did, and what it read but did not import (a ROLE that is not a
/// contact role, a text BDAY, a card repeated), each as `FILE:LINE: property: note`.
public struct VCardImportSummary: Sendable, Equatable {
    public var summary: ImportSummary
    public var notes: [ImportProblem]
}

extension Importer {
    /// Imports the cards of a vCard file (`rapport import contacts FILE.vcf --account KEY`)
    /// as contacts of `account`, by the rules of the CSV import: the cards become the rows of
    /// a contacts CSV (`VCardRows`) that the contacts validator checks and the writer
    /// upserts, every problem listed at once, nothing written unless all is well. `encoding`
    /// is the charset of values that declare none (nil: UTF-8 when valid, else GB18030).
    public func importVCard(
        path: String, account: String, encoding: ImportEncoding? = nil, progress: ((ImportProgress) -> Void)? = nil
    ) throws -> VCardImportSummary {
        let file = VCardFile(bytes: try Self.readWhole(path), path: path)
        let decoder = VCardTextDecoder(encoding: encoding)
        var reader = VCardContactReader(path: path, account: account, decoder: decoder)
        for card in file.cards { reader.read(card) }
        let rows = VCardRows(contacts: reader.contacts, account: account)
        let found = file.problems + reader.problems
        let input = ImportInput(
            path: path, size: rows.csv.count,
            open: { _ in CSVReader(source: MemoryByteSource(rows.csv), validatesUTF8: true) },
            problems: { source in
                let problems = ImportProblems(file: path, relocate: rows.locate)
                found.forEach(problems.add)
                try checkStoredKeys(rows, account: account, source, problems)
                return problems
            })
        var summary = try run(ContactValidator.self, .contacts, ImportSource(path: path, encoding: .utf8, sheet: nil, input: input), progress)
        summary.encoding = decoder.readUndeclaredGB18030 ? .gb18030 : encoding ?? .utf8
        return VCardImportSummary(summary: summary, notes: reader.notes.sorted { $0.line < $1.line })
    }

    /// An unknown account is one error, not one per card; a key stored for another account
    /// is a problem: a vCard import names one account and moves no one out of another (a
    /// contacts CSV can, naming the account on purpose).
    private func checkStoredKeys(_ rows: VCardRows, account: String, _ source: any ImportKeySource, _ problems: ImportProblems) throws {
        let keys = try ImportKeys(for: .contacts, database: source, preload: rows.csv.count > preloadKeysAbove)
        guard let accountID = try Array(account.utf8).withUnsafeBufferPointer({ try keys.account($0) }) else {
            throw RapportError.data("unknown account '\(account)'" + Suggestion.hint(for: account, among: try keys.accountKeys()))
        }
        for key in rows.keys {
            guard let stored = try Array(key.value.utf8).withUnsafeBufferPointer({ try keys.contact($0) }),
                  stored.accountID != accountID else { continue }
            problems.add(ImportProblem(
                file: problems.file, line: key.line, field: key.property,
                reason: "contact '\(key.value)' belongs to account \(try keys.accountKey(stored.accountID)), not \(account); a vCard import does not move contacts between accounts"))
        }
    }

    private static func readWhole(_ path: String) throws -> [UInt8] {
        let file: FileByteSource
        do {
            file = try FileByteSource(path: path)
        } catch .cannotOpen(let reason) {
            throw RapportError.noInput("\(path): cannot open: \(reason)")
        } catch {
            throw RapportError.io("\(path): cannot read: \(error)")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBufferPointer { try file.read(into: $0.baseAddress!, capacity: $0.count) }
            } catch {
                throw RapportError.io("\(path): cannot read: \(error)")
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    /// Whether `path` is read as a vCard: its name ends in `.vcf` or `.vcard` (any case), or
    /// its text starts with `BEGIN:VCARD` (after a byte-order mark and blank lines).
    public static func isVCard(path: String) -> Bool {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".vcf") || lowered.hasSuffix(".vcard") { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        var start = ((try? handle.read(upToCount: 512)) ?? nil).map { [UInt8]($0) }?[...] ?? []
        if start.starts(with: [0xEF, 0xBB, 0xBF]) { start = start.dropFirst(3) }
        let text = String(decoding: start.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.prefix(11), as: UTF8.self)
        return text.uppercased() == "BEGIN:VCARD"
    }
}
