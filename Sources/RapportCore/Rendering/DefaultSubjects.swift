/// The e-mail subject of a draft whose template has no `Subject:` line, per reason, in
/// Chinese for `zh*` locales and English otherwise. `{name}` is the occasion's or
/// event's name.
enum DefaultSubjects {
    static let chinese: [ReasonKind: String] = [
        .checkin: "近来可好", .holiday: "{name}问候", .gift: "{name}小礼", .event: "{name}祝福",
        .care: "问候", .collection: "付款提醒", .promise: "关于付款安排", .payer: "拜访请求",
    ]
    static let english: [ReasonKind: String] = [
        .checkin: "Checking in", .holiday: "{name} greetings", .gift: "A small gift for {name}",
        .event: "Best wishes: {name}", .care: "Thinking of you", .collection: "Payment reminder",
        .promise: "About the payment you scheduled", .payer: "Could we visit you?",
    ]

    static func subject(for reason: ReasonKind, locale: String, name: String?) -> String {
        let table = LocaleTag.language(locale) == "zh" ? chinese : english
        return (table[reason] ?? "").replacingAll("{name}", with: name ?? "").trimmingWhitespace()
    }
}
