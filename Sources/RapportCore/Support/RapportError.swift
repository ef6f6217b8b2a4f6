/// An error meant for the user, with the sysexits code the process exits with.
public struct RapportError: Error, CustomStringConvertible, Sendable {
    public enum Code: Int32, Sendable {
        case usage = 64       // EX_USAGE
        case dataError = 65   // EX_DATAERR
        case noInput = 66     // EX_NOINPUT
        case software = 70    // EX_SOFTWARE
        case cannotCreate = 73  // EX_CANTCREAT: an output file cannot be created
        case ioError = 74     // EX_IOERR
        case permission = 77  // EX_NOPERM: the database refused what the role may not do
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    public static func usage(_ message: String) -> RapportError { RapportError(.usage, message) }
    public static func data(_ message: String) -> RapportError { RapportError(.dataError, message) }
    public static func noInput(_ message: String) -> RapportError { RapportError(.noInput, message) }
    public static func io(_ message: String) -> RapportError { RapportError(.ioError, message) }
    public static func noPermission(_ message: String) -> RapportError { RapportError(.permission, message) }
}
