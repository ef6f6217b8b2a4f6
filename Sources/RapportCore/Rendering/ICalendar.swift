/// An RFC 5545 calendar of the agenda: one all-day VEVENT per item, with a UID made of the
/// date and the account key so a re-export updates the events it made instead of adding
/// copies. Lines end in CRLF and are folded at 75 octets without splitting a UTF-8
/// character; TEXT values escape `\`, `;`, `,` and newlines.
public enum ICalendar {
    public struct Event: Sendable, Hashable {
        public var date: CivilDate
        public var account: String
        public var summary: String
        public var description: String

        public init(date: CivilDate, account: String, summary: String, description: String) {
            self.date = date
            self.account = account
            self.summary = summary
            self.description = description
        }

        /// `20261123-HD-MACH@rapport`: stable across exports. Characters outside
        /// `A-Z a-z 0-9 - _ .` are written as `=XX` per UTF-8 byte so any key stays a safe token.
        public var uid: String {
            var key = ""
            for byte in account.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                    key.unicodeScalars.append(Unicode.Scalar(byte))
                default:
                    let hex = String(byte, radix: 16, uppercase: true)
                    key += "=" + (hex.count == 1 ? "0" : "") + hex
                }
            }
            return ICalendar.basic(date) + "-" + key + "@rapport"
        }
    }

    /// The calendar text. `stamp` is the export time in UTC as `YYYYMMDDTHHMMSSZ` (DTSTAMP).
    public static func render(_ events: [Event], stamp: String) -> String {
        header + events.map { vevent($0, stamp: stamp) }.joined() + footer
    }

    /// The calendar's opening lines, each ended by CRLF: `header`, each `vevent`, then
    /// `footer` is `render`'s text, so a long calendar can be written event by event.
    public static let header = lines([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Rapport//Agenda//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        "X-WR-CALNAME:Rapport agenda",
    ])

    public static let footer = lines(["END:VCALENDAR"])

    /// One event's lines, folded, each ended by CRLF.
    public static func vevent(_ event: Event, stamp: String) -> String {
        lines([
            "BEGIN:VEVENT",
            "UID:" + escape(event.uid),
            "DTSTAMP:" + stamp,
            "DTSTART;VALUE=DATE:" + basic(event.date),
            "DTEND;VALUE=DATE:" + basic(event.date.adding(days: 1)),
            "SUMMARY:" + escape(event.summary),
            "DESCRIPTION:" + escape(event.description),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ])
    }

    private static func lines(_ contentLines: [String]) -> String {
        contentLines.map { fold($0) + "\r\n" }.joined()
    }

    /// TEXT escaping (RFC 5545 §3.3.11).
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds a content line into lines of at most 75 octets; each continuation starts with
    /// one space (which counts toward its 75). Breaks fall between Unicode scalars, never
    /// inside a UTF-8 sequence.
    public static func fold(_ line: String) -> String {
        var result = ""
        var width = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if width + size > 75 {
                result += "\r\n "
                width = 1
            }
            result.unicodeScalars.append(scalar)
            width += size
        }
        return result
    }

    /// `YYYYMMDD`.
    static func basic(_ date: CivilDate) -> String {
        date.description.replacingOccurrences(of: "-", with: "")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
