/// A yearly date of the Hindu lunisolar calendar, as a calendar file's `hindu:` rule
/// gives it: `ashvina-amavasya at pradosh` (Diwali's Lakshmi Puja),
/// `phalguna-purnima at pradosh` (Holika Dahan), `bhadrapada-shukla-4` (Ganesh
/// Chaturthi), `adhika-shravana-purnima`.
///
/// Months are amanta (new moon to new moon) and named as amanta calendars name them:
/// the amavasya ending Ashvina is Diwali, which purnimanta (North Indian) calendars
/// call Kartika amavasya. See docs/calendars.md.
public struct HinduDate: Hashable, Sendable {
    /// The twelve amanta months; Chaitra is the month in which the Sun enters sidereal
    /// Aries (Mesha), and so on sign by sign.
    public enum Masa: Int, CaseIterable, Sendable {
        case chaitra = 1, vaishakha, jyeshtha, ashadha, shravana, bhadrapada
        case ashvina, kartika, margashirsha, pausha, magha, phalguna

        public var key: String { String(describing: self) }
    }

    /// When the tithi must prevail for the civil day to be its day.
    public enum Kaala: String, CaseIterable, Sendable {
        /// The tithi at sunrise names the day (udaya tithi), the general rule.
        case sunrise
        /// The tithi prevailing in pradosh kaal, the first fifth of the night after
        /// sunset: Lakshmi Puja, Holika Dahan.
        case pradosh
    }

    public var masa: Masa
    /// The adhika (leap) month of that name rather than the ordinary (nija) one.
    public var isAdhika: Bool
    /// 1–15 shukla paksha (15 = purnima), 16–30 krishna paksha (30 = amavasya).
    public var tithi: Int
    public var kaala: Kaala
    /// Holika Dahan's rule (`without bhadra`): when Bhadra (the karana Vishti, the
    /// first half of a purnima) lasts past the midnight after the chosen evening, the
    /// rite moves to the next evening.
    public var avoidsBhadra: Bool

    public init(masa: Masa, isAdhika: Bool = false, tithi: Int, kaala: Kaala = .sunrise, avoidsBhadra: Bool = false) {
        precondition((1...30).contains(tithi), "a tithi is 1…30")
        self.masa = masa
        self.isAdhika = isAdhika
        self.tithi = tithi
        self.kaala = kaala
        self.avoidsBhadra = avoidsBhadra
    }

    /// Reads `[adhika-]MASA-TITHI[ at sunrise|pradosh][ without bhadra]`, TITHI being `purnima`,
    /// `amavasya`, or `shukla-N` / `krishna-N` with N a number 1–15 or a tithi name
    /// (`pratipada` … `chaturdashi`). Common spellings of the months are accepted
    /// (`ashwin`, `kartik`, `phalgun`, `sravana`, …). Nil for anything else.
    public init?(_ text: String) {
        var words = text.lowercased().split(separator: " ").map(String.init)
        var kaala = Kaala.sunrise
        let avoidsBhadra = words.suffix(2) == ["without", "bhadra"]
        if avoidsBhadra { words.removeLast(2) }
        if words.count == 3, words[1] == "at", let named = Kaala(rawValue: words[2]) {
            kaala = named
            words.removeLast(2)
        }
        guard words.count == 1 else { return nil }
        var parts = words[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let isAdhika = parts.first == "adhika"
        if isAdhika { parts.removeFirst() }
        guard let first = parts.first, let masa = Self.masa(named: first) else { return nil }
        let rest = Array(parts.dropFirst())
        let tithi: Int
        switch rest.count {
        case 1 where rest[0] == "purnima" || rest[0] == "poornima" || rest[0] == "purnama": tithi = 15
        case 1 where rest[0] == "amavasya" || rest[0] == "amavasai": tithi = 30
        case 2:
            guard let day = Int(rest[1]) ?? Self.tithiNames.firstIndex(of: rest[1]).map({ $0 + 1 }),
                  (1...15).contains(day) else { return nil }
            switch rest[0] {
            case "shukla", "sukla": tithi = day
            case "krishna", "krsna", "vadi", "bahula": tithi = 15 + day
            default: return nil
            }
        default: return nil
        }
        self.init(masa: masa, isAdhika: isAdhika, tithi: tithi, kaala: kaala, avoidsBhadra: avoidsBhadra)
    }

    /// The fourteen tithi names of a paksha; the 15th is purnima or amavasya.
    static let tithiNames = ["pratipada", "dvitiya", "tritiya", "chaturthi", "panchami", "shashthi", "saptami",
                             "ashtami", "navami", "dashami", "ekadashi", "dvadashi", "trayodashi", "chaturdashi"]

    /// Other spellings of the month names met in Indian calendars and holiday lists.
    static let masaSpellings: [String: Masa] = [
        "chaitra": .chaitra, "chait": .chaitra,
        "vaishakha": .vaishakha, "vaisakha": .vaishakha, "vaishakh": .vaishakha, "baisakh": .vaishakha,
        "jyeshtha": .jyeshtha, "jyaistha": .jyeshtha, "jyeshta": .jyeshtha, "jeth": .jyeshtha,
        "ashadha": .ashadha, "asadha": .ashadha, "ashadh": .ashadha,
        "shravana": .shravana, "sravana": .shravana, "shravan": .shravana, "sawan": .shravana,
        "bhadrapada": .bhadrapada, "bhadra": .bhadrapada, "bhadon": .bhadrapada,
        "ashvina": .ashvina, "ashvin": .ashvina, "ashwin": .ashvina, "ashwina": .ashvina, "ashvija": .ashvina,
        "kartika": .kartika, "kartik": .kartika, "karthika": .kartika,
        "margashirsha": .margashirsha, "margashirsh": .margashirsha, "agrahayana": .margashirsha,
        "pausha": .pausha, "paush": .pausha, "pushya": .pausha,
        "magha": .magha, "magh": .magha,
        "phalguna": .phalguna, "phalgun": .phalguna, "falgun": .phalguna,
    ]

    static func masa(named name: String) -> Masa? { masaSpellings[name] }

    /// The rule written back in its canonical form.
    public var text: String {
        let day: String
        switch tithi {
        case 15: day = "purnima"
        case 30: day = "amavasya"
        case ...14: day = "shukla-\(tithi)"
        default: day = "krishna-\(tithi - 15)"
        }
        return (isAdhika ? "adhika-" : "") + masa.key + "-" + day + (kaala == .sunrise ? "" : " at \(kaala.rawValue)")
            + (avoidsBhadra ? " without bhadra" : "")
    }
}
