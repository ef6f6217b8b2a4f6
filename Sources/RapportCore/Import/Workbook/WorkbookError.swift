/// Why a workbook cannot be read at all. Problems with single cells are not these: they are
/// reported per row, like a CSV file's, and the rest of the sheet is still checked.
struct WorkbookError: Error, Equatable, CustomStringConvertible {
    enum Kind: Equatable {
        /// Not an Office Open XML workbook (another kind of file, or a zip of something else).
        case notWorkbook
        /// A workbook whose zip or XML is broken.
        case damaged
        /// The file cannot be opened.
        case cannotOpen
        /// A read failed part-way.
        case unreadable
        /// `--sheet` names no sheet of the workbook.
        case noSuchSheet
    }

    let kind: Kind
    let message: String

    var description: String { message }

    static func notWorkbook(_ message: String) -> WorkbookError { WorkbookError(kind: .notWorkbook, message: message) }
    static func damaged(_ message: String) -> WorkbookError { WorkbookError(kind: .damaged, message: message) }

    /// As the command reports it: bad data 65, no input 66, I/O 74.
    func rapportError(path: String) -> RapportError {
        let text = "\(path): \(message)"
        switch kind {
        case .notWorkbook, .damaged: return .data(text)
        case .cannotOpen, .noSuchSheet: return .noInput(text)
        case .unreadable: return .io(text)
        }
    }
}
