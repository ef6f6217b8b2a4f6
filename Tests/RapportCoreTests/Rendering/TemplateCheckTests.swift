import Foundation
import Testing
@testable import RapportCore

@Suite struct TemplateCheckTests {
    func problems(_ text: String, _ reason: ReasonKind = .holiday) -> [TemplateProblem] {
        DraftTemplate.problems(in: text, reason: reason)
    }

    @Test func unknownVariableReportsPathAndLine() throws {
        let text = "Subject: Hello\n\nDear {{contact.salutation}},\n\nHappy {{occasion.nmae}}!\n"
        do {
            _ = try DraftTemplate(text: text, path: "/t/en/holiday.mustache", reason: .holiday)
            Issue.record("expected an error")
        } catch let error as RapportError {
            #expect(error.code == .dataError)
            #expect(error.message == "/t/en/holiday.mustache:5: unknown variable 'occasion.nmae' (did you mean 'occasion.name'?)")
        }
    }

    @Test func everyProblemIsReportedWithItsLine() {
        let found = problems("{{contact.name}}\n{{nope}}\n{{#invoices}}{{number}}{{/invoices}}\n{{contact.surname}}\n")
        #expect(found.map(\.line) == [2, 3, 4])
        #expect(found[1].message.hasPrefix("unknown variable 'invoices'"))
    }

    @Test func suggestionsAndListOfNames() {
        let bare = problems("{{name}}")
        #expect(bare.first?.message == "unknown variable 'name' (did you mean 'account.name', 'contact.name' or 'occasion.name'?)")
        let far = problems("{{xyzzy}}")
        #expect(far.first?.message == "unknown variable 'xyzzy' (a holiday draft has: account, contact, days_since_touch, occasion, rep)")
    }

    /// Names are checked per reason: an invoice list is not there for a greeting, nor
    /// the occasion for a collection.
    @Test func namesDependOnTheReason() {
        #expect(problems("{{#invoices}}{{number}}{{/invoices}}", .collection).isEmpty)
        #expect(!problems("{{#invoices}}{{number}}{{/invoices}}", .care).isEmpty)
        #expect(!problems("{{outstanding}}", .care).isEmpty)
        #expect(problems("{{promise.amount}} {{promise.promised_on}}", .promise).isEmpty)
        #expect(!problems("{{promise.amount}}", .collection).isEmpty)
        #expect(problems("{{level}}", .collection).isEmpty)
        #expect(problems("{{event.title}} {{event.date}}", .care).isEmpty)
        #expect(!problems("{{occasion.name}}", .checkin).isEmpty)
        #expect(problems("{{days_since_touch}} {{rep.signature}} {{account.key}}", .checkin).isEmpty)
    }

    @Test func sectionScopedNames() {
        // Inside the list: element names first, then outwards.
        #expect(problems("{{#invoices}}{{number}} {{amount}} {{due_on}} {{days_overdue}} {{contact.name}}{{/invoices}}", .collection).isEmpty)
        // An element name outside its section is unknown, with the line.
        let outside = problems("{{#invoices}}\n{{number}}\n{{/invoices}}\n{{number}}\n", .collection)
        #expect(outside.count == 1)
        #expect(outside.first?.line == 4)
        // `.name` looks only at the current element.
        #expect(problems("{{#invoices}}{{.number}}{{/invoices}}", .collection).isEmpty)
        #expect(!problems("{{#invoices}}{{.outstanding}}{{/invoices}}", .collection).isEmpty)
        // An object section: its fields by short name.
        #expect(problems("{{#contact}}{{salutation}}{{/contact}}", .checkin).isEmpty)
        #expect(!problems("{{#contact}}{{phone}}{{/contact}}", .checkin).isEmpty)
        // Inverted sections and first()/last() inside lists.
        #expect(problems("{{^invoices}}none{{/invoices}}{{#invoices}}{{number}}{{^last()}}, {{/last()}}{{/invoices}}", .collection).isEmpty)
        #expect(!problems("{{#last()}}x{{/last()}}", .collection).isEmpty)
        #expect(!problems("{{#invoices}}{{index()}}{{/invoices}}", .collection).isEmpty)
    }

