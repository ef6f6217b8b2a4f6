import ArgumentParser
import Foundation
import RapportCore
import Testing
@testable import RapportCLI

/// Shell completion (README, "Shell completion"): the generated scripts, the key reads
/// behind them, the hidden `---completion` call the scripts make, and bash itself.
@Suite struct CompletionTests {
    /// Keys that test the prefix read: byte order, case, an underscore (no LIKE wildcard),
    /// and more keys under one prefix than a TAB offers.
    static func world() throws -> CLIScratch {
        let scratch = try CLIScratch()
        let keys = ["HD-MACH", "HD-MOLD", "HK_1", "HKX1", "hd-lower", "SZ-ELEC"] + (1...250).map { "GEN-" + String(format: "%04d", $0) }
        try scratch.importCustomers(accounts: keys.map { "\($0),公司 \($0),B,wang.lei,CN,Shanghai,zh-CN,2020-01-01,active" }, contacts: [])
        return scratch
    }

    @Test func theStoreListsKeysThatStartWithThePrefix() throws {
        let scratch = try Self.world()
        let db = try openRapportStoreForReading(location: scratch.db)
        #expect(try db.accountKeys(prefix: "HD-", limit: 200) == ["HD-MACH", "HD-MOLD"])
        #expect(try db.accountKeys(prefix: "H", limit: 200) == ["HD-MACH", "HD-MOLD", "HKX1", "HK_1"])
        #expect(try db.accountKeys(prefix: "HK_", limit: 200) == ["HK_1"])
        #expect(try db.accountKeys(prefix: "hd", limit: 200) == ["hd-lower"])
        #expect(try db.accountKeys(prefix: "SZ-ELEC", limit: 200) == ["SZ-ELEC"])
        #expect(try db.accountKeys(prefix: "Q", limit: 200) == [])
        #expect(try db.accountKeys(prefix: "zz", limit: 200) == [])
        let generated = try db.accountKeys(prefix: "GEN-", limit: 200)
        #expect(generated.count == 200)
        #expect(generated.first == "GEN-0001" && generated.last == "GEN-0200")
        #expect(try db.accountKeys(prefix: "", limit: 3) == ["GEN-0001", "GEN-0002", "GEN-0003"])
        #expect(try db.repHandles(prefix: "", limit: 200) == ["sarah.chen", "wang.lei", "zhao.min"])
        #expect(try db.repHandles(prefix: "wa", limit: 200) == ["wang.lei"])
        #expect(try db.repHandles(prefix: "x", limit: 200) == [])
    }

    /// What `rapport ---completion …` prints, as the scripts call it, and its exit code.
    /// (ArgumentParser keeps the shell of the last script generated in the process, and
    /// for zsh adds a pseudo-completion " " that its script removes: not ours, dropped.)
    static func complete(_ arguments: [String]) -> (code: Int32, output: String) {
        do {
            _ = try RapportCommand.parseAsRoot(["---completion"] + arguments)
            return (-1, "parsed as a command")
        } catch {
            let lines = RapportCommand.fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
            return (RapportCommand.exitCode(for: error).rawValue, lines.filter { $0 != " " }.joined(separator: "\n"))
        }
    }

