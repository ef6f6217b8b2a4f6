/// The check pass over one sheet of an .xlsx workbook: the same header, validators and
/// problems as a CSV file, the problems placed as `FILE:SHEET!ROW`. A workbook that cannot
/// be read (a broken zip, broken XML, no such sheet) fails alone with one clear error.
extension Importer {
    func checkWorkbook<V: RowValidator>(
        _: V.Type, _ kind: ImportKind, _ source: ImportSource, _ progress: ((ImportProgress) -> Void)?,
        keys: any ImportKeySource
    ) throws -> (Checked, ImportProblems, ImportEncoding) {
        guard source.encoding == nil else {
            throw RapportError.usage("\(source.path): --encoding is for CSV files; a workbook's text is always Unicode")
        }
        let reader: SheetReader
        let size: Int
        do {
            let workbook = try Workbook(path: source.path)
            let sheet = try workbook.sheet(named: source.sheet)
            let strings = try workbook.sharedStringsPart.map { try SharedStrings(scanner: Workbook.scanner(workbook.archive, $0)) }
                ?? SharedStrings()
            let part = sheet.part!
            let scanner = try Workbook.scanner(workbook.archive, part)
            reader = SheetReader(scanner: scanner, sheet: sheet.name, strings: strings, dateSystem: workbook.dateSystem)
            // Tables are sized from a file's size: a sheet's XML takes some three times the
            // bytes of the same rows as CSV.
            size = Int(min(workbook.archive.entry(named: part)?.size ?? 0, UInt64(Int.max))) / 3
        } catch let error as WorkbookError {
            throw error.rapportError(path: source.path)
        }
        let problems = ImportProblems(file: source.path, sheet: reader.sheet)
        let checked = try check(V.self, kind, reader, size: size, problems, progress, keys: keys) { error, _ in
            problems.add(line: error.line, field: error.field, error.reason)
        }
        if let failure = reader.failure { throw failure.rapportError(path: source.path) }
        return (checked, problems, .utf8)
    }
}
