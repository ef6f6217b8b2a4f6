/// A SQLite file as an import's target: the check pass runs outside any transaction
/// (readers and writers go on meanwhile); the write pass runs in one transaction, with
/// foreign-key checks off when nothing was committed since the check (`bulkWrite`).
extension Database: ImportTarget {
    func importSession<T>(_ body: () throws -> T) throws -> T { try body() }

    func importStamp() throws -> Int { try dataVersion() }

    func writeImport<Row: WritableRow>(
        _ spool: RowSpool, of _: Row.Type, presentColumns: Set<String>, validatedStamp: Int,
        progress: ((ImportProgress) -> Void)?
    ) throws -> ImportCounts {
        typealias Writer = ImportWriter<Spooled<Row>>
        return try bulkWrite(validatedVersion: validatedStamp, rollbackJournal: spool.count >= Writer.bulkThreshold) {
            let rows = try spool.rows(of: Row.self)
            let writer = try Writer(database: self, presentColumns: presentColumns, expectedRows: spool.count)
            var written = 0
            while case let batch = try rows.next(upTo: Writer.batchSize), !batch.isEmpty {
                try writer.write(batch)
                let before = written
                written += batch.count
                if written / ImportProgress.interval > before / ImportProgress.interval {
                    progress?(ImportProgress(phase: .writing, rows: written))
                }
            }
            if written >= ImportProgress.interval { progress?(ImportProgress(phase: .finishing, rows: written)) }
            return try writer.finish()
        }
    }
}