    @Test func eachKeyArgumentCompletesFromTheDatabaseNamedOnTheLine() throws {
        let scratch = try Self.world()
        let db = scratch.db
        let cases: [(arguments: [String], expected: String)] = [
            (["touch", "log", "--", "positional@0", "5", "3", "rapport", "touch", "log", "--db", db, "HD-"], "HD-MACH\nHD-MOLD"),
            (["touch", "log", "--", "--rep", "7", "1", "rapport", "touch", "log", "HD-MACH", "--db", db, "--rep", "s"], "sarah.chen"),
            (["snooze", "--", "positional@0", "3", "2", "rapport", "snooze", "--db=\(db)", "SZ"], "SZ-ELEC"),
            (["holidays", "--", "--account", "5", "2", "rapport", "holidays", "--db", db, "--account", "hd"], "hd-lower"),
            (["drafts", "--", "--account", "5", "3", "rapport", "drafts", "--db", db, "--account", "HK_"], "HK_1"),
            (["drafts", "--", "--rep", "5", "1", "rapport", "drafts", "--db", db, "--rep", "z"], "zhao.min"),
            (["today", "--", "--rep", "3", "0", "rapport", "today", "--rep", "", "--db", db], "sarah.chen\nwang.lei\nzhao.min"),
            (["payers", "--", "--rep", "3", "1", "rapport", "payers", "--rep", "w", "--db", db], "wang.lei"),
            (["agenda", "--", "--rep", "5", "1", "rapport", "agenda", "--db", db, "--rep", "w"], "wang.lei"),
            (["audit", "--", "--rep", "5", "1", "rapport", "audit", "--db", db, "--rep", "w"], "wang.lei"),
            (["team", "grant", "--", "positional@0", "3", "2", "rapport", "team", "grant", "wa", "--db", db], "wang.lei"),
            (["team", "revoke", "--", "positional@0", "3", "2", "rapport", "team", "revoke", "sa", "--db", db], "sarah.chen"),
            // The last --db counts, as when the command runs; a word before the last one
            // is completed from what it holds (ArgumentParser's own prefix is the last word's).
            (["snooze", "--", "positional@0", "6", "2", "rapport", "snooze", "--db", "/nowhere.db", "--db", db, "SZ"], "SZ-ELEC"),
            (["snooze", "--", "positional@0", "2", "2", "rapport", "snooze", "SZ", "--db", db], "SZ-ELEC"),
        ]
        for (arguments, expected) in cases {
            let result = Self.complete(arguments)
            #expect(result.code == 0, "\(arguments)")
            #expect(result.output == expected, "\(arguments)")
        }
    }

    /// The words arrive as typed: quotes and backslashes are the shell's, `~` is $HOME.
    @Test func aQuotedDatabasePathIsReadAsTheShellWould() throws {
        let scratch = try Self.world()
        let folder = scratch.directory.appendingPathComponent("my sales")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("it's.db").path
        try FileManager.default.copyItem(atPath: scratch.db, toPath: copy)
        let spelled = [
            "\"\(folder.path)/it's.db\"",
            "'\(folder.path)/it'\\''s.db'",
            folder.path.replacingOccurrences(of: " ", with: "\\ ") + "/it\\'s.db",
        ]
        for word in spelled {
            #expect(Completion.databaseLocation(["rapport", "snooze", "--db", word, "SZ"]) == copy, "\(word)")
            #expect(Self.complete(["snooze", "--", "positional@0", "4", "2", "rapport", "snooze", "--db", word, "SZ"]).output == "SZ-ELEC")
        }
        if let home = ProcessInfo.processInfo.environment["HOME"] {
            #expect(Completion.databaseLocation(["rapport", "today", "--db", "~/sales.db"]) == home + "/sales.db")
            #expect(Completion.databaseLocation(["rapport", "today", "--db", "'~/sales.db'"]) == "~/sales.db")
        }
        #expect(Completion.unquoted("'HD\"x'") == "HD\"x")
    }

