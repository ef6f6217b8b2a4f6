/// The 24 solar terms (节气), numbered from Lichun (立春, the sun at 315°) as the 1st;
/// Qingming (清明) is the 5th. Each falls once in every Gregorian year, on the day the
/// Sun's apparent longitude crosses its multiple of 15° at the calendar's meridian.
public enum SolarTerm: Int, CaseIterable, Sendable {
    case lichun = 1, yushui, jingzhe, chunfen, qingming, guyu
    case lixia, xiaoman, mangzhong, xiazhi, xiaoshu, dashu
    case liqiu, chushu, bailu, qiufen, hanlu, shuangjiang
    case lidong, xiaoxue, daxue, dongzhi, xiaohan, dahan

    /// The Sun's apparent longitude at the term, degrees.
    public var longitude: Double { Double((315 + 15 * (rawValue - 1)) % 360) }

    /// Lower-case pinyin, as calendar files name the term (`qingming`).
    public var key: String { String(describing: self) }

    /// Simplified and traditional Chinese names, in term order.
    static let simplified = ["立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至", "小暑", "大暑",
                             "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至", "小寒", "大寒"]
    static let traditional = ["立春", "雨水", "驚蟄", "春分", "清明", "穀雨", "立夏", "小滿", "芒種", "夏至", "小暑", "大暑",
                              "立秋", "處暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至", "小寒", "大寒"]

    public var chineseName: String { Self.simplified[rawValue - 1] }

    /// A term by its pinyin key (`qingming`, also `qing-ming`), its Chinese name
    /// (清明), or its number (`5`).
    public init?(name: String) {
        let folded = name.lowercased().replacingOccurrences(of: "-", with: "")
        if let term = Self.allCases.first(where: { $0.key == folded }) {
            self = term
        } else if let index = Self.simplified.firstIndex(of: name) ?? Self.traditional.firstIndex(of: name) {
            self.init(rawValue: index + 1)
        } else if let number = Int(name), let term = SolarTerm(rawValue: number) {
            self = term
        } else {
            return nil
        }
    }
}
