/// Where an export's rows go, one at a time, as they are read: a CSV stream
/// (`CSVTableWriter`) or a spreadsheet (`XLSXTableWriter`). A writer holds at most a buffer,
/// never the table.
public protocol TableWriter: AnyObject {
    /// Starts the table: its header row.
    func begin(columns: [ExportColumn]) throws
    /// One row, its cells in the order of `begin`'s columns.
    func write(_ record: ExportRecord) throws
    /// Ends the table; nothing is complete before this returns.
    func finish() throws
}
