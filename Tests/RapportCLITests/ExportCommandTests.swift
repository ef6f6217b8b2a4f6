import Foundation
import RapportCore
import Testing
@testable import RapportCLI

@Suite struct ExportCommandTests {
    @Test func theFormatFollowsTheOptionThenTheFileName() throws {
        func format(_ arguments: [String]) throws -> TableExport.Format {
            try #require(try RapportCommand.parseAsRoot(["export", "reps"] + arguments) as? ExportCommand).resolvedFormat
        }
        #expect(try format([]) == .csv)
        #expect(try format(["--out", "reps.xlsx"]) == .xlsx)
        #expect(try format(["--out", "REPS.XLSX"]) == .xlsx)
        #expect(try format(["--out", "reps.csv"]) == .csv)
        #expect(try format(["--out", "reps.txt"]) == .csv)
        #expect(try format(["--out", "reps.xlsx", "--format", "csv"]) == .csv)
        #expect(try format(["--format", "xlsx"]) == .xlsx)
    }

    @Test func writesTheFileAndReplacesAnOldOne() throws {
        let scratch = try CLIScratch()
        scratch.importWorld()
        let out = scratch.directory.appendingPathComponent("reps.csv").path
        try Data("an older export".utf8).write(to: URL(fileURLWithPath: out))
        #expect(exitCode(["export", "reps", "--db", scratch.db, "--out", out]) == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == "handle,name,email,phone,manager\nwang.lei,王磊,wang.lei@example-supplier.cn,'+86 138 0000 1234,zhao.min\nsarah.chen,Sarah Chen,sarah.chen@example-supplier.com,'+1 614 555 0142,zhao.min\nzhao.min,赵敏,zhao.min@example-supplier.cn,,\n")
        let workbook = scratch.directory.appendingPathComponent("touches.xlsx").path
        #expect(exitCode(["export", "touches", "--db", scratch.db, "--out", workbook]) == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: workbook)).prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
        // Only the files asked for: no temporary file is left beside them.
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path)
        #expect(files.filter { !$0.hasPrefix("cli.db") }.sorted() == ["reps.csv", "touches.xlsx"], "\(files)")
    }

    @Test func exitCodes() throws {
        let scratch = try CLIScratch()
        scratch.importWorld()
        let folder = scratch.directory.path
        #expect(exitCode(["export", "customers", "--db", scratch.db]) == 64)
        #expect(exitCode(["export", "reps", "--db", scratch.db, "--format", "pdf"]) == 64)
        #expect(exitCode(["export", "--db", scratch.db]) == 64)
        #expect(exitCode(["export", "reps", "--db", folder + "/none.db", "--out", folder + "/reps.csv"]) == 66)
        #expect(!FileManager.default.fileExists(atPath: folder + "/reps.csv"))
        #expect(exitCode(["export", "reps", "--db", scratch.db, "--out", folder + "/no-such-folder/reps.csv"]) == 73)
        #expect(exitCode(["export", "reps", "--db", scratch.db, "--out", folder + "/no-such-folder/reps.xlsx"]) == 73)
        // The database is never replaced by its own export.
        #expect(exitCode(["export", "touches", "--db", scratch.db, "--out", scratch.db]) == 64)
        #expect(try scratch.count("SELECT count(*) FROM touch") == 4)
    }
}
