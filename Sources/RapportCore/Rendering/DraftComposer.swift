/// Turns agenda items into drafts: for each reason, its recipients; for each recipient,
/// the template found along the chain (locale → name → user before shipped), rendered
/// with the context of that reason. Reads template files (cached by the library); no
/// database access — the data comes in `DraftData`.
public struct DraftComposer {
    public let library: TemplateLibrary
    public let data: DraftData
    public let rules: SalutationRules
    public let occasions: OccasionCatalog
    public let defaultLocale: String
    private let localeChains = LocaleChainCache()

    public init(
        library: TemplateLibrary, data: DraftData, rules: SalutationRules, occasions: OccasionCatalog,
        defaultLocale: String
    ) {
        self.library = library
        self.data = data
        self.rules = rules
        self.occasions = occasions
        self.defaultLocale = defaultLocale
    }

    /// The drafts of `items`, in item order, then reason order, then contact order.
    public func drafts(for items: [AgendaItem]) throws -> [Draft] {
        var drafts: [Draft] = []
        for item in items {
            for reason in item.reasons {
                drafts += try self.drafts(for: reason, of: item)
            }
        }
        return drafts
    }

    public func drafts(for reason: Reason, of item: AgendaItem) throws -> [Draft] {
        let account = data.accounts[item.account]
        let contacts = data.contacts[item.account] ?? []
        let rep = data.reps[item.rep] ?? Rep(handle: item.rep, name: item.rep)
        let occasion = try occasionEntry(reason, account: account)
        let eventKind = eventKind(reason, account: item.account)
        var variants: [String] = []
        switch reason.kind {
        case .holiday, .gift:
            variants = [reason.occasion, occasion?.template].compactMap { $0 }
        case .event, .care:
            variants = eventKind.map { [$0.rawValue] } ?? []
        case .collection:
            variants = reason.level.map { [$0.rawValue] } ?? []
        case .checkin, .promise, .payer:
            break
        }

        return try Recipients.choose(for: reason, among: contacts, eventKind: eventKind).map { contact in
            let channel = Recipients.channel(for: contact)
            let names = TemplateName.chain(reason: reason.kind, variants: variants, channel: channel)
            let locales = localeChains.chain(contact: contact?.locale, account: account?.locale, defaultLocale: defaultLocale)
            guard let entry = library.resolve(names: names, locales: locales) else {
                throw RapportError.noInput(
                    "no template for \(names.first?.description ?? reason.kind.rawValue) in locales "
                        + "\(locales.joined(separator: ", ")) (tried \(names.map(\.description).joined(separator: ", ")) in "
                        + "\(library.folders.map(\.url.path).joined(separator: ", ")))")
            }
            let template = try library.template(entry, reason: reason.kind)
            let locale = entry.locale
            let occasionName = reason.occasion.map { key in occasion?.name(locale: locale) ?? key }
            let eventTitle = displayTitle(reason, kind: eventKind, locale: locale)
            let context = DraftContext.make(DraftContext.Inputs(
                item: item, reason: reason,
                recipient: DraftContext.recipient(contact: contact, accountName: item.accountName, locale: locale, rules: rules),
                rep: rep, locale: locale, occasionName: occasionName, eventTitle: eventTitle))
            let rendered = template.render(context)
            let defaultSubject = DefaultSubjects.subject(for: reason.kind, locale: locale, name: occasionName ?? eventTitle)
            let subject = rendered.subject.isEmpty && channel == .email ? defaultSubject : rendered.subject
            return Draft(
                date: item.date, rep: item.rep, account: item.account, accountName: item.accountName,
                contact: contact?.key, to: contact?.name ?? item.accountName,
                address: Recipients.address(of: contact, on: channel), email: Recipients.nonEmpty(contact?.email),
                channel: channel, reason: reason.kind, occasion: reason.occasion, variant: variants.first,
                level: reason.kind == .collection ? reason.level : nil,
                event: reason.kind == .event || reason.kind == .care ? eventTitle : nil,
                locale: locale, template: entry.path, subject: subject, body: rendered.body, defaultSubject: defaultSubject)
        }
    }

    func occasionEntry(_ reason: Reason, account: Account?) throws -> OccasionDate? {
        guard let key = reason.occasion, let country = account?.country else { return nil }
        return try occasions.occasion(key: key, country: country, date: reason.occasionDate ?? reason.dueOn)
    }

    /// The kind of the event behind an event or care reason: the account's event with
    /// that title (and person); a contact's birthday field has no event row.
    func eventKind(_ reason: Reason, account: String) -> EventKind? {
        guard reason.kind == .event || reason.kind == .care else { return nil }
        let events = data.events[account] ?? []
        if let title = reason.title,
           let match = events.first(where: { $0.title == title && (reason.contact == nil || $0.contact == reason.contact) })
            ?? events.first(where: { $0.title == title }) {
            return match.kind
        }
        if reason.contact != nil, reason.title == nil || reason.title?.lowercased() == EventKind.birthday.rawValue {
            return .birthday
        }
        return nil
    }

    /// A contact's birthday (title "birthday") shows as the locale's word for it.
    func displayTitle(_ reason: Reason, kind: EventKind?, locale: String) -> String? {
        guard reason.kind == .event || reason.kind == .care else { return nil }
        if kind == .birthday, reason.title == nil || reason.title?.lowercased() == EventKind.birthday.rawValue {
            return LocaleTag.language(locale) == "zh" ? "生日" : "Birthday"
        }
        return reason.title
    }
}

/// The locale chain of each (contact locale, account locale) pair, computed once.
private final class LocaleChainCache {
    private struct Key: Hashable {
        var contact: String?
        var account: String?
    }
    private var chains: [Key: [String]] = [:]

    func chain(contact: String?, account: String?, defaultLocale: String) -> [String] {
        let key = Key(contact: contact, account: account)
        if let known = chains[key] { return known }
        let chain = LocaleTag.chain(contact: contact, account: account, defaultLocale: defaultLocale)
        chains[key] = chain
        return chain
    }
}