    /// No database, a file that is not one, a folder, a server that is not there: nothing
    /// offered, exit 0 (what the shell sees; nothing is printed either: see the bash test).
    @Test func anUnreadableDatabaseOffersNothing() throws {
        let scratch = try CLIScratch()
        let garbage = scratch.directory.appendingPathComponent("notes.db").path
        try Data("not a database at all, just text\n".utf8).write(to: URL(fileURLWithPath: garbage))
        let places = [
            scratch.directory.appendingPathComponent("missing.db").path, garbage, scratch.directory.path,
            "postgres://nobody@127.0.0.1:1/none",
        ]
        for place in places {
            let result = Self.complete(["touch", "log", "--", "positional@0", "5", "0", "rapport", "touch", "log", "--db", place, ""])
            #expect(result.code == 0, "\(place)")
            #expect(result.output == "", "\(place)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.directory.appendingPathComponent("missing.db").path), "nothing created")
    }

    @Test func theGeneratedScriptsHaveEveryCommandAndTheKeyCompletions() {
        for shell in [CompletionShell.bash, .zsh, .fish] {
            let script = RapportCommand.completionScript(for: shell)
            for command in RapportCommand.configuration.subcommands.map({ $0._commandName }) + ["log", "grant", "revoke", "list"] {
                #expect(script.contains(command), "\(shell): \(command)")
            }
            for call in [
                "---completion touch log -- positional@0", "---completion touch log -- --rep", "---completion snooze -- positional@0",
                "---completion holidays -- --account", "---completion today -- --rep", "---completion drafts -- --account",
                "---completion team grant -- positional@0", "---completion audit -- --rep",
            ] {
                #expect(script.contains(call), "\(shell): \(call)")
            }
            #expect(script.contains("xlsx") && script.contains("vcf"), "\(shell): import's file extensions")
            #expect(script.contains("collection") && script.contains("payer"), "\(shell): snooze's kinds")
            #expect(script.contains("snoozes") && script.contains("invoices"), "\(shell): import's kinds")
        }
    }
}

/// Bash itself: the generated script sourced, the completion function driven as readline
/// drives it (COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT), COMPREPLY read back.
@Suite struct BashCompletionTests {
    static let driver = #"""
        set -u
        source <("$RAPPORT" --generate-completion-script bash)
        complete -p rapport >/dev/null || { echo "not registered"; exit 1; }
        # $1: the line up to the cursor, its first word the rapport binary.
        offer() {
            COMP_LINE="$1"
            COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<<"$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMPREPLY=()
            _rapport rapport "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\n' "${COMPREPLY[@]}" | sort | paste -sd ' ' -
        }
        echo "1: $(offer "$RAPPORT touch log --db $DB HD-")"
        echo "2: $(offer "$RAPPORT today --db $DB --rep ")"
        echo "3: $(offer "$RAPPORT snooze SZ-ELEC ")"
        echo "4: $(offer "$RAPPORT import ")"
        echo "5: $(offer "$RAPPORT ag")"
        echo "6: $(offer "$RAPPORT touch log --db /no/such.db H")"
        cd "$FILES"
        echo "7: $(offer "$RAPPORT import accounts ")"
        echo "8: $(offer "$RAPPORT team grant w")"
        """#

    @Test(.enabled(if: onPath("bash") && builtRapport != nil, "needs bash and the built rapport"))
    func bashCompletesKeysKindsFilesAndCommands() throws {
        let scratch = try CompletionTests.world()
        let files = scratch.directory.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: files.appendingPathComponent("older"), withIntermediateDirectories: true)
        for name in ["accounts.csv", "book.xlsx", "cards.vcf", "notes.txt"] {
            FileManager.default.createFile(atPath: files.appendingPathComponent(name).path, contents: Data())
        }
        // RAPPORT_DB names the database when the line has no --db.
        let run = try runProgram("/usr/bin/env", ["bash", "-c", Self.driver], environment: [
            "RAPPORT": builtRapport, "DB": scratch.db, "FILES": files.path, "RAPPORT_DB": scratch.db,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "", "a completion prints nothing into the shell")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "1: HD-MACH HD-MOLD",
            "2: sarah.chen wang.lei zhao.min",
            "3: care checkin collection event gift holiday payer promise",
            "4: accounts contacts events invoices payments promises reps snoozes touches",
            "5: agenda",
            "6: ",
            "7: accounts.csv book.xlsx cards.vcf older",
            "8: wang.lei",
        ], "\(run.stdout)")
    }
}
