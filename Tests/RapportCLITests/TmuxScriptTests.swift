import Foundation
import Testing

/// The scripts of Tests/tmux from the test run, each in real terminals (tmux panes):
/// tables at 80 and 120 columns, and completion in bash, zsh and fish. Skipped, and say
/// so, without tmux (`.ci/run` installs it, zsh and fish) or the built `rapport`.
@Suite struct TmuxScriptTests {
    static func run(_ script: String) throws -> (status: Int32, output: String) {
        let path = packageRoot.appendingPathComponent("Tests/tmux/\(script)").path
        let run = try runProgram("/usr/bin/env", ["bash", path], environment: ["RAPPORT_BIN": builtRapport, "COLUMNS": nil])
        return (run.status, run.stdout + run.stderr)
    }

    @Test(.enabled(if: onPath("tmux") && onPath("python3") && builtRapport != nil,
                   "needs tmux and python3 (Debian packages; .ci/run installs tmux) and the built rapport"))
    func tablesFitTmuxPanesOf80And120Columns() throws {
        let (status, output) = try Self.run("check-table-width.sh")
        #expect(status == 0, "\(output)")
        #expect(output.contains("PASS: tables fit 80 and 120 columns"), "\(output)")
    }

    /// Each shell that is installed must pass; the script says which it skipped.
    @Test(.enabled(if: onPath("tmux") && builtRapport != nil, "needs tmux (.ci/run installs it, zsh and fish) and the built rapport"))
    func completionWorksInTheRealShells() throws {
        let (status, output) = try Self.run("check-completion.sh")
        #expect(status == 0, "\(output)")
        #expect(output.contains("PASS: shell completion"), "\(output)")
        for shell in ["bash", "zsh", "fish"] where onPath(shell) {
            #expect(output.contains("ok: \(shell) completes"), "\(output)")
        }
    }
}
