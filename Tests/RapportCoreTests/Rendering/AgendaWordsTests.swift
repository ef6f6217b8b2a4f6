import Testing
@testable import RapportCore

@Suite struct AgendaWordsTests {
    static let today = CivilDate(year: 2026, month: 9, day: 23)!

    @Test func holidayAndBirthdayRelativeToToday() {
        var holiday = Reason(kind: .holiday, dueOn: Self.today.adding(days: 2), occasion: "mid-autumn")
        holiday.occasionName = "Mid-Autumn"
        #expect(AgendaWords.phrase(holiday, on: Self.today, daysSinceTouch: nil) == "Mid-Autumn in 2 days")
        var birthday = Reason(kind: .event, dueOn: Self.today.adding(days: 1), title: "birthday", contact: "li")
        birthday.contactName = "李明"
        #expect(AgendaWords.phrase(birthday, on: Self.today, daysSinceTouch: nil) == "李明's birthday tomorrow")
    }

    @Test func invoiceOverdueWithAmount() {
        let invoice = Invoice(number: "INV-1042", account: "A", issuedOn: Self.today, dueOn: Self.today.adding(days: -45),
                              amount: Money(minor: 100_000_00, currency: "CNY"))
        let reason = Reason(kind: .collection, dueOn: Self.today, level: .escalation,
                            invoices: [OpenInvoice(invoice: invoice, balance: 100_000_00, daysOverdue: 45)])
        #expect(AgendaWords.phrase(reason, on: Self.today, daysSinceTouch: 3) == "escalation: invoice INV-1042 45 days overdue, ¥100,000.00")
    }

    @Test func checkinWordsAndAmounts() {
        let checkin = Reason(kind: .checkin, dueOn: Self.today, cadenceDays: 30)
        #expect(AgendaWords.phrase(checkin, on: Self.today, daysSinceTouch: 47) == "no touch for 47 days (cadence 30)")
        #expect(AgendaWords.phrase(checkin, on: Self.today, daysSinceTouch: nil) == "never touched (cadence 30)")
        #expect(AgendaWords.amount(123_456_789, currency: "USD") == "US$1,234,567.89")
        #expect(AgendaWords.amount(1_000_000, currency: "KRW") == "₩1,000,000")
        #expect(AgendaWords.amount(-1_230, currency: "CHF") == "-CHF 12.30")
        #expect(AgendaWords.amount(5, currency: "EUR") == "€0.05")
    }
}
