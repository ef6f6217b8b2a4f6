/// The clock whose midnight divides the days of a lunisolar calendar. A month begins on
/// the day of the new moon and a solar term falls on a day *at this meridian*, which is
/// why Korea (UTC+9) and Vietnam (UTC+7) sometimes start a month, or a year, a day away
/// from China (UTC+8): Tết 1985 fell on 21 January, Chinese New Year on 20 February.
public struct LunarMeridian: Hashable, Sendable, CustomStringConvertible {
    /// From `firstDay` (a `CivilDate` day number) on, days are counted at `offsetSeconds` east of Greenwich.
    public struct Era: Hashable, Sendable {
        public let firstDay: Int
        public let offsetSeconds: Int
    }

    public let name: String
    /// In date order; the first era applies to all earlier days too.
    public let eras: [Era]

    public init(name: String, eras: [Era]) {
        precondition(!eras.isEmpty, "a meridian needs at least one era")
        self.name = name
        self.eras = eras
    }

    public init(name: String, offsetSeconds: Int) {
        self.init(name: name, eras: [Era(firstDay: Int.min, offsetSeconds: offsetSeconds)])
    }

    /// Offset east of Greenwich in force on the civil day `dayNumber`.
    public func offsetSeconds(dayNumber: Int) -> Int {
        var offset = eras[0].offsetSeconds
        for era in eras where era.firstDay <= dayNumber { offset = era.offsetSeconds }
        return offset
    }

    public var description: String { name }

    /// Beijing observatory's local mean time, 116°25′ E = UTC+7:45:40.
    static let beijingMeanTime = 7 * 3600 + 45 * 60 + 40

    /// China: UTC+8 (120° E) since 1929; before that the calendar was reckoned at
    /// Beijing local mean time, as the Hong Kong Observatory's tables show (1914, 1916
    /// and 1920 start a month a day earlier than UTC+8 would).
    public static let china = LunarMeridian(name: "China (UTC+8)", eras: [
        Era(firstDay: Int.min, offsetSeconds: beijingMeanTime),
        Era(firstDay: CivilDate.dayNumber(year: 1929, month: 1, day: 1), offsetSeconds: 8 * 3600),
    ])

    /// Korea: UTC+9 (135° E) from 1912, when Korea took up that standard time; until
    /// then Korea kept the Chinese calendar (KASI's tables equal the Chinese ones there).
    public static let korea = LunarMeridian(name: "Korea (UTC+9)", eras: [
        Era(firstDay: Int.min, offsetSeconds: beijingMeanTime),
        Era(firstDay: CivilDate.dayNumber(year: 1912, month: 1, day: 1), offsetSeconds: 9 * 3600),
    ])

    /// Vietnam: UTC+7 (105° E) for every year, as Vietnamese calendars are computed.
    public static let vietnam = LunarMeridian(name: "Vietnam (UTC+7)", offsetSeconds: 7 * 3600)

    /// Japan: UTC+9 (JST), the clock of its equinox holidays.
    public static let japan = LunarMeridian(name: "Japan (UTC+9)", offsetSeconds: 9 * 3600)
}
