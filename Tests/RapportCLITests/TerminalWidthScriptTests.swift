import Foundation
import Testing

/// Tests/tmux/check-table-width.sh from the test run: `today` and `audit` on the demo in
/// real tmux panes of 80 and 120 columns. Skipped, and says so, without tmux or python3
/// (`.ci/run` installs tmux) or without the built `rapport` beside the test bundle.
@Suite struct TerminalWidthScriptTests {
    @Test(.enabled(if: onPath("tmux") && onPath("python3") && builtRapport != nil,
                   "needs tmux and python3 (Debian packages; .ci/run installs tmux) and the built rapport"))
    func tablesFitTmuxPanesOf80And120Columns() throws {
        let script = packageRoot.appendingPathComponent("Tests/tmux/check-table-width.sh").path
        let run = try runProgram("/usr/bin/env", ["bash", script], environment: ["RAPPORT_BIN": builtRapport, "COLUMNS": nil])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("PASS: tables fit 80 and 120 columns"), "\(run.stdout)\(run.stderr)")
    }
}
