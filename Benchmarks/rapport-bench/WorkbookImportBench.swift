import Foundation
import RapportCore

// `rapport-bench xlsx-import --data DIR --dir WORK [--runs 3]`: the touches of DIR/touches.csv
// (2 000 000 rows at spec scale) as one .xlsx sheet, imported into a copy of a database that
// holds the other eight kinds, timed against the CSV import of the same file into another
// copy; the two databases' touch tables must come out identical. WORK/touches.xlsx is written
// once by Benchmarks/scripts/csv_to_xlsx.py (shared strings, dates as serial numbers, as a
// spreadsheet saves them) and WORK/base.db once from DIR's other CSV files. Prints both
// times, their ratio (target: within 3×) and each import's peak memory (target: < 300 MB).

func workbookImportBench(_ arguments: ArraySlice<String>) throws {
    var options = try BenchOptions(arguments)
    let work = try options.directory()
    let data = try options.value("--data") ?? work
    let rounds = Int(try options.value("--runs") ?? "3") ?? 0
    guard rounds >= 1 else { throw BenchError("--runs must be a whole number, at least 1") }
    try options.finish()
    let csv = data + "/touches.csv"
    guard FileManager.default.fileExists(atPath: csv) else { throw BenchError("\(csv) is missing; run `rapport-bench generate --dir \(data)` first") }
    let workbook = work + "/touches.xlsx"
    if !FileManager.default.fileExists(atPath: workbook) { try writeWorkbook(from: csv, to: workbook) }
    let base = work + "/base.db"
    if !FileManager.default.fileExists(atPath: base) { try makeBase(from: data, at: base) }

    var times: (csv: [Double], xlsx: [Double]) = ([], [])
    var peaks: (csv: Double, xlsx: Double) = (0, 0)
    for round in 1...rounds {
        print("round \(round) of \(rounds)")
        let (csvTime, csvPeak, csvRows) = try timedImport(csv, into: base, copy: work + "/csv.db")
        let (xlsxTime, xlsxPeak, xlsxRows) = try timedImport(workbook, into: base, copy: work + "/xlsx.db")
        if csvRows != xlsxRows { print("warning: the CSV has \(csvRows) rows, the sheet \(xlsxRows)") }
        print(String(format: "  csv %6.2f s (peak %.0f MB), xlsx %6.2f s (peak %.0f MB), %d rows", csvTime, csvPeak, xlsxTime, xlsxPeak, xlsxRows))
        times.csv.append(csvTime)
        times.xlsx.append(xlsxTime)
        peaks = (max(peaks.csv, csvPeak), max(peaks.xlsx, xlsxPeak))
    }
    let same = try sameTouches(work + "/csv.db", work + "/xlsx.db")
    let best = (times.csv.min() ?? 0, times.xlsx.min() ?? 0)
    let middle = (median(times.csv), median(times.xlsx))
    print(String(format: "csv import:  best %6.2f s, median %6.2f s; peak memory %.0f MB", best.0, middle.0, peaks.csv))
    print(String(format: "xlsx import: best %6.2f s, median %6.2f s; peak memory %.0f MB; %.0f MB of .xlsx",
                 best.1, middle.1, peaks.xlsx, Double(fileSize(workbook)) / 1e6))
    let ratio = best.1 / best.0
    print(String(format: "ratio: %.2f× best to best, %.2f× median to median (target within 3×) %@; peak %.0f MB (target < 300 MB) %@; touch tables %@",
                 ratio, middle.1 / middle.0, ratio <= 3 ? "met" : "MISSED", peaks.xlsx, peaks.xlsx < 300 ? "met" : "MISSED",
                 same ? "identical" : "DIFFER"))
}

/// Imports `file` as touches into a fresh copy of `base`; seconds, peak memory (MB) and rows.
private func timedImport(_ file: String, into base: String, copy: String) throws -> (Double, Double, Int) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
    try FileManager.default.copyItem(atPath: base, toPath: copy)
    let db = try Database.openRapport(path: copy)
    resetPeakMemory()
    let clock = ContinuousClock()
    var summary: ImportSummary?
    let elapsed = try clock.measure { summary = try Importer(database: db).importFile(kind: .touches, path: file) }
    return (seconds(elapsed), peakMemoryMB(), summary?.rows ?? 0)
}

/// Every touch row of the two databases, compared.
private func sameTouches(_ first: String, _ second: String) throws -> Bool {
    let sql = "SELECT account_id, ifnull(contact_id, -1), rep_id, date, channel, kind, ifnull(note, '') FROM touch ORDER BY id"
    func rows(_ path: String) throws -> [String] {
        try Database(path: path, mode: .readOnly).rows(sql) { row in (0..<7).map { row.optionalString($0) ?? "" }.joined(separator: "\u{1}") }
    }
    return try rows(first) == rows(second)
}

private func writeWorkbook(from csv: String, to workbook: String) throws {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/csv_to_xlsx.py").path
    print("writing \(workbook) from \(csv) (python3 \(script))")
    let status = try spawnAndWait("/usr/bin/env", ["python3", script, csv, workbook, "touches"])
    guard status == 0 else { throw BenchError("csv_to_xlsx.py failed (status \(status))") }
}

/// The eight other kinds of `data`, imported into a fresh database.
private func makeBase(from data: String, at path: String) throws {
    print("loading the other kinds into \(path)")
    let db = try Database.openRapport(path: path, mode: .create)
    for kind in importOrder where kind != .touches {
        try Importer(database: db).importFile(kind: kind, path: data + "/\(kind.rawValue).csv")
    }
    try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
}

/// Starts the process's peak resident memory (VmHWM) again from what it holds now.
private func resetPeakMemory() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
}