    @Test func groupsAndListsAreNotValues() {
        #expect(problems("{{contact}}").first?.message.hasPrefix("'contact' is a group, not a value") == true)
        #expect(problems("{{invoices}}", .collection).first?.message.hasPrefix("'invoices' is a list") == true)
    }

    @Test func structuralErrors() {
        #expect(problems("{{#invoices}}x", .collection).first?.message == "section 'invoices' is never closed")
        #expect(problems("{{#invoices}}x{{/contact}}", .collection).first?.message == "'{{/contact}}' does not close 'invoices' opened on line 1")
        #expect(problems("x\n{{/contact}}").first?.line == 2)
        #expect(problems("a {{contact.name").first?.message.hasPrefix("unclosed tag") == true)
        #expect(problems("{{=<% %>=}}").first?.message.hasPrefix("set-delimiter") == true)
        #expect(problems("{{> footer}}").first?.message.hasPrefix("partials") == true)
        #expect(problems("{{uppercased(contact.name)}}").first?.message.contains("transforms are not supported") == true)
        #expect(problems("{{contact name}}").first?.message.contains("is not a variable name") == true)
        #expect(problems("{{contact..name}}").first != nil)
        // Comments may name anything, on several lines; lines after them still count.
        let afterComment = problems("{{! {{nothing}} \n here }}\n{{bad}}")
        #expect(afterComment.count == 1)
        #expect(afterComment.first?.line == 3)
    }

    @Test func subjectLineIsRenderedAndChecked() throws {
        let template = try DraftTemplate(
            text: "Subject: {{occasion.name}} — {{account.name}}\n\nDear {{contact.salutation}},\nHello.\n",
            path: "t", reason: .holiday)
        let out = template.render([
            "occasion": ["name": "Mid-Autumn Festival"], "account": ["name": "Buckeye"], "contact": ["salutation": "Mike"],
        ])
        #expect(out.subject == "Mid-Autumn Festival — Buckeye")
        #expect(out.body == "Dear Mike,\nHello.")
        // A bad name on the subject line is line 1; in the body after the blank line, line 3.
        #expect(problems("Subject: {{nope}}\n\nok").first?.line == 1)
        #expect(problems("Subject: ok\n\n{{nope}}").first?.line == 3)
        #expect(problems("Subject: ok\n{{nope}}").first?.line == 2)
        // No subject line: no subject.
        let plain = try DraftTemplate(text: "Hi {{contact.name}}", path: "t", reason: .checkin)
        #expect(plain.render(["contact": ["name": "A"]]).subject == "")
    }

    /// Plain text: nothing is HTML-escaped; a missing value renders empty and skips its
    /// section.
    @Test func rendersPlainText() throws {
        let template = try DraftTemplate(
            text: "{{contact.name}} & {{{account.name}}}{{#days_since_touch}} ({{days_since_touch}} days){{/days_since_touch}}",
            path: "t", reason: .checkin)
        let out = template.render([
            "contact": ["name": "O'Brien <Ops> & \"Co\""], "account": ["name": "A&B"], "days_since_touch": NSNull(),
        ])
        #expect(out.body == "O'Brien <Ops> & \"Co\" & A&B")
        let touched = template.render(["contact": ["name": "X"], "account": ["name": "Y"], "days_since_touch": 12])
        #expect(touched.body == "X & Y (12 days)")
    }

    /// Standalone section lines vanish as mustache says, including on the first line
    /// (the text pragma must not break that).
    @Test func standaloneLinesVanish() throws {
        let template = try DraftTemplate(text: "{{#invoices}}\n- {{number}}\n{{/invoices}}\nend", path: "t", reason: .collection)
        let out = template.render(["invoices": [["number": "A"], ["number": "B"]]])
        #expect(out.body == "- A\n- B\nend")
    }

    @Test func crlfTemplatesAndByteOrderMark() {
        #expect(problems("\u{FEFF}Subject: x\r\n\r\n{{contact.name}}\r\n{{nope}}\r\n").first?.line == 4)
    }
}
