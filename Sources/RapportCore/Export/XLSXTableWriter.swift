import Foundation
import ZIPFoundation

/// An export as an Office Open XML workbook of one sheet, written as the rows come: the
/// sheet's XML goes to an unlinked temporary file in chunks (a ZIP entry must know its
/// size before it is added), and `finish` packs it, deflated, with the fixed parts
/// (`XLSXParts`) into the archive. Text cells are inline strings (`t="inlineStr"`), so no
/// shared-strings table is held; a formula-looking text is such a string, never a formula
/// element, so it cannot run. Dates stay text (`YYYY-MM-DD`, lunar `MM-DD`), exactly as
/// the CSV has them; amounts are numbers written with the currency's decimals and a
/// matching number format.
public final class XLSXTableWriter: TableWriter {
    /// Rows a sheet holds below its header (Excel's 1 048 576 in all).
    public static let sheetRowLimit = 1_048_575

    private let archive: PlacedFile
    private var archivePath: String { archive.temporaryPath }
    private let sheetName: String
    private let rowLimit: Int
    private var sheet: FileOutput?
    private var columns: [[UInt8]] = []
    private var amountColumns: [Bool] = []
    private var rows = 0

    /// `archive`: an empty file that becomes the workbook.
    init(archive: PlacedFile, sheetName: String, rowLimit: Int = XLSXTableWriter.sheetRowLimit) {
        self.archive = archive
        self.sheetName = sheetName
        self.rowLimit = rowLimit
    }

    deinit { if let sheet { close(sheet.descriptor) } }

    public func begin(columns: [ExportColumn]) throws {
        let directory = (archivePath as NSString).deletingLastPathComponent
        let sheet = FileOutput(descriptor: try Self.unlinkedFile(in: directory.isEmpty ? "." : directory), name: archive.path)
        self.sheet = sheet
        self.columns = columns.indices.map(XLSXParts.columnLetters)
        amountColumns = columns.map(\.isAmount)
        try sheet.append(XLSXParts.sheetStart(columns: columns))
        try row(1) {
            for (index, column) in columns.enumerated() {
                var name = column.name
                try name.withUTF8 { try inlineString($0, column: index, row: 1, style: XLSXParts.headerStyle) }
            }
        }
    }

    public func write(_ record: ExportRecord) throws {
        guard rows < rowLimit else {
            throw RapportError.data(
                "\(sheetName): more than \(rowLimit) rows do not fit one xlsx sheet (a spreadsheet's limit); export them as CSV")
        }
        rows += 1
        let number = rows + 1
        try row(number) {
            try record.forEachCell { column, bytes in
                guard !bytes.isEmpty else { return }  // an empty cell is left out
                if amountColumns[column] {
                    try amount(bytes, column: column, row: number)
                } else {
                    try inlineString(bytes, column: column, row: number, style: nil)
                }
            }
        }
    }

    public func finish() throws {
        guard let sheet else { preconditionFailure("finish before begin") }
        try sheet.append(XLSXParts.sheetEnd)
        try sheet.flush()
        do {
            // An archive with no entries yet (the end-of-central-directory record alone),
            // opened for update: ZIPFoundation's create mode would not write over the file.
            let empty: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)
            guard pwrite(archive.descriptor, empty, empty.count, 0) == empty.count else {
                throw RapportError.io("cannot write \(archive.path): \(String(cString: strerror(errno)))")
            }
            let zip = try Archive(url: URL(fileURLWithPath: archivePath), accessMode: .update)
            for part in XLSXParts.fixed(sheetName: sheetName) {
                let data = Data(part.xml.utf8)
                try zip.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.stamp,
                    compressionMethod: .deflate
                ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
            }
            let descriptor = sheet.descriptor
            try zip.addEntry(
                with: XLSXParts.sheetPath, type: .file, uncompressedSize: sheet.count, modificationDate: Self.stamp,
                compressionMethod: .deflate, bufferSize: 1 << 18
            ) { position, size in try Self.read(descriptor, at: position, count: size) }
        } catch let error as RapportError {
            throw error
        } catch {
            throw RapportError.io("cannot write \(archive.path): \(error)")
        }
        close(sheet.descriptor)
        self.sheet = nil
    }

    // MARK: cells

    private func row(_ number: Int, _ cells: () throws -> Void) throws {
        guard let sheet else { preconditionFailure("a row before begin") }
        try sheet.append("<row r=\"\(number)\">")
        try cells()
        try sheet.append("</row>")
    }

    private func reference(column: Int, row: Int) throws {
        try sheet!.append(" r=\"")
        try sheet!.append(columns[column])
        try sheet!.append("\(row)\"")
    }

    private func inlineString(_ bytes: UnsafeBufferPointer<UInt8>, column: Int, row: Int, style: Int?) throws {
        let sheet = sheet!
        try sheet.append("<c")
        try reference(column: column, row: row)
        if let style { try sheet.append(" s=\"\(style)\"") }
        try sheet.append(XLSXText.needsPreservedSpace(bytes) ? #" t="inlineStr"><is><t xml:space="preserve">"# : #" t="inlineStr"><is><t>"#)
        try XLSXText.append(bytes, to: sheet)
        try sheet.append("</t></is></c>")
    }

    /// A decimal as stored text (`1250.50`): the number exactly as written, never through a
    /// binary float, in the style of its decimals.
    private func amount(_ bytes: UnsafeBufferPointer<UInt8>, column: Int, row: Int) throws {
        let sheet = sheet!
        let decimals = bytes.firstIndex(of: UInt8(ascii: ".")).map { bytes.count - $0 - 1 } ?? 0
        try sheet.append("<c")
        try reference(column: column, row: row)
        try sheet.append(" s=\"\(XLSXParts.amountStyle(decimals: decimals))\"><v>")
        try sheet.append(bytes)
        try sheet.append("</v></c>")
    }

    // MARK: files

    /// The entries' modification time: fixed, so the same table makes the same bytes.
    private static let stamp = Date(timeIntervalSince1970: 946_728_000)  // 2000-01-01 12:00 UTC

    /// A new file in `directory`, already unlinked: it goes away with its descriptor,
    /// however the export ends.
    private static func unlinkedFile(in directory: String) throws -> Int32 {
        var template = Array((directory + "/.rapport-sheet-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw RapportError(.cannotCreate, "cannot create a temporary file in \(directory): \(String(cString: strerror(errno)))")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return descriptor
    }

    private static func read(_ descriptor: Int32, at position: Int64, count: Int) throws -> Data {
        var data = Data(count: count)
        let read = data.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(position)) }
        guard read == count else { throw RapportError.io("cannot read back the sheet: \(String(cString: strerror(errno)))") }
        return data
    }
}
