import ArgumentParser
import Foundation
import RapportCore

extension TableExport.Format: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every row of one kind (reps, accounts, contacts, events, touches, invoices, payments, promises, snoozes) as CSV or xlsx.",
        discussion: """
            The columns, dates, amounts and defaults are exactly those `rapport import KIND` \
            reads, and rows come in the order they were added, so a file exported and \
            imported into an empty database gives the same data back. CSV goes to standard \
            output unless --out names a file; a file is written under a temporary name and \
            moved into place when complete (an existing file is replaced). xlsx needs --out \
            or standard output that is not a terminal. See docs/export.md.
            """)

    @Argument(help: ArgumentHelp("What to export.", valueName: "kind"))
    var kind: ImportKind

    @Option(help: "csv or xlsx (default: xlsx when --out ends in .xlsx, else csv).")
    var format: TableExport.Format?

    @Option(help: ArgumentHelp("Write to this file instead of standard output (replaced once the export is complete).", valueName: "file"))
    var out: String?

    @OptionGroup var global: GlobalOptions

    var resolvedFormat: TableExport.Format {
        if let format { return format }
        return out.map { URL(fileURLWithPath: $0).pathExtension.lowercased() == "xlsx" } == true ? .xlsx : .csv
    }

    func run() throws {
        try guarded {
            let format = resolvedFormat
            if format == .xlsx, out == nil, Terminal.isTerminal(.standardOutput) {
                throw RapportError.usage("an xlsx workbook is binary: give --out FILE.xlsx, or redirect standard output to a file")
            }
            let db = try global.openDatabase()
            if let out, Self.sameFile(out, global.databasePath) {
                throw RapportError.usage("--out \(out) is the database itself; name another file")
            }
            let rows = try TableExport.write(kind, from: db, format: format, to: out)
            if let out { Terminal.note("exported \(rows) row\(rows == 1 ? "" : "s") of \(kind.rawValue) to \(out)") }
        }
    }

    /// Whether two paths name one existing file (a SQLite database must never be replaced
    /// by its own export).
    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}
