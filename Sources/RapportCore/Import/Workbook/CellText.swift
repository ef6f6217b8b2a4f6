/// How a workbook cell becomes the text a CSV cell would hold, so the CSV validators read
/// both. Numbers are taken as the digits the file holds — never through a `Double` — and
/// dates stored as Excel serial numbers become `YYYY-MM-DD` in the date columns.
enum CellText {
    /// The XML text of a number (`1250.5`, `-3`, `1.2345E3`) as a plain decimal: the
    /// exponent applied by moving the point, leading zeros of the whole part and trailing
    /// zeros of the fraction dropped, and the point with them when no fraction is left
    /// (`1001`, not `1001.0`). nil when the text is not a number, or its exponent moves
    /// the point further than `maximumShift` places (a number no sales file holds).
    static func decimal(_ text: Bytes, into output: ByteStorage) -> Bool {
        var i = 0
        var negative = false
        if i < text.count, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        // The digits without the point, and how many of them stand before it.
        var digits: [UInt8] = []
        digits.reserveCapacity(text.count)
        var whole = 0
        var seenPoint = false
        while i < text.count {
            let byte = text[i]
            if byte >= 48, byte <= 57 {
                digits.append(byte)
                if !seenPoint { whole += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                break
            }
            i += 1
        }
        guard !digits.isEmpty else { return false }
        if i < text.count {
            guard text[i] == UInt8(ascii: "E") || text[i] == UInt8(ascii: "e") else { return false }
            i += 1
            var exponentNegative = false
            if i < text.count, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
                exponentNegative = text[i] == UInt8(ascii: "-")
                i += 1
            }
            var exponent = 0
            var exponentDigits = 0
            while i < text.count, text[i] >= 48, text[i] <= 57 {
                exponent = exponent * 10 + Int(text[i] - 48)
                exponentDigits += 1
                guard exponent <= maximumShift else { return false }
                i += 1
            }
            guard exponentDigits > 0, i == text.count else { return false }
            whole += exponentNegative ? -exponent : exponent
        }
        // Now the value is 0.digits × 10^whole; write it out.
        if digits.allSatisfy({ $0 == 48 }) {
            output.append(48)
            return true
        }
        if negative { output.append(UInt8(ascii: "-")) }
        var first = 0
        while first < digits.count - 1, first < whole - 1, digits[first] == 48 { first += 1 }
        var last = digits.count
        while last > max(whole, first), last > 0, digits[last - 1] == 48 { last -= 1 }
        if whole <= first {
            output.append(48)
        } else {
            for index in first..<whole { output.append(index < digits.count ? digits[index] : 48) }
        }
        let fractionStart = max(whole, 0)
        if last > fractionStart {
            output.append(UInt8(ascii: "."))
            for _ in 0..<max(-whole, 0) { output.append(48) }
            for index in fractionStart..<last { output.append(digits[index]) }
        }
        return true
    }

    static let maximumShift = 30

    /// The date an Excel serial number stands for, or why it stands for none. The time of
    /// day in its fraction is dropped (a civil date has none).
    static func date(serial text: Bytes, system: DateSystem) -> Result<CivilDate, DateProblem> {
        let plain = ByteStorage(capacity: 32)
        guard decimal(text, into: plain) else { return .failure(.notANumber) }
        let bytes = plain.bytes
        guard bytes.first != UInt8(ascii: "-") else { return .failure(.negative) }
        var day = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") { break }
            day = day * 10 + Int(byte - 48)
            if day > 3_000_000 { return .failure(.pastYear9999) }
        }
        let date: CivilDate
        switch system {
        case .from1900:
            // Excel's day 60 is 29 February 1900, a day that never was (it took 1900 for a
            // leap year, as Lotus 1-2-3 did); the days before it are one off the real count.
            if day == 0 { return .failure(.dayZero) }
            if day == 60 { return .failure(.february29of1900) }
            date = epoch1900.adding(days: day < 60 ? day : day - 1)
        case .from1904:
            date = epoch1904.adding(days: day)
        }
        guard date.year <= 9999 else { return .failure(.pastYear9999) }
        return .success(date)
    }

    /// Writes `YYYY-MM-DD`.
    static func append(_ date: CivilDate, to output: ByteStorage) {
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                output.append(UInt8(48 + (value / divisor) % 10))
                divisor /= 10
            }
        }
        digits(date.year, 4)
        output.append(UInt8(ascii: "-"))
        digits(date.month, 2)
        output.append(UInt8(ascii: "-"))
        digits(date.day, 2)
    }

    private static let epoch1900 = CivilDate(year: 1899, month: 12, day: 31)!
    private static let epoch1904 = CivilDate(year: 1904, month: 1, day: 1)!

    /// The `YYYY-MM-DD` at the start of an ISO 8601 date cell (`t="d"`: `2026-11-20` or
    /// `2026-11-20T09:30:00Z`), or nil.
    static func isoDate(_ text: Bytes) -> Bytes? {
        guard text.count >= 10, text.count == 10 || text[10] == UInt8(ascii: "T") else { return nil }
        return Bytes(rebasing: text[0..<10])
    }

    /// Decodes the `_xHHHH_` escapes Office writes for characters XML cannot hold (`_x000D_`
    /// for CR; `_x005F_` for an underscore that would otherwise start one), in place;
    /// returns the new count. A pair of escaped surrogates is one character; an escape
    /// that is not one stays as written.
    static func unescape(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var read = 0
        var write = 0
        func escape(at offset: Int) -> UInt32? {
            guard offset + 7 <= count, bytes[offset] == UInt8(ascii: "_"), bytes[offset + 1] == UInt8(ascii: "x"),
                  bytes[offset + 6] == UInt8(ascii: "_") else { return nil }
            var value: UInt32 = 0
            for k in 2..<6 {
                guard let digit = hexValue(bytes[offset + k]) else { return nil }
                value = value << 4 | digit
            }
            return value
        }
        while read < count {
            if bytes[read] == UInt8(ascii: "_"), var unit = escape(at: read) {
                var length = 7
                if (0xD800...0xDBFF).contains(unit), let low = escape(at: read + 7), (0xDC00...0xDFFF).contains(low) {
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    length = 14
                }
                if let scalar = Unicode.Scalar(unit) {
                    for byte in UTF8.encode(scalar)! {
                        bytes[write] = byte
                        write += 1
                    }
                    read += length
                    continue
                }
            }
            bytes[write] = bytes[read]
            write += 1
            read += 1
        }
        return write
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 48...57: return UInt32(byte - 48)
        case 65...70: return UInt32(byte - 55)
        case 97...102: return UInt32(byte - 87)
        default: return nil
        }
    }
}

/// Which day an Excel serial number counts from: 1900 (Excel's default; day 1 is
/// 1900-01-01) or 1904 (`<workbookPr date1904="1"/>`, old Mac Excel; day 0 is 1904-01-01).
enum DateSystem: Sendable {
    case from1900, from1904
}

/// Why a serial number in a date column is no date.
enum DateProblem: Error, Equatable {
    case notANumber, negative, dayZero, february29of1900, pastYear9999

    func reason(_ text: String) -> String {
        switch self {
        case .notANumber: return "'\(text)' is stored as a number but is not one"
        case .negative: return "the date serial number \(text) is negative, so no date"
        case .dayZero: return "the date serial number 0 is no date (Excel shows it as 1900-01-00)"
        case .february29of1900:
            return "the date serial number 60 is 1900-02-29, a day that never was (Excel counts 1900 as a leap year); write the date as text"
        case .pastYear9999: return "the date serial number \(text) is past 9999-12-31"
        }
    }
}
