import ArgumentParser
import Foundation
import RapportCore

extension ImportKind: ExpressibleByArgument {}
extension ImportEncoding: ExpressibleByArgument {}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a CSV file or an .xlsx sheet of one kind (reps, accounts, contacts, events, touches, invoices, payments, promises, snoozes), or a vCard file of contacts.",
        discussion: """
            The header row names the columns, in any order. The whole file is checked first; \
            on any problem every one is listed as FILE:LINE: field: reason (FILE:SHEET!ROW for \
            a workbook), the exit code is 65 and nothing is written. Otherwise it is written in \
            one transaction: keyed rows are updated in place, rows already there are skipped. \
            A vCard file (.vcf, or text starting with BEGIN:VCARD) holds contacts of the account \
            named with --account. \
            See docs/import.md.
            """)

    @Argument(help: ArgumentHelp("What the file holds.", valueName: "kind"))
    var kind: ImportKind

    @Argument(help: ArgumentHelp("The CSV file, an .xlsx workbook, or (for contacts) a vCard file.", valueName: "file"),
              completion: Completion.importFile)
    var file: String

    @Option(help: ArgumentHelp("For a vCard file: the account whose contacts its cards are.", valueName: "key"),
            completion: Completion.accountKey)
    var account: String?

    @Option(help: ArgumentHelp("utf-8 or gb18030 (default: UTF-8 when the file is valid UTF-8, else GB18030).", valueName: "encoding"))
    var encoding: ImportEncoding?

    @Option(help: ArgumentHelp("The workbook's sheet to read (default: the first).", valueName: "name"))
    var sheet: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try guarded {
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw RapportError.noInput("\(file): no such file (or it cannot be read)")
            }
            let vCardAccount = try vCardAccount()
            let db = try global.openDatabase()
            let config = try RapportConfig.load(directory: global.configDirectory)
            let progress = ProgressLine(file: file, enabled: Terminal.isTerminal(.standardError))
            defer { progress.clear() }
            let summary: ImportSummary
            if let vCardAccount {
                let imported = try db.importVCard(
                    path: file, account: vCardAccount, encoding: encoding, config: config, progress: progress.enabled ? progress.show : nil)
                progress.clear()
                for note in imported.notes { Terminal.note("note: \(note)") }
                summary = imported.summary
            } else {
                summary = try db.importFile(
                    kind: kind, path: file, encoding: encoding, sheet: sheet, config: config,
                    progress: progress.enabled ? progress.show : nil)
            }
            progress.clear()
            if encoding == nil, summary.encoding == .gb18030 {
                Terminal.note("note: \(file) is not UTF-8; it was read as GB18030")
            }
            print(summary.description)
        }
    }

    /// The account of a vCard file's contacts; nil for a CSV file. `--account` goes with a
    /// vCard file and only with one.
    private func vCardAccount() throws -> String? {
        guard Importer.isVCard(path: file) else {
            if account != nil {
                throw RapportError.usage("--account is for a vCard file; \(file) is read as CSV, whose rows name their account")
            }
            return nil
        }
        guard kind == .contacts else {
            throw RapportError.usage("\(file) is a vCard file, which holds contacts: rapport import contacts \(file) --account KEY")
        }
        guard let account else {
            throw RapportError.usage("a vCard file needs --account KEY: the account whose contacts its cards are")
        }
        guard sheet == nil else { throw RapportError.usage("--sheet is for .xlsx workbooks; \(file) is a vCard file") }
        return account
    }
}

/// A progress line on a terminal's stderr, rewritten in place, cleared when done.
private final class ProgressLine {
    let file: String
    let enabled: Bool
    private var shown = false

    init(file: String, enabled: Bool) {
        self.file = file
        self.enabled = enabled
    }

    func show(_ progress: ImportProgress) {
        shown = true
        FileHandle.standardError.write(Data("\r\(progress.phase.rawValue) \(file): \(progress.rows) rows".utf8))
    }

    func clear() {
        guard shown else { return }
        shown = false
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
