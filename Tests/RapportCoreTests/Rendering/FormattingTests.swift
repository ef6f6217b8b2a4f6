import Testing
@testable import RapportCore

@Suite struct FormattingTests {
    func money(_ minor: Int64, _ currency: String, _ locale: String) -> String {
        MoneyFormat.format(Money(minor: minor, currency: currency), locale: locale)
    }

    @Test func yuan() {
        #expect(money(10_000_000, "CNY", "zh-CN") == "¥100,000.00")
        #expect(money(10_000_000, "CNY", "en") == "CN¥100,000.00")
        #expect(money(10_000_000, "CNY", "zh-HK") == "CN¥100,000.00")
        #expect(money(5, "CNY", "zh-CN") == "¥0.05")
        #expect(money(0, "CNY", "zh-CN") == "¥0.00")
    }

    @Test func dollars() {
        #expect(money(125_050, "USD", "en") == "$1,250.50")
        #expect(money(125_050, "USD", "en-US") == "$1,250.50")
        #expect(money(125_050, "USD", "zh-CN") == "US$1,250.50")
        #expect(money(125_050, "USD", "en-GB") == "US$1,250.50")
        #expect(money(99_999_999_999, "HKD", "zh-HK") == "HK$999,999,999.99")
    }

    @Test func yenHasNoDecimals() {
        #expect(money(1_250, "JPY", "ja") == "¥1,250")
        #expect(money(1_250, "JPY", "en") == "JP¥1,250")
        #expect(money(1_250, "JPY", "zh-CN") == "JP¥1,250")
        #expect(money(999, "JPY", "en") == "JP¥999")
        #expect(money(1_000, "JPY", "en") == "JP¥1,000")
    }

    @Test func euroAndOthers() {
        #expect(money(125_050, "EUR", "en") == "€1,250.50")
        #expect(money(125_050, "EUR", "de") == "1.250,50 €")
        #expect(money(123_456, "CHF", "en") == "CHF 1,234.56")
        #expect(money(123_456, "SEK", "en") == "SEK 1,234.56")
        #expect(money(1_234_567, "KWD", "en") == "KWD 1,234.567")
        #expect(money(10_000_000, "CNY", "ja") == "CN¥100,000.00")
        #expect(money(10_000_000, "CNY", "de") == "100.000,00 CN¥")
        #expect(money(1_250, "JPY", "de") == "1.250 JP¥")
        #expect(money(123_456, "CHF", "de") == "1.234,56 CHF")
        #expect(money(123_456, "EUR", "zh-CN") == "€1,234.56")
    }

    @Test func negativeAmounts() {
        #expect(money(-1_230, "CNY", "zh-CN") == "-¥12.30")
        #expect(money(-125_050, "USD", "en") == "-$1,250.50")
        #expect(money(Int64.min, "USD", "en") == "-$92,233,720,368,547,758.08")
    }

    @Test func totalsInSeveralCurrencies() {
        #expect(MoneyFormat.formatTotals(["USD": 50_000, "CNY": 1_000_000], locale: "zh-CN") == "¥10,000.00 + US$500.00")
    }

    @Test func dates() {
        let day = CivilDate("2026-09-04")!
        #expect(DateFormat.format(day, locale: "zh-CN") == "2026年9月4日")
        #expect(DateFormat.format(day, locale: "en") == "September 4, 2026")
        #expect(DateFormat.format(day, locale: "en-GB") == "4 September 2026")
        #expect(DateFormat.format(day, locale: "ko") == "2026년 9월 4일")
        #expect(DateFormat.format(day, locale: "vi") == "2026-09-04")
        #expect(DateFormat.format(day, locale: "de") == "4.9.2026")
        #expect(DateFormat.format(day, locale: "en-AU") == "4 September 2026")
    }
}
