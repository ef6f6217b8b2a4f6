import Foundation

// Benchmarks at realistic scale, run in a release build:
//   swift run -c release rapport-bench <name> [options]
// Each benchmark lives in its own file and registers here.
let benchmarks: [String: (ArraySlice<String>) throws -> Void] = [
    "holidays": holidaysBenchmark,
    "drafts": DraftsBench.run,
    "audit": AuditBench.run,
    "agenda": AgendaBench.run,
    "payers": PayersBench.run,
    "completion": CompletionBench.run,
    "generate": generate,
    "scale": ScaleBench.run,
    "import": importBench,
    "vcard": vCardBench,
    "export": exportBench,
    "xlsx-import": workbookImportBench,
    "pg-import": PostgresBench.importRun,
    "pg-agenda": PostgresBench.agendaRun,
    "pg-audit": PostgresBench.auditRun,
    "pg-load": PostgresBench.loadRun,
]

let arguments = CommandLine.arguments.dropFirst()
guard let name = arguments.first, let run = benchmarks[name] else {
    print("usage: rapport-bench <\(benchmarks.keys.sorted().joined(separator: "|"))> [options]")
    exit(64)
}
do {
    try run(arguments.dropFirst())
} catch {
    FileHandle.standardError.write(Data("rapport-bench: \(error)\n".utf8))
    exit(1)
}
