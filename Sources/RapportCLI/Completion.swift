import ArgumentParser
import Foundation
import RapportCore

/// Shell completion of account keys and rep handles from the database (README, "Shell
/// completion"). The script ArgumentParser generates runs `rapport ---completion … --
/// ARGUMENT INDEX CURSOR WORDS…` at each TAB; these functions get the words of the command
/// line as typed, find the database it names, and list the keys that start with the word
/// being completed. Any failure — no database, no permission, a server that does not
/// answer — offers nothing and prints nothing: a completion never writes into the shell.
enum Completion {
    /// The most keys one TAB offers.
    static let limit = 200

    static let accountKey = CompletionKind.custom { words, index, prefix in
        read(words: words, typed: typed(words, index, prefix)) { try $0.accountKeys(prefix: $1, limit: limit) }
    }

    static let repHandle = CompletionKind.custom { words, index, prefix in
        read(words: words, typed: typed(words, index, prefix)) { try $0.repHandles(prefix: $1, limit: limit) }
    }

    static let importFile = CompletionKind.file(extensions: ["csv", "xlsx", "vcf"])

    /// The keys `keys` reads that start with `typed`, from the database `words` names.
    static func read(words: [String], typed: String, _ keys: (any RapportStore, String) throws -> [String]) -> [String] {
        // libpq waits for a server without limit; a TAB should not.
        setenv("PGCONNECT_TIMEOUT", "2", 0)
        do {
            return try keys(try openRapportStoreForReading(location: databaseLocation(words)), unquoted(typed))
        } catch {
            return []
        }
    }

    /// What is typed of the word being completed. ArgumentParser 1.8.2 cuts its `prefix`
    /// from the line's last word, whichever word the cursor is in; for a word before the
    /// last, the whole word is taken (the cursor is almost always at its end).
    static func typed(_ words: [String], _ index: Int, _ prefix: String) -> String {
        index >= 0 && index < words.count - 1 ? words[index] : prefix
    }

    /// The database the command line names: its last `--db`, else what `--db` defaults to.
    static func databaseLocation(_ words: [String]) -> String {
        var named: String?
        for (index, word) in words.enumerated() {
            if word == "--db", index + 1 < words.count {
                named = words[index + 1]
            } else if word.hasPrefix("--db=") {
                named = String(word.dropFirst("--db=".count))
            }
        }
        return GlobalOptions.databasePath(db: named.map(shellPath))
    }

    /// A shell word as the shell would pass it: quotes removed, backslash escapes applied
    /// (the words arrive verbatim, as typed).
    static func unquoted(_ word: String) -> String {
        var out = ""
        var quote: Character?
        var escaped = false
        for character in word {
            if escaped {
                out.append(character)
                escaped = false
            } else if character == "\\" && quote != "'" {
                escaped = true
            } else if let open = quote, character == open {
                quote = nil
            } else if quote == nil && (character == "'" || character == "\"") {
                quote = character
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// A path word as the shell passes it: unquoted, with a leading unquoted `~` as $HOME.
    static func shellPath(_ word: String) -> String {
        guard word == "~" || word.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else { return unquoted(word) }
        return home + unquoted(String(word.dropFirst()))
    }
}
