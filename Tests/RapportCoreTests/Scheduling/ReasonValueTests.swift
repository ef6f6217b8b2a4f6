import Testing
@testable import RapportCore

/// `Reason` keeps its event and money fields in a shared box: it must still behave as a
/// plain value (equal when its fields are, copies independent).
@Suite struct ReasonValueTests {
    static let day = CivilDate(year: 2026, month: 11, day: 29)!
    static let invoice = OpenInvoice(
        invoice: Invoice(number: "INV-1", account: "A", issuedOn: day.adding(days: -60), dueOn: day.adding(days: -30),
                         amount: Money(minor: 100_00, currency: "CNY")),
        balance: 100_00, daysOverdue: 30)

    @Test func fieldsSetLaterEqualFieldsGivenAtInit() {
        let given = Reason(kind: .care, dueOn: Self.day, title: "flood", contact: "C1", invoices: [Self.invoice])
        var set = Reason(kind: .care, dueOn: Self.day)
        set.title = "flood"
        set.contact = "C1"
        set.invoices = [Self.invoice]
        #expect(set == given)
        #expect(set.hashValue == given.hashValue)
        #expect(set.title == "flood" && set.contact == "C1" && set.invoices == [Self.invoice] && set.promise == nil)
    }

    @Test func emptiedFieldsEqualAReasonThatNeverHadThem() {
        var reason = Reason(kind: .event, dueOn: Self.day, title: "birthday", contact: "C1")
        reason.contactName = "Li"
        #expect(reason != Reason(kind: .event, dueOn: Self.day))
        reason.title = nil
        reason.contact = nil
        reason.contactName = nil
        #expect(reason == Reason(kind: .event, dueOn: Self.day))
        #expect(reason.hashValue == Reason(kind: .event, dueOn: Self.day).hashValue)
    }

    @Test func copiesAreIndependent() {
        let promise = Promise(account: "A", invoice: "INV-1", promisedOn: Self.day, amount: Money(minor: 1, currency: "CNY"))
        let original = Reason(kind: .promise, dueOn: Self.day, invoices: [Self.invoice], promise: promise)
        var copy = original
        copy.invoices = []
        copy.contactName = "Wang"
        #expect(original.invoices == [Self.invoice])
        #expect(original.contactName == nil)
        #expect(copy.promise == promise)
        #expect(copy.invoices.isEmpty && copy.contactName == "Wang")
    }
}
