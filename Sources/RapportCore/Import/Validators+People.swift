/// Reps, accounts and contacts: the keyed kinds that say who is who.

struct RepValidator: RowValidator {
    private let context: ValidationContext
    private let handle, name, email, phone, manager: Cell
    private var handles: FileKeys
    /// Managers not yet known when their line was read: checked against the whole file.
    private var pendingManagers: [(line: Int, handle: String)] = []

    init(context: ValidationContext) {
        self.context = context
        let header = context.header
        handles = FileKeys(expecting: context.estimatedRows)
        (handle, name, email, phone, manager) = (header.cell("handle"), header.cell("name"), header.cell("email"),
                                                 header.cell("phone"), header.cell("manager"))
    }

    var updatedColumns: Set<String> { context.header.presentColumns }

    mutating func validate(_ fields: RecordFields) throws -> RepRow? {
        let handle = fields.key(self.handle)
        if let handle, !handles.claim(handle, label: "rep", self.handle, fields) { return nil }
        let name = fields.text(self.name)
        let email = fields.email(self.email)
        let phone = fields.text(self.phone)
        let manager = fields.key(self.manager)
        if let manager {
            if let handle, manager.elementsEqual(handle) {
                fields.fail(self.manager, "a rep cannot be their own manager")
            } else if try context.keys.rep(manager) == nil, !handles.contains(manager) {
                pendingManagers.append((fields.line, manager.text))
            }
        }
        guard let handle, let name else { return nil }
        return RepRow(handle: .bytes(handle), name: name, email: email.map { .bytes($0) }, phone: phone,
                      manager: manager.map { .bytes($0) })
    }

    mutating func finish() throws {
        for (line, handle) in pendingManagers where !handles.contains(handle) {
            let hint = try context.resolver.hint(for: handle, scope: "rep") { try context.keys.repHandles() + handles.lines.keys }
            context.problems.add(line: line, field: manager.name, "unknown rep '\(handle)'\(hint)")
        }
    }

    func isStored(_ row: RepRow) throws -> Bool { try row.handle.withBytes { try context.keys.rep($0) } != nil }
}

struct AccountValidator: RowValidator {
    private let context: ValidationContext
    private let key, name, tier, owner, country, region, locale, createdOn, status: Cell
    private let tiers: Choices<String>
    private let statuses = Choices(AccountStatus.self)
    private var keys: FileKeys

    init(context: ValidationContext) {
        self.context = context
        let header = context.header
        keys = FileKeys(expecting: context.estimatedRows)
        (key, name, tier, owner, country) = (header.cell("key"), header.cell("name"), header.cell("tier"),
                                             header.cell("owner"), header.cell("country"))
        (region, locale, createdOn, status) = (header.cell("region"), header.cell("locale"), header.cell("created_on"),
                                               header.cell("status"))
        tiers = Choices(names: context.config.tiers)
    }

    var updatedColumns: Set<String> { context.header.presentColumns }

    mutating func validate(_ fields: RecordFields) throws -> AccountRow? {
        let key = fields.key(self.key)
        if let key, !keys.claim(key, label: "account", self.key, fields) { return nil }
        let name = fields.text(self.name)
        let tier = fields.choice(tiers, self.tier)
        let ownerID = try fields.key(owner).flatMap { try context.resolver.rep($0, owner, fields) }
        let country = fields.country(self.country)
        let region = fields.text(self.region)
        let locale = fields.locale(self.locale)
        let createdOn = fields.date(self.createdOn)
        let status = fields.choice(statuses, self.status, default: AccountStatus.active.rawValue)
        guard let key, let name, let tier, let ownerID, let country, let createdOn, let status else { return nil }
        return AccountRow(
            key: .bytes(key), name: name, tier: tier.bound, ownerID: ownerID, country: .bytes(country), region: region,
            locale: locale.map { .bytes($0) }, createdOn: createdOn.bound, status: status.bound)
    }

    func isStored(_ row: AccountRow) throws -> Bool { try row.key.withBytes { try context.keys.account($0) } != nil }
}

struct ContactValidator: RowValidator {
    private let context: ValidationContext
    private let key, account, name, salutation, title, role, status, phone, email, chat, channel, locale, birthday,
        birthdayCalendar: Cell
    private let roles = Choices(ContactRole.self)
    private let statuses = Choices(ContactStatus.self)
    private let channels = Choices(Channel.self)
    private let calendars = Choices(CalendarKind.self)
    private var keys: FileKeys

    init(context: ValidationContext) {
        self.context = context
        let header = context.header
        keys = FileKeys(expecting: context.estimatedRows)
        (key, account, name, salutation, title) = (header.cell("key"), header.cell("account"), header.cell("name"),
                                                    header.cell("salutation"), header.cell("title"))
        (role, status, phone, email, chat) = (header.cell("role"), header.cell("status"), header.cell("phone"),
                                              header.cell("email"), header.cell("chat"))
        (channel, locale, birthday, birthdayCalendar) = (header.cell("channel"), header.cell("locale"),
                                                         header.cell("birthday"), header.cell("birthday_calendar"))
    }

    /// A new birthday brings its calendar (how to read it), even from a file without that column.
    var updatedColumns: Set<String> {
        var columns = context.header.presentColumns
        if columns.contains("birthday") { columns.insert("birthday_calendar") }
        return columns
    }

    mutating func validate(_ fields: RecordFields) throws -> ContactRow? {
        let key = fields.key(self.key)
        if let key, !keys.claim(key, label: "contact", self.key, fields) { return nil }
        let accountID = try fields.key(account).flatMap { try context.resolver.account($0, account, fields) }
        let name = fields.text(self.name)
        let salutation = fields.text(self.salutation)
        let title = fields.text(self.title)
        let role = fields.choice(roles, self.role)
        let status = fields.choice(statuses, self.status, default: ContactStatus.current.rawValue)
        let phone = fields.text(self.phone)
        let email = fields.email(self.email)
        let chat = fields.text(self.chat)
        let channel = fields.choice(channels, self.channel)
        let locale = fields.locale(self.locale)
        let calendar = fields.choice(calendars, birthdayCalendar, default: CalendarKind.gregorian.rawValue)
        var birthday: RecurringDate?
        if let calendar, let text = fields.token(self.birthday)?.text {
            birthday = RecurringDate(text, calendar: calendar.value)
            if birthday == nil {
                fields.fail(self.birthday, calendar.value == .chinese
                    ? "'\(text)' is not a lunar month-day as MM-DD, or LMM-DD for a leap month"
                    : "'\(text)' is not a birthday as MM-DD or YYYY-MM-DD")
            }
        }
        guard let key, let accountID, let name, let status, let calendar else { return nil }
        return ContactRow(
            key: .bytes(key), accountID: accountID, name: name, salutation: salutation, title: title, role: role?.bound,
            status: status.bound, phone: phone, email: email.map { .bytes($0) }, chat: chat, channel: channel?.bound,
            locale: locale.map { .bytes($0) }, birthday: birthday.map { .string($0.description) },
            birthdayCalendar: calendar.bound)
    }

    func isStored(_ row: ContactRow) throws -> Bool { try row.key.withBytes { try context.keys.contact($0) } != nil }
}
