/// What an import reads its records from: a CSV file (`CSVReader`) or a workbook's sheet
/// (`SheetReader`). The first record is the header; the current record's cells stay valid
/// until the next call to `next()`.
protocol RecordReader: AnyObject {
    /// Advances to the next record; false at the end. A thrown problem concerns the record
    /// being read; the reader goes on after it unless `endsFile`.
    func next() throws(CSVError) -> Bool
    /// Where the current record is: its line in a CSV file, its row in a sheet.
    var line: Int { get }
    var cellCount: Int { get }
    /// The cell's bytes (UTF-8).
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8>
    /// Whether a record read so far held multi-byte UTF-8 (CSV encoding detection).
    var sawMultibyteUTF8: Bool { get }
    /// Cells of the current record (bit `i` for cell `i`) whose problem the reader has
    /// already reported: their checks stay silent, so a cell is not reported twice.
    var reportedCells: UInt64 { get }
    /// Called once the header is read, before the data records.
    func use(_ header: ImportHeader)
    /// Whether a cell's leading `'` before a formula-looking value is the guard a CSV
    /// writer put there (`CSVCell.unguarded`), to be taken off: true for CSV text; a
    /// sheet's cells are read as stored (a workbook writer needs no guard).
    static var takesOffFormulaGuards: Bool { get }
}

extension RecordReader {
    func string(_ index: Int) -> String { String(decoding: bytes(index), as: UTF8.self) }
    var reportedCells: UInt64 { 0 }
    func use(_ header: ImportHeader) {}
}
