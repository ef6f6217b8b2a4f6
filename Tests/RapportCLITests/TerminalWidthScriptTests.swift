import Foundation
import Testing

/// Tests/tmux/check-table-width.sh from the test run: `today` and `audit` on the demo in
/// real tmux panes of 80 and 120 columns. Skipped, and says so, without tmux or python3
/// (`.ci/run` installs tmux) or without the built `rapport` beside the test bundle.
@Suite struct TerminalWidthScriptTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rapport = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rapport")

    static func onPath(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    static let canRun = onPath("tmux") && onPath("python3") && FileManager.default.isExecutableFile(atPath: rapport.path)

    @Test(.enabled(if: canRun, "needs tmux and python3 (Debian packages; .ci/run installs tmux) and the built rapport"))
    func tablesFitTmuxPanesOf80And120Columns() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", Self.repository.appendingPathComponent("Tests/tmux/check-table-width.sh").path]
        var environment = ProcessInfo.processInfo.environment
        environment["RAPPORT_BIN"] = Self.rapport.path
        environment.removeValue(forKey: "COLUMNS")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("PASS: tables fit 80 and 120 columns"), "\(text)")
    }
}
