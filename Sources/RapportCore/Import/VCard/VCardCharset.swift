/// The character sets a vCard value may be in (its CHARSET parameter, vCard 2.1/3.0):
/// UTF-8 (and US-ASCII, its subset), the Chinese GB family — GB2312 and GBK are subsets of
/// GB18030, so all three are decoded as GB18030 by the CSV import's decoder — and
/// ISO-8859-1. Others (Big5, Shift_JIS, …) are refused by name.
enum VCardCharset: Equatable {
    case utf8, gb18030, latin1

    init?(name: String) {
        switch name.uppercased() {
        case "UTF-8", "UTF8", "US-ASCII", "ASCII": self = .utf8
        case "GB2312", "GBK", "GB18030", "CP936", "EUC-CN", "X-GBK", "WINDOWS-936": self = .gb18030
        case "ISO-8859-1", "ISO8859-1", "LATIN1": self = .latin1
        default: return nil
        }
    }

    init(_ encoding: ImportEncoding) {
        switch encoding {
        case .utf8: self = .utf8
        case .gb18030: self = .gb18030
        }
    }

    static let supportedNames = "UTF-8, GB2312, GBK, GB18030, ISO-8859-1"

    /// The text, or nil when the bytes are not text in this charset.
    func decode(_ bytes: [UInt8]) -> String? {
        switch self {
        case .utf8:
            return String(validating: bytes, as: UTF8.self)
        case .latin1:
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case .gb18030:
            guard let source = try? GB18030ByteSource(wrapping: MemoryByteSource(bytes)) else { return nil }
            var utf8: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4_096)
            while true {
                let count: Int
                do {
                    count = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, capacity: $0.count) }
                } catch {
                    return nil
                }
                if count == 0 { break }
                utf8 += chunk[..<count]
            }
            return String(decoding: utf8, as: UTF8.self)
        }
    }

    var name: String {
        switch self {
        case .utf8: return "UTF-8"
        case .gb18030: return "GB18030"
        case .latin1: return "ISO-8859-1"
        }
    }
}
