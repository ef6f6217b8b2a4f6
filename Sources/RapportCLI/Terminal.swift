import Foundation

/// What the process is talking to: colour only on a terminal, never under `NO_COLOR`.
enum Terminal {
    enum Stream { case standardOutput, standardError }

    static func isTerminal(_ stream: Stream) -> Bool {
        isatty(stream == .standardOutput ? STDOUT_FILENO : STDERR_FILENO) == 1
    }

    /// A listing's format when none is asked for: a table for a person, JSON for a program.
    static func defaultFormat<Format>(table: Format, json: Format) -> Format {
        isTerminal(.standardOutput) ? table : json
    }

    /// The width tables and prose fit in, in cells: `COLUMNS` when set, else the window
    /// size of the terminal on standard output; nil (no limit) for a pipe or a file.
    static let width: Int? = {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return columns }
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }()

    static var colorEnabled: Bool {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        return isTerminal(.standardOutput)
    }

    static func bold(_ text: String) -> String { colorEnabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    static func dim(_ text: String) -> String { colorEnabled ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    static func red(_ text: String) -> String { colorEnabled ? "\u{1B}[31m\(text)\u{1B}[0m" : text }

    /// Writes a line to standard error (progress, warnings, cut counts).
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
