import ArgumentParser
import RapportCore

/// Runs a command body, turning Rapport's errors into a message on stderr and the
/// sysexits code, so no command needs its own catch.
func guarded(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as RapportError {
        Terminal.note("rapport: \(error.message)")
        throw ExitCode(error.code.rawValue)
    } catch let error as SQLiteError {
        Terminal.note("rapport: database error: \(error)")
        throw ExitCode(RapportError.Code.ioError.rawValue)
    } catch let error as PostgresError {
        // Errors the backend did not turn into a RapportError (its messages never carry
        // the password: PostgresConnection scrubs the URL).
        Terminal.note("rapport: database error: \(error)")
        throw ExitCode(error.isPermissionDenied ? RapportError.Code.permission.rawValue : RapportError.Code.ioError.rawValue)
    }
}
