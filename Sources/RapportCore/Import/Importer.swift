#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads one CSV file (or one sheet of a workbook) of one kind into the database, in two streaming passes: the first
/// reads the file, checks every record and collects every problem without writing, keeping
/// the valid rows in a temporary spool; only a clean file gets the second, which writes the
/// spooled rows in one transaction. A failed import leaves the database file untouched.
public struct Importer {
    let target: any ImportTarget
    public let config: RapportConfig
    /// Files larger than this resolve keys against maps loaded whole; smaller ones look
    /// keys up one at a time (some 30 000 rows: where the two cost about the same).
    var preloadKeysAbove = 2 << 20

    public init(database: Database, config: RapportConfig = RapportConfig()) {
        self.init(target: database, config: config)
    }

    init(target: any ImportTarget, config: RapportConfig) {
        self.target = target
        self.config = config
    }

    /// Imports `path` (named in messages exactly as given): a CSV file, or an .xlsx
    /// workbook (told by its content: a zip archive) whose `sheet` (nil: the first) is read.
    /// `encoding` nil = detect: UTF-8 when the file is valid UTF-8, else GB18030. Throws
    /// `RapportError` with code `.dataError` listing every problem, `.noInput` when the file
    /// (or the sheet) cannot be found.
    @discardableResult
    public func importFile(
        kind: ImportKind, path: String, encoding: ImportEncoding? = nil, sheet: String? = nil,
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportSummary {
        let source = ImportSource(path: path, encoding: encoding, sheet: sheet)
        switch kind {
        case .reps: return try run(RepValidator.self, kind, source, progress)
        case .accounts: return try run(AccountValidator.self, kind, source, progress)
        case .contacts: return try run(ContactValidator.self, kind, source, progress)
        case .events: return try run(EventValidator.self, kind, source, progress)
        case .touches: return try run(TouchValidator.self, kind, source, progress)
        case .invoices: return try run(InvoiceValidator.self, kind, source, progress)
        case .payments: return try run(PaymentValidator.self, kind, source, progress)
        case .promises: return try run(PromiseValidator.self, kind, source, progress)
        case .snoozes: return try run(SnoozeValidator.self, kind, source, progress)
        }
    }

    /// What to read: the file, and how.
    struct ImportSource {
        let path: String
        let encoding: ImportEncoding?
        let sheet: String?
        /// The CSV text a CSV check reads: the file itself, or the rows a file of another
        /// format (a vCard address book) was turned into.
        let input: ImportInput

        init(path: String, encoding: ImportEncoding?, sheet: String?, input: ImportInput? = nil) {
            (self.path, self.encoding, self.sheet) = (path, encoding, sheet)
            self.input = input ?? .csvFile(path)
        }
    }

    // MARK: - The two passes

    /// Auto-detection met bytes that are not UTF-8: read the file again as GB18030.
    private struct NotUTF8: Error {}

    func run<V: RowValidator>(
        _ validator: V.Type, _ kind: ImportKind, _ source: ImportSource, _ progress: ((ImportProgress) -> Void)?
    ) throws -> ImportSummary {
        // Each backend by its concrete type, so the write pass of millions of rows runs code
        // specialised for the backend and the row type (through the existential it would
        // run unspecialised); another backend still works, unspecialised.
        switch target {
        case let database as Database: return try run(V.self, on: database, kind, source, progress)
        case let database as PostgresDatabase: return try run(V.self, on: database, kind, source, progress)
        default: return try run(V.self, on: target, kind, source, progress)
        }
    }

    private func run<V: RowValidator, Target: ImportTarget>(
        _ validator: V.Type, on target: Target, _ kind: ImportKind, _ source: ImportSource,
        _ progress: ((ImportProgress) -> Void)?
    ) throws -> ImportSummary {
        try target.importSession {
            let validatedStamp = try target.importStamp()

            // Pass 1: check everything, write nothing; keep the valid rows aside.
            let (checked, problems, encoding) = try Workbook.isWorkbook(source.path)
                ? checkWorkbook(V.self, kind, source, progress, keys: target)
                : checkCSV(V.self, kind, source, progress, keys: target)
            if !problems.isEmpty { throw RapportError.data(problems.report) }
            var summary = ImportSummary(kind: kind, file: source.path, sheet: problems.sheet, encoding: encoding, rows: checked.rows)
            guard let spool = checked.spool else { return summary }  // an empty file: reported above

            // Pass 2: the checked rows, written in one transaction.
            let counts = try target.writeImport(
                spool, of: V.Row.self, presentColumns: checked.updatedColumns,
                validatedStamp: validatedStamp, progress: progress)
            (summary.inserted, summary.updated, summary.skipped) = (counts.inserted, counts.updated, counts.unchanged)
            return summary
        }
    }

    /// What the check pass found: the data records, and (for a clean file) its rows.
    struct Checked {
        var rows = 0
        var spool: RowSpool?
        var updatedColumns: Set<String> = []
    }

    /// The CSV file, read as UTF-8 or GB18030 (detected or as asked).
    private func checkCSV<V: RowValidator>(
        _: V.Type, _ kind: ImportKind, _ source: ImportSource, _ progress: ((ImportProgress) -> Void)?,
        keys: any ImportKeySource
    ) throws -> (Checked, ImportProblems, ImportEncoding) {
        guard source.sheet == nil else {
            throw RapportError.usage("\(source.path): --sheet is for .xlsx workbooks; this is not one (no zip archive)")
        }
        do {
            let encoding = source.encoding ?? .utf8
            let problems = try source.input.problems(keys)
            let checked = try checkCSV(V.self, kind, source.input, encoding, detecting: source.encoding == nil, problems, progress, keys: keys)
            return (checked, problems, encoding)
        } catch is NotUTF8 {
            let problems = try source.input.problems(keys)
            let checked = try checkCSV(V.self, kind, source.input, .gb18030, detecting: true, problems, progress, keys: keys)
            return (checked, problems, .gb18030)
        }
    }

    private func checkCSV<V: RowValidator>(
        _: V.Type, _ kind: ImportKind, _ input: ImportInput, _ encoding: ImportEncoding, detecting: Bool,
        _ problems: ImportProblems, _ progress: ((ImportProgress) -> Void)?, keys source: any ImportKeySource
    ) throws -> Checked {
        let reader = try input.open(encoding)

        func report(_ error: CSVError, sawMultibyteUTF8: Bool) throws {
            // Fall back to GB18030 only while nothing showed the file to be UTF-8: a UTF-8
            // file with one broken spot must not be decoded as GB18030 throughout.
            if detecting, error.kind == .invalidText, encoding == .utf8, !sawMultibyteUTF8 { throw NotUTF8() }
            var reason = error.reason
            if error.kind == .invalidText {
                switch (encoding, detecting) {
                case (.utf8, _): reason += " (if the file is GB18030, pass --encoding gb18030)"
                case (.gb18030, true): reason = "bytes that are neither UTF-8 nor GB18030 text; save the file as CSV UTF-8"
                case (.gb18030, false): reason += " (if the file is UTF-8, pass --encoding utf-8)"
                }
            }
            problems.add(line: error.line, field: nil, reason)
        }
        return try check(V.self, kind, reader, size: input.size, problems, progress, keys: source, report: report)
    }

    /// Reads the records once and checks every one against the database as it is now;
    /// while no problem has turned up, spools each valid row for the write pass. `size`:
    /// the file's size, or what a CSV file of the same rows would be (it sizes tables).
    /// `report` lists a reading problem (or throws to start again another way).
    func check<V: RowValidator, Reader: RecordReader>(
        _: V.Type, _ kind: ImportKind, _ reader: Reader, size: Int, _ problems: ImportProblems,
        _ progress: ((ImportProgress) -> Void)?, keys source: any ImportKeySource,
        report: (CSVError, _ sawMultibyteUTF8: Bool) throws -> Void
    ) throws -> Checked {
        var checked = Checked()
        do {
            guard try reader.next() else {
                problems.add(line: 1, field: nil,
                             "the \(problems.container) is empty; its first row should name the columns: \(kind.columns.map(\.name).joined(separator: ","))")
                return checked
            }
        } catch {
            try report(error, reader.sawMultibyteUTF8)
            return checked
        }
        let keys = try ImportKeys(for: kind, database: source, preload: size > preloadKeysAbove)
        let header = ImportHeader(reader: reader, kind: kind, problems: problems)
        reader.use(header)
        let context = ValidationContext(
            header: header, keys: keys, resolver: KeyResolver(keys: keys), config: config, problems: problems,
            estimatedRows: min(size / 64, 4_000_000))
        var validator = V(context: context)
        let spool = try RowSpool()
        // The records are read on a second thread from here on.
        let pipe = RecordPipe(reading: reader)
        defer { pipe.close() }
        while let batch = pipe.next() {
            try batch.forEach { entry in
                let record: CSVRecord
                switch entry {
                case .success(let read): record = read
                case .failure(let failed):
                    try report(failed.error, failed.sawMultibyteUTF8)
                    return
                }
                checked.rows += 1
                if checked.rows % ImportProgress.interval == 0 { progress?(ImportProgress(phase: .checking, rows: checked.rows)) }
                guard record.cellCount == header.width else {
                    problems.add(line: record.line, field: nil,
                                 "\(record.cellCount) cell\(record.cellCount == 1 ? "" : "s"), but the header has \(header.width) columns")
                    return
                }
                guard let row = try validator.validate(RecordFields(record: record, problems: problems)), problems.isEmpty else { return }
                try spool.append(row, stored: validator.isStored(row))
            }
        }
        try validator.finish()
        checked.spool = spool
        checked.updatedColumns = validator.updatedColumns
        return checked
    }

    static func size(of path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }

    static func openReader(_ path: String, _ encoding: ImportEncoding) throws -> CSVReader {
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
}

/// How far an import has got, for a progress line on a terminal.
public struct ImportProgress: Sendable, Equatable {
    /// Checking the file; writing its rows; building indexes and settling repeated rows.
    public enum Phase: String, Sendable { case checking, writing, finishing }
    public var phase: Phase
    public var rows: Int

    /// Rows between two reports.
    public static let interval = 100_000
}

/// What an import did: `imported FILE: N inserted, N updated, N skipped`.
public struct ImportSummary: Sendable, Equatable, CustomStringConvertible {
    public var kind: ImportKind
    public var file: String
    /// The sheet read, for a workbook.
    public var sheet: String?
    /// The encoding the file was read in (detected or forced).
    public var encoding: ImportEncoding
    /// Data records in the file.
    public var rows: Int
    public var inserted = 0
    /// Keyed rows that existed and had a value changed.
    public var updated = 0
    /// Rows already there: identical keyed rows, and duplicate touches, payments, promises, events.
    public var skipped = 0

    public var description: String {
        "imported \(file)\(sheet.map { " (sheet \($0))" } ?? ""): \(inserted) inserted, \(updated) updated, \(skipped) skipped"
    }
}
