/// Loads one CSV file of one kind into the database, in two streaming passes: the first
/// checks every record and collects every problem without writing; only a clean file gets
/// the second, which writes all its rows in one transaction. A failed import leaves the
/// database file untouched.
public struct Importer {
    public let database: Database
    public let config: RapportConfig

    public init(database: Database, config: RapportConfig = RapportConfig()) {
        self.database = database
        self.config = config
    }

    /// Imports `path` (named in messages exactly as given). `encoding` nil = detect: UTF-8
    /// when the file is valid UTF-8, else GB18030. Throws `RapportError` with code
    /// `.dataError` listing every problem, `.noInput` when the file cannot be opened.
    @discardableResult
    public func importFile(
        kind: ImportKind, path: String, encoding: ImportEncoding? = nil,
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportSummary {
        try dispatch(kind, path, encoding, progress, dryRun: false)
    }

    /// Every problem of the file, without writing anything (empty when it would import).
    func problems(kind: ImportKind, path: String, encoding: ImportEncoding? = nil) throws -> [ImportProblem] {
        do {
            _ = try dispatch(kind, path, encoding, nil, dryRun: true)
            return []
        } catch let failure as CheckFailure {
            return failure.problems
        }
    }

    // MARK: - The two passes

    private struct CheckFailure: Error { let problems: [ImportProblem] }
    private final class Tally {
        let expectedRows: Int
        var inserted = 0, updated = 0, skipped = 0
        init(expectedRows: Int) { self.expectedRows = expectedRows }
        func reset() { (inserted, updated, skipped) = (0, 0, 0) }
    }
    /// Auto-detection met bytes that are not UTF-8: read the file again as GB18030.
    private struct NotUTF8: Error {}

    private func dispatch(
        _ kind: ImportKind, _ path: String, _ encoding: ImportEncoding?, _ progress: ((ImportProgress) -> Void)?,
        dryRun: Bool
    ) throws -> ImportSummary {
        switch kind {
        case .reps: return try run(RepValidator.self, kind, path, encoding, progress, dryRun)
        case .accounts: return try run(AccountValidator.self, kind, path, encoding, progress, dryRun)
        case .contacts: return try run(ContactValidator.self, kind, path, encoding, progress, dryRun)
        case .events: return try run(EventValidator.self, kind, path, encoding, progress, dryRun)
        case .touches: return try run(TouchValidator.self, kind, path, encoding, progress, dryRun)
        case .invoices: return try run(InvoiceValidator.self, kind, path, encoding, progress, dryRun)
        case .payments: return try run(PaymentValidator.self, kind, path, encoding, progress, dryRun)
        case .promises: return try run(PromiseValidator.self, kind, path, encoding, progress, dryRun)
        case .snoozes: return try run(SnoozeValidator.self, kind, path, encoding, progress, dryRun)
        }
    }

    private func run<V: RowValidator>(
        _ validator: V.Type, _ kind: ImportKind, _ path: String, _ requested: ImportEncoding?,
        _ progress: ((ImportProgress) -> Void)?, _ dryRun: Bool
    ) throws -> ImportSummary {
        let validatedVersion = try database.dataVersion()
        let keys = try ImportKeys.load(for: kind, from: database)

        // Pass 1: check everything, write nothing.
        var encoding = requested ?? .utf8
        var problems = ImportProblems(file: path)
        var rows = 0
        do {
            rows = try scan(V.self, kind, path, encoding, detecting: requested == nil, keys, problems, progress)
        } catch is NotUTF8 {
            encoding = .gb18030
            problems = ImportProblems(file: path)
            rows = try scan(V.self, kind, path, encoding, detecting: true, keys, problems, progress)
        }
        if !problems.isEmpty {
            if dryRun { throw CheckFailure(problems: problems.inLineOrder) }
            throw RapportError.data(problems.report)
        }
        var summary = ImportSummary(kind: kind, file: path, encoding: encoding, rows: rows)
        guard !dryRun else { return summary }

        // Pass 2: the same records, now written in one transaction.
        let tally = Tally(expectedRows: rows)
        try database.bulkWrite(validatedVersion: validatedVersion) {
            tally.reset()
            try scan(V.self, kind, path, encoding, detecting: false, keys, ImportProblems(file: path), progress,
                         tally: tally)
        }
        summary.inserted = tally.inserted
        summary.updated = tally.updated
        summary.skipped = tally.skipped
        return summary
    }

    /// Reads the file once and validates every record. With a writer (the write pass) it
    /// writes each row and counts the outcome; there any problem means the file changed
    /// since it was checked, and the transaction is abandoned.
    @discardableResult
    private func scan<V: RowValidator>(
        _: V.Type, _ kind: ImportKind, _ path: String, _ encoding: ImportEncoding, detecting: Bool,
        _ keys: ImportKeys, _ problems: ImportProblems, _ progress: ((ImportProgress) -> Void)?,
        tally: Tally? = nil
    ) throws -> Int {
        let reader = try openReader(path, encoding)
        let writing = tally != nil
        let phase: ImportProgress.Phase = writing ? .writing : .checking

        func report(_ error: CSVError) throws {
            if detecting, error.kind == .invalidText, encoding == .utf8 { throw NotUTF8() }
            var reason = error.reason
            if error.kind == .invalidText {
                switch (encoding, detecting) {
                case (.utf8, _): reason += " (if the file is GB18030, pass --encoding gb18030)"
                case (.gb18030, true): reason = "bytes that are neither UTF-8 nor GB18030 text; save the file as CSV UTF-8"
                case (.gb18030, false): reason += " (if the file is UTF-8, pass --encoding utf-8)"
                }
            }
            problems.add(line: error.line, field: nil, reason)
            if writing { throw changedWhileImporting(path) }
        }

        do {
            guard try reader.next() else {
                problems.add(line: 1, field: nil,
                             "the file is empty; its first row should name the columns: \(kind.columns.map(\.name).joined(separator: ","))")
                return 0
            }
        } catch {
            try report(error)
            return 0
        }
        let header = ImportHeader(reader: reader, kind: kind, problems: problems)
        let context = ValidationContext(
            header: header, keys: keys, resolver: KeyResolver(keys: keys), config: config, problems: problems)
        var validator = V(context: context)
        let writer = try tally.map {
            try ImportWriter<V.Row>(database: database, presentColumns: validator.updatedColumns, expectedRows: $0.expectedRows)
        }
        let fields = RecordFields(reader: reader, problems: problems)
        var rows = 0
        while true {
            do {
                guard try reader.next() else { break }
            } catch {
                rows += 1
                try report(error)
                if error.endsFile { break }
                continue
            }
            rows += 1
            if rows % ImportProgress.interval == 0 { progress?(ImportProgress(phase: phase, rows: rows)) }
            guard reader.cellCount == header.width else {
                problems.add(line: reader.line, field: nil,
                             "\(reader.cellCount) cell\(reader.cellCount == 1 ? "" : "s"), but the header has \(header.width) columns")
                if writing { throw changedWhileImporting(path) }
                continue
            }
            let before = problems.count
            guard let row = validator.validate(fields), problems.count == before else {
                if writing { throw changedWhileImporting(path) }
                continue
            }
            if let writer, let tally {
                switch try writer.write(row, exists: validator.isStored(row)) {
                case .inserted: tally.inserted += 1
                case .updated: tally.updated += 1
                case .unchanged: tally.skipped += 1
                case .pending: break
                }
            }
        }
        validator.finish()
        if let writer, let tally {
            let settled = try writer.finish()
            tally.inserted += settled.inserted
            tally.skipped += settled.skipped
        }
        return rows
    }

    private func openReader(_ path: String, _ encoding: ImportEncoding) throws -> CSVReader {
        do {
            let file = try FileByteSource(path: path)
            switch encoding {
            case .utf8: return CSVReader(source: file, validatesUTF8: true)
            case .gb18030: return CSVReader(source: try GB18030ByteSource(wrapping: file), validatesUTF8: false)
            }
        } catch .cannotOpen(let reason) {
            throw RapportError.noInput("\(path): cannot open: \(reason)")
        } catch {
            throw RapportError.io("\(path): cannot read: \(error)")
        }
    }

    private func changedWhileImporting(_ path: String) -> RapportError {
        RapportError.io("\(path) changed while it was being imported; nothing was imported")
    }
}

/// How far an import has got, for a progress line on a terminal.
public struct ImportProgress: Sendable, Equatable {
    public enum Phase: String, Sendable { case checking, writing }
    public var phase: Phase
    public var rows: Int

    /// Rows between two reports.
    public static let interval = 100_000
}

/// What an import did: `imported FILE: N inserted, N updated, N skipped`.
public struct ImportSummary: Sendable, Equatable, CustomStringConvertible {
    public var kind: ImportKind
    public var file: String
    /// The encoding the file was read in (detected or forced).
    public var encoding: ImportEncoding
    /// Data records in the file.
    public var rows: Int
    public var inserted = 0
    /// Keyed rows that existed and had a value changed.
    public var updated = 0
    /// Rows already there: identical keyed rows, and duplicate touches, payments, promises, events.
    public var skipped = 0

    public var description: String { "imported \(file): \(inserted) inserted, \(updated) updated, \(skipped) skipped" }
}
