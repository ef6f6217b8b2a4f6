/// Template file names: `<reason>[.<variant>][.<channel>].mustache`, where the variant is
/// the occasion (holiday, gift), the event kind (event, care) or the level (collection).
public struct TemplateName: Hashable, Sendable, CustomStringConvertible {
    public static let fileExtension = "mustache"

    public var reason: ReasonKind
    public var variant: String?
    public var channel: Channel?

    public init(reason: ReasonKind, variant: String? = nil, channel: Channel? = nil) {
        self.reason = reason
        self.variant = variant
        self.channel = channel
    }

    public var description: String {
        [reason.rawValue, variant, channel?.rawValue].compactMap { $0 }.joined(separator: ".")
    }

    public var fileName: String { description + "." + Self.fileExtension }

    /// The names to try, most specific first: for each variant its channel forms then the
    /// bare variant, then the reason's channel forms, then the reason alone —
    /// `holiday.mid-autumn.chat`, `holiday.mid-autumn`, `holiday.chat`, `holiday`.
    /// An SMS is as short as a chat message, so `sms` falls back to `chat` before the
    /// bare name: `holiday.sms`, `holiday.chat`, `holiday`.
    public static func chain(reason: ReasonKind, variants: [String], channel: Channel?) -> [TemplateName] {
        var names: [TemplateName] = []
        var seen = Set<TemplateName>()
        func add(_ name: TemplateName) { if seen.insert(name).inserted { names.append(name) } }
        let channels = channel.map(channelForms) ?? []
        for variant in variants where !variant.isEmpty {
            for channel in channels { add(TemplateName(reason: reason, variant: variant, channel: channel)) }
            add(TemplateName(reason: reason, variant: variant))
        }
        for channel in channels { add(TemplateName(reason: reason, channel: channel)) }
        add(TemplateName(reason: reason))
        return names
    }

    static func channelForms(_ channel: Channel) -> [Channel] {
        channel == .sms ? [.sms, .chat] : [channel]
    }

    /// Reads a file name (`holiday.mid-autumn.chat.mustache`); a second part that names a
    /// channel is the channel, anything else the variant.
    public static func parse(fileName: String) throws(TemplateProblem) -> TemplateName {
        let suffix = "." + fileExtension
        guard fileName.hasSuffix(suffix) else {
            throw TemplateProblem(line: 1, message: "a template file name ends with \(suffix)")
        }
        let parts = fileName.dropLast(suffix.count).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, let reason = ReasonKind(rawValue: first) else {
            let head = parts.first ?? ""
            let known = ReasonKind.allCases.map(\.rawValue)
            let hint = Suggestions.closest(to: head, among: known, limit: 1)
            throw TemplateProblem(
                line: 1,
                message: "'\(head)' is not a reason kind (\(hint.isEmpty ? "one of \(known.joined(separator: ", "))" : "did you mean \(Suggestions.list(hint))?"))")
        }
        func variant(_ text: String) throws(TemplateProblem) -> String {
            guard isValidVariant(text) else {
                throw TemplateProblem(line: 1, message: "'\(text)' in the file name is not a key (lower-case letters, digits, '-')")
            }
            return text
        }
        func channel(_ text: String) throws(TemplateProblem) -> Channel {
            guard let channel = Channel(rawValue: text) else {
                throw TemplateProblem(
                    line: 1, message: "'\(text)' is not a channel (one of \(Channel.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return channel
        }
        switch parts.count {
        case 1: return TemplateName(reason: reason)
        case 2:
            if let ch = Channel(rawValue: parts[1]) { return TemplateName(reason: reason, channel: ch) }
            return TemplateName(reason: reason, variant: try variant(parts[1]))
        case 3:
            return TemplateName(reason: reason, variant: try variant(parts[1]), channel: try channel(parts[2]))
        default:
            throw TemplateProblem(line: 1, message: "a template is named <reason>[.<variant>][.<channel>].\(fileExtension)")
        }
    }

    static func isValidVariant(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
