/// Reps, accounts and contacts: the keyed kinds that say who is who.

struct RepValidator: RowValidator {
    private let context: ValidationContext
    private let handle, name, email, phone, manager: Cell
    private var handles = FileKeys<String>()
    /// Managers not yet known when their line was read: checked against the whole file.
    private var pendingManagers: [(line: Int, handle: String)] = []

    init(context: ValidationContext) {
        self.context = context
        let header = context.header
        (handle, name, email, phone, manager) = (header.cell("handle"), header.cell("name"), header.cell("email"),
                                                 header.cell("phone"), header.cell("manager"))
    }

    mutating func validate(_ fields: RecordFields) -> RepRow? {
        let handle = fields.key(self.handle)
        if let handle, !handles.claim(handle, label: "rep '\(handle)'", self.handle, fields) { return nil }
        let name = fields.text(self.name)
        let email = fields.email(self.email)
        let phone = fields.text(self.phone)
        let manager = fields.key(self.manager)
        if let manager {
            if manager == handle {
                fields.fail(self.manager, "a rep cannot be their own manager")
            } else if context.keys.reps[manager] == nil, !handles.contains(manager) {
                pendingManagers.append((fields.line, manager))
            }
        }
        guard let handle, let name else { return nil }
        return RepRow(handle: handle, name: name, email: email, phone: phone, manager: manager)
    }

    mutating func finish() {
        for (line, handle) in pendingManagers where !handles.contains(handle) {
            let hint = context.resolver.hint(for: handle, scope: "rep") { Array(context.keys.reps.keys) + handles.lines.keys }
            context.problems.add(line: line, field: manager.name, "unknown rep '\(handle)'\(hint)")
        }
    }

    func write(_ row: RepRow, with writer: ImportWriter) throws -> ImportWriter.Outcome {
        try writer.write(row, exists: context.keys.reps[row.handle] != nil)
    }
}

struct AccountValidator: RowValidator {
    private let context: ValidationContext
    private let key, name, tier, owner, country, region, locale, createdOn, status: Cell
    private var keys = FileKeys<String>()

    init(context: ValidationContext) {
        self.context = context
        let header = context.header
        (key, name, tier, owner, country) = (header.cell("key"), header.cell("name"), header.cell("tier"),
                                             header.cell("owner"), header.cell("country"))
        (region, locale, createdOn, status) = (header.cell("region"), header.cell("locale"), header.cell("created_on"),
                                               header.cell("status"))
    }

    mutating func validate(_ fields: RecordFields) -> AccountRow? {
        let key = fields.key(self.key)
        if let key, !keys.claim(key, label: "account '\(key)'", self.key, fields) { return nil }
        let name = fields.text(self.name)
        let tier = fields.choice(among: context.config.tiers, self.tier)
        let ownerID = fields.key(owner).flatMap { context.resolver.rep($0, owner, fields) }
        let country = fields.country(self.country)
        let region = fields.text(self.region)
        let locale = fields.locale(self.locale)
        let createdOn = fields.date(self.createdOn)
        let status = fields.choice(AccountStatus.self, self.status)
        guard let key, let name, let tier, let ownerID, let country, let createdOn else { return nil }
        return AccountRow(
            key: key, name: name, tier: tier, ownerID: ownerID, country: country, region: region, locale: locale,
            createdOn: createdOn.text, status: (status ?? .active).rawValue)
    }

    func write(_ row: AccountRow, with writer: ImportWriter) throws -> ImportWriter.Outcome {
        try writer.write(row, exists: context.keys.accounts[row.key] != nil)
    }
}

struct ContactValidator: RowValidator {
    private let context: ValidationContext
    private let key, account, name, salutation, title, role, status, phone, email, chat, channel, locale, birthday,
        birthdayCalendar: Cell
    private var keys = FileKeys<String>()

    init(context: ValidationContext) {
        self.context = context
        let header = context.header
        (key, account, name, salutation, title) = (header.cell("key"), header.cell("account"), header.cell("name"),
                                                    header.cell("salutation"), header.cell("title"))
        (role, status, phone, email, chat) = (header.cell("role"), header.cell("status"), header.cell("phone"),
                                              header.cell("email"), header.cell("chat"))
        (channel, locale, birthday, birthdayCalendar) = (header.cell("channel"), header.cell("locale"),
                                                         header.cell("birthday"), header.cell("birthday_calendar"))
    }

    mutating func validate(_ fields: RecordFields) -> ContactRow? {
        let key = fields.key(self.key)
        if let key, !keys.claim(key, label: "contact '\(key)'", self.key, fields) { return nil }
        let accountID = fields.key(account).flatMap { context.resolver.account($0, account, fields) }
        let name = fields.text(self.name)
        let salutation = fields.text(self.salutation)
        let title = fields.text(self.title)
        let role = fields.choice(ContactRole.self, self.role)
        let status = fields.choice(ContactStatus.self, self.status)
        let phone = fields.text(self.phone)
        let email = fields.email(self.email)
        let chat = fields.text(self.chat)
        let channel = fields.choice(Channel.self, self.channel)
        let locale = fields.locale(self.locale)
        let calendar = fields.choice(CalendarKind.self, birthdayCalendar, default: .gregorian)
        var birthday: RecurringDate?
        if let calendar, let text = fields.token(self.birthday) {
            birthday = RecurringDate(text, calendar: calendar)
            if birthday == nil {
                fields.fail(self.birthday, calendar == .chinese
                    ? "'\(text)' is not a lunar month-day as MM-DD, or LMM-DD for a leap month"
                    : "'\(text)' is not a birthday as MM-DD or YYYY-MM-DD")
            }
        }
        guard let key, let accountID, let name else { return nil }
        return ContactRow(
            key: key, accountID: accountID, name: name, salutation: salutation, title: title, role: role?.rawValue,
            status: (status ?? .current).rawValue, phone: phone, email: email, chat: chat, channel: channel?.rawValue,
            locale: locale, birthday: birthday?.description, birthdayCalendar: (calendar ?? .gregorian).rawValue)
    }

    func write(_ row: ContactRow, with writer: ImportWriter) throws -> ImportWriter.Outcome {
        try writer.write(row, exists: context.keys.contacts[row.key] != nil)
    }
}
