/// A BDAY date as the contact's `MM-DD` (the spec stores no birth year). Read: 4.0's
/// `--MMDD`, 3.0's `--MM-DD` (Google's and Apple's export without a year), `YYYYMMDD`,
/// `YYYY-MM-DD`, each optionally with a time after `T` (`1985-04-12T00:00:00Z`).
enum VCardBirthday {
    enum Failure: Error, Equatable {
        /// None of the forms, or a form without month and day (`--12`, `---24`, `1990`).
        case notADate
        /// The right form, but no such day in any year (`--0230`).
        case noSuchDay

        func reason(_ text: String) -> String {
            switch self {
            case .notADate: return "'\(text)' is not a birthday as YYYY-MM-DD, YYYYMMDD, --MM-DD or --MMDD"
            case .noSuchDay: return "'\(text)' is not a real month and day"
            }
        }
    }

    static func monthDay(_ text: String) throws(Failure) -> String {
        let date = Array((text.firstIndex { $0 == "T" || $0 == "t" }.map { text[..<$0] } ?? Substring(text)).utf8)
        let digits: ArraySlice<UInt8>
        switch date.count {
        case 6 where date.starts(with: dashes):                          // --MMDD
            digits = date[2...]
        case 7 where date.starts(with: dashes) && date[4] == dash:        // --MM-DD
            digits = date[2..<4] + date[5...]
        case 8:                                                           // YYYYMMDD
            digits = date[4...]
        case 10 where date[4] == dash && date[7] == dash && allDigits(date[..<4]):  // YYYY-MM-DD
            digits = date[5..<7] + date[8...]
        default:
            throw .notADate
        }
        guard digits.count == 4, allDigits(digits), date.count != 8 || allDigits(date[...]) else { throw .notADate }
        let monthDay = String(decoding: digits.prefix(2), as: UTF8.self) + "-" + String(decoding: digits.suffix(2), as: UTF8.self)
        guard RecurringDate(monthDay, calendar: .gregorian) != nil else { throw .noSuchDay }
        return monthDay
    }

    private static let dash = UInt8(ascii: "-")
    private static let dashes = [dash, dash]

    private static func allDigits(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
}
