/// Invoices, payments and promises. Amounts are read in the currency they are owed in:
/// an invoice's own, a payment's invoice's, a promise's invoice's (or, for a promise that
/// names no invoice, the one currency of the account's invoices).

struct InvoiceValidator: RowValidator {
    private let context: ValidationContext
    private let number, account, issuedOn, dueOn, amount, currency: Cell
    private var numbers: FileKeys

    init(context: ValidationContext) {
        self.context = context
        let header = context.header
        numbers = FileKeys(expecting: context.estimatedRows)
        (number, account, issuedOn, dueOn, amount, currency) = (
            header.cell("number"), header.cell("account"), header.cell("issued_on"), header.cell("due_on"),
            header.cell("amount"), header.cell("currency"))
    }

    var updatedColumns: Set<String> { context.header.presentColumns }

    mutating func validate(_ fields: RecordFields) throws -> InvoiceRow? {
        let number = fields.key(self.number)
        if let number, !numbers.claim(number, label: "invoice", self.number, fields) { return nil }
        let accountID = try fields.key(account).flatMap { try context.resolver.account($0, account, fields) }
        let issuedOn = fields.date(self.issuedOn)
        let dueOn = fields.date(self.dueOn)
        if let issuedOn, let dueOn, dueOn.date < issuedOn.date {
            fields.fail(self.dueOn, "\(dueOn.date) is before issued_on \(issuedOn.date)")
        }
        let currency = fields.currency(self.currency)
        let amount = currency.flatMap { fields.amount(self.amount, currency: $0) }
        if let number, let currency, let stored = try context.keys.invoice(number), stored.currency != currency,
           try context.keys.invoiceHasPaymentsOrPromises(stored.id) {
            fields.fail(self.currency, "invoice \(number.text) has payments or promises in \(stored.currency); its currency cannot change to \(currency)")
        }
        guard let number, let accountID, let issuedOn, let dueOn, let amount, let currency else { return nil }
        return InvoiceRow(
            number: .bytes(number), accountID: accountID, issuedOn: issuedOn.bound, dueOn: dueOn.bound, amount: amount,
            currency: .string(currency))
    }

    func isStored(_ row: InvoiceRow) throws -> Bool { try row.number.withBytes { try context.keys.invoice($0) } != nil }
}

struct PaymentValidator: RowValidator {
    private let context: ValidationContext
    private let invoice, paidOn, amount: Cell

    init(context: ValidationContext) {
        self.context = context
        let header = context.header
        (invoice, paidOn, amount) = (header.cell("invoice"), header.cell("paid_on"), header.cell("amount"))
    }

    var updatedColumns: Set<String> { [] }

    func validate(_ fields: RecordFields) throws -> PaymentRow? {
        let invoice = try fields.key(self.invoice).flatMap { try context.resolver.invoice($0, self.invoice, fields) }
        let paidOn = fields.date(self.paidOn)
        let amount = invoice.flatMap { fields.amount(self.amount, currency: $0.currency) }
        guard let invoice, let paidOn, let amount else { return nil }
        return PaymentRow(invoiceID: invoice.id, paidOn: paidOn.bound, amount: amount)
    }
}

struct PromiseValidator: RowValidator {
    private let context: ValidationContext
    private let account, invoice, promisedOn, amount: Cell

    init(context: ValidationContext) {
        self.context = context
        let header = context.header
        (account, invoice, promisedOn, amount) = (header.cell("account"), header.cell("invoice"),
                                                  header.cell("promised_on"), header.cell("amount"))
    }

    var updatedColumns: Set<String> { [] }

    func validate(_ fields: RecordFields) throws -> PromiseRow? {
        let accountKey = fields.key(account)
        let accountID = try accountKey.flatMap { try context.resolver.account($0, account, fields) }
        let invoiceNumber = fields.key(self.invoice)
        var invoice = try invoiceNumber.flatMap { try context.resolver.invoice($0, self.invoice, fields) }
        if let found = invoice, let accountID, let accountKey, let invoiceNumber, found.accountID != accountID {
            fields.fail(self.invoice, "invoice \(invoiceNumber.text) belongs to account \(try context.keys.accountKey(found.accountID)), not \(accountKey.text)")
            invoice = nil
        }
        let promisedOn = fields.date(self.promisedOn)
        var currency: String?
        if let invoice {
            currency = invoice.currency
        } else if invoiceNumber == nil, let accountID, let accountKey {
            let currencies = try context.keys.currencies(ofAccount: accountID)
            if currencies.count == 1 {
                currency = currencies.first
            } else if currencies.isEmpty {
                fields.fail(amount, "account \(accountKey.text) has no invoices, so the promise's currency is unknown; name an invoice")
            } else {
                fields.fail(amount, "account \(accountKey.text) has invoices in \(currencies.sorted().joined(separator: " and ")); name the invoice the promise is for")
            }
        }
        let amount = currency.flatMap { fields.amount(self.amount, currency: $0) }
        guard let accountID, let promisedOn, let amount, let currency else { return nil }
        if invoiceNumber != nil, invoice == nil { return nil }
        return PromiseRow(
            accountID: accountID, invoiceID: invoice?.id, promisedOn: promisedOn.bound, amount: amount,
            currency: .string(currency))
    }
}
