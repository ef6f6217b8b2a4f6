import Foundation
import Testing
@testable import RapportCore

@Suite struct AuditHTMLPageTests {
    typealias F = AuditFixtures
    let march = F.period("2025-03-01", "2025-03-31")

    func page(policy: AuditPolicy? = nil) throws -> String {
        var hostile = F.account("EVIL\"><img src=x>", owner: "x<y", tier: "A")  // past cadence: listed by name
        hostile.name = "<script>alert('pwned')</script> & <a href=\"https://evil.example\">click</a>"
        let input = AuditInput(
            reps: [Rep(handle: "x<y", name: "<b>Bold</b>"), Rep(handle: "ann", name: "Ann")],
            accounts: [hostile, F.account("A1")],
            touches: [F.touch("A1", "2025-03-10")],
            invoices: [F.invoice("I1", issued: "2025-02-01", due: "2025-02-28", 1_000_000, "C<D")])
        return AuditHTMLPage.render(try F.report(input, march, policy: policy))
    }

    @Test func pageIsSelfContained() throws {
        let html = try page(policy: AuditPolicy(penaltyRate: F.rate("0.0001"), commissionRate: F.rate("0.03")))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.lowercased().contains("<script"))
        // Nothing is fetched: no URL in any src or href, no CSS import or url().
        for pattern in [#"(src|href)\s*=\s*["']?\s*[a-z]+:"#, #"url\("#, "@import", "<link", "<iframe", "<object"] {
            #expect(html.range(of: pattern, options: [.regularExpression, .caseInsensitive]) == nil, "found \(pattern)")
        }
        #expect(html.contains("<svg"))
        #expect(html.contains("@media print"))
        #expect(html.contains("<h2>Policy what-if</h2>"))
    }

    @Test func userTextIsEscapedEverywhere() throws {
        let html = try page()
        #expect(html.contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; &amp; &lt;a href=&quot;https://evil.example&quot;&gt;click&lt;/a&gt;"))
        #expect(html.contains("EVIL&quot;&gt;&lt;img src=x&gt;"))
        #expect(html.contains("x&lt;y"))  // a rep handle, in the table and the chart
        #expect(html.contains("&lt;b&gt;Bold&lt;/b&gt;"))
        #expect(html.contains("C&lt;D"))  // even a currency code
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>Bold"))
    }

    @Test func emptyAuditStillRendersAPage() throws {
        let html = AuditHTMLPage.render(try F.report(AuditInput(), march))
        #expect(html.contains("No reps."))
        #expect(html.contains("No invoices issued by the end of the period."))
        #expect(html.hasSuffix("</html>\n"))
        #expect(!html.contains("Policy what-if"))
    }

    @Test func escapeCoversTheFiveSpecialCharacters() {
        #expect(AuditHTMLPage.escape(#"<a href="x" title='y'>&</a>"#)
                == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(AuditHTMLPage.escape("华东机械") == "华东机械")
    }

    @Test func formattingIsLocaleFree() {
        #expect(AuditFormatting.grouped(123_456_789, currency: "CNY") == "1,234,567.89")
        #expect(AuditFormatting.grouped(-100_000, currency: "CNY") == "-1,000.00")
        #expect(AuditFormatting.grouped(1_000_000, currency: "JPY") == "1,000,000")
        #expect(AuditFormatting.grouped(999, currency: "JPY") == "999")
        #expect(AuditFormatting.fixed(61.538, decimals: 2) == "61.54")
        #expect(AuditFormatting.fixed(0.05, decimals: 1) == "0.1")
        #expect(AuditFormatting.fixed(-2.25, decimals: 1) == "-2.3")
        #expect(AuditFormatting.percent(0.333333) == "33.3 %")
        #expect(AuditFormatting.percent(nil) == "—")
    }
}
