import Foundation

/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DBNAME[?…]`: how a location is recognised as a
/// PostgreSQL server, and how it is shown without its password.
public enum PostgresURL {
    /// Whether `location` names a PostgreSQL server (`postgres://` or `postgresql://`)
    /// rather than a SQLite file.
    public static func isPostgres(_ location: String) -> Bool {
        let lower = location.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// The URL with the password of its user part and any `password=` parameter replaced by
    /// `***`: the only form of it that output, errors and logs may show.
    public static func redacted(_ url: String) -> String {
        var text = url
        if let scheme = text.range(of: "://") {
            let rest = text[scheme.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@"),
               let colon = rest[..<at].firstIndex(of: ":") {
                text.replaceSubrange(text.index(after: colon)..<at, with: "***")
            }
        }
        if let query = text.firstIndex(of: "?") {
            let parameters = text[text.index(after: query)...].split(separator: "&", omittingEmptySubsequences: false).map { part in
                part.lowercased().hasPrefix("password=") ? "password=***" : String(part)
            }
            text = String(text[...query]) + parameters.joined(separator: "&")
        }
        return text
    }

    /// The password written in `url`, if any (percent-decoding is not needed: it is only
    /// looked for in messages that quote the URL back).
    static func password(in url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") else { return nil }
        let password = String(rest[rest.index(after: colon)..<at])
        return password.isEmpty ? nil : password
    }

    /// `message` with every copy of the URL's password (and of the URL) masked.
    static func scrub(_ message: String, url: String) -> String {
        var text = message.replacingAll(url, with: redacted(url))
        if let password = password(in: url) { text = text.replacingAll(password, with: "***") }
        return text
    }
}
