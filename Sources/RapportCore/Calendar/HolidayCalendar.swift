import Foundation

/// The occasions of every country with a calendar file: the shipped `holidays/<CC>.yaml`
/// files, merged with a user's config folder (which can add a country or change shipped
/// occasions by key; see docs/calendars.md). A country's files are read on first use and
/// each country-year is computed once.
public final class HolidayCalendar: OccasionSource, @unchecked Sendable {
    /// The years whose dates are checked against published tables.
    public static let supportedYears = 1901...2099

    public let config: RapportConfig
    /// Country code → its shipped and user files.
    private let files: [String: (shipped: URL?, user: URL?)]

    // Guarded by `lock`.
    private let lock = NSLock()
    private var calendars: [String: Result<CountryCalendar, RapportError>] = [:]
    private var years: [String: [OccasionDate]] = [:]

    init(files: [String: (shipped: URL?, user: URL?)], config: RapportConfig) {
        self.files = files
        self.config = config
    }

    /// The calendars of the config folders `shipped` and `user` (each the folder that
    /// holds `holidays/`; either may be nil or lack it). `user` is ignored when it is the
    /// shipped folder itself.
    public static func load(shipped: URL?, user: URL?, config: RapportConfig) throws -> HolidayCalendar {
        let shippedFiles = try calendarFiles(in: shipped)
        let userFiles = user.map(\.standardizedFileURL.path) == shipped.map(\.standardizedFileURL.path) ? [:] : try calendarFiles(in: user)
        var files: [String: (shipped: URL?, user: URL?)] = [:]
        for code in Set(shippedFiles.keys).union(userFiles.keys) {
            files[code] = (shippedFiles[code], userFiles[code])
        }
        return HolidayCalendar(files: files, config: config)
    }

    /// `CC.yaml` files of `directory/holidays`, by upper-cased country code.
    static func calendarFiles(in directory: URL?) throws -> [String: URL] {
        guard let folder = directory?.appendingPathComponent("holidays"),
              FileManager.default.fileExists(atPath: folder.path) else { return [:] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw RapportError.io("\(folder.path): cannot list: \(error.localizedDescription)")
        }
        var result: [String: URL] = [:]
        for name in names {
            guard let code = countryCode(fileName: name) else { continue }
            result[code] = folder.appendingPathComponent(name)
        }
        return result
    }

    /// `CN.yaml` → `CN`; nil for any other name.
    public static func countryCode(fileName: String) -> String? {
        let parts = fileName.split(separator: ".")
        guard parts.count == 2, parts[1] == "yaml" || parts[1] == "yml", parts[0].count == 2,
              parts[0].allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return parts[0].uppercased()
    }

    /// The countries with a calendar, sorted.
    public var countries: [String] { files.keys.sorted() }

    public func hasCalendar(country: String) -> Bool { files[country.uppercased()] != nil }

    // MARK: OccasionSource

    public func occasions(country: String, year: Int) throws -> [OccasionDate] {
        guard Self.supportedYears.contains(year) else {
            throw RapportError.usage("year \(year) is outside \(Self.supportedYears.lowerBound)–\(Self.supportedYears.upperBound), the years the calendars cover")
        }
        let code = country.uppercased()
        let cacheKey = "\(code)-\(year)"
        lock.lock()
        defer { lock.unlock() }
        if let cached = years[cacheKey] { return cached }
        let result = try calendarLocked(code).occasions(in: year)
        years[cacheKey] = result
        return result
    }

    /// The country's main locale (its file's `locale:`, else the config's default).
    public func locale(country: String) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        return try calendarLocked(country.uppercased()).locale
    }

    // MARK: Checking

    /// Every problem of every calendar file (shipped and user), each `FILE:LINE: …`;
    /// empty when all are good.
    public func problems() -> [String] {
        var problems: [String] = []
        for code in countries {
            do {
                _ = try {
                    lock.lock()
                    defer { lock.unlock() }
                    return try calendarLocked(code)
                }()
            } catch let error as RapportError {
                problems += error.message.split(separator: "\n").map(String.init)
            } catch {
                problems.append("\(code): \(error)")
            }
        }
        return problems
    }

    // MARK: Reading

    private func calendarLocked(_ code: String) throws -> CountryCalendar {
        if let cached = calendars[code] { return try cached.get() }
        guard let sources = files[code] else {
            let known = countries.joined(separator: ", ")
            throw RapportError.usage("no holiday calendar for country '\(code)' (known: \(known.isEmpty ? "none" : known))")
        }
        let result: Result<CountryCalendar, RapportError>
        do {
            let shipped = try sources.shipped.map { try read($0) }
            let user = try sources.user.map { try read($0) }
            result = CountryCalendar.resolve(country: code, shipped: shipped, user: user, config: config)
        } catch let error as RapportError {
            result = .failure(error)
        }
        calendars[code] = result
        return try result.get()
    }

    private func read(_ url: URL) throws -> HolidayFile {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RapportError.io("\(url.path): cannot read: \(error.localizedDescription)")
        }
        return HolidayFile.parse(text, path: url.path, tiers: config.tiers)
    }
}
