import Foundation
import Testing
@testable import RapportCore

/// The `.eml` drafts, read back by Python's standard `email` package (a real RFC 5322 /
/// MIME parser) in a subprocess.
@Suite struct EmailMessageTests {
    static let python: URL? = ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"]
        .map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// Parses `file` and prints a JSON summary of what a mail client would see.
    static let script = """
        import email, email.policy, json, sys
        raw = open(sys.argv[1], 'rb').read()
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        to = msg['To']
        out = {
          'to_names': [a.display_name for a in to.addresses],
          'to_addrs': [a.addr_spec for a in to.addresses],
          'to_groups': [g.display_name for g in to.groups],
          'from': [a.addr_spec for a in msg['From'].addresses],
          'subject': str(msg['Subject']),
          'date': msg['Date'].datetime.isoformat(),
          'unsent': msg['X-Unsent'],
          'content_type': msg.get_content_type(),
          'charset': msg.get_content_charset(),
          'body': msg.get_content(),
          'defects': [str(d) for d in msg.defects] + [str(d) for h in msg.values() for d in getattr(h, 'defects', [])],
          'crlf_only': b'\\n' not in raw.replace(b'\\r\\n', b''),
          'max_line': max(len(l) for l in raw.split(b'\\r\\n')),
        }
        print(json.dumps(out))
        """

    func parse(_ message: String) throws -> [String: Any]? {
        guard let python = Self.python else { return nil }
        let folder = try DraftFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("draft.eml")
        try Data(message.utf8).write(to: file)
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", Self.script, file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(errorText)")
        return try JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    func draft(to: String, email: String?, subject: String, body: String) -> Draft {
        Draft(
            date: CivilDate("2026-09-24")!, rep: "wang.lei", account: "HD-MACH", accountName: "华东精密机械有限公司",
            contact: "hd-li", to: to, address: email, email: email, channel: .email, reason: .holiday, occasion: "mid-autumn",
            variant: "mid-autumn", level: nil, event: nil, locale: "zh-CN", template: "t", subject: subject, body: body)
    }

    @Test func chineseDraftParses() throws {
        let body = "李总，您好！\n\n又是一年月圆时。祝您和家人中秋快乐！\n\n王磊\n+86 138 0000 1234"
        let subject = "中秋快乐——华东精密机械有限公司的各位领导，感谢一年来的支持与帮助"
        let message = EmailMessage.render(
            draft(to: "李建国", email: "li.jianguo@hd-mach.example.cn", subject: subject, body: body),
            from: DraftFixtures.wang, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        #expect(message.contains("X-Unsent: 1\r\n"))
        #expect(message.contains("MIME-Version: 1.0\r\n"))
        #expect(message.hasPrefix("Date: Thu, 24 Sep 2026 09:00:00 +0800\r\n"))
        guard let parsed = try parse(message) else { return }  // no python3 on this machine
        #expect(parsed["to_names"] as? [String] == ["李建国"])
        #expect(parsed["to_addrs"] as? [String] == ["li.jianguo@hd-mach.example.cn"])
        #expect(parsed["from"] as? [String] == ["wang.lei@example-supplier.cn"])
        #expect(parsed["subject"] as? String == subject)
        #expect(parsed["date"] as? String == "2026-09-24T09:00:00+08:00")
        #expect(parsed["unsent"] as? String == "1")
        #expect(parsed["content_type"] as? String == "text/plain")
        #expect(parsed["charset"] as? String == "utf-8")
        #expect((parsed["body"] as? String)?.replacingOccurrences(of: "\r\n", with: "\n") == body + "\n")
        #expect((parsed["defects"] as? [String])?.isEmpty == true)
        #expect(parsed["crlf_only"] as? Bool == true)
        #expect((parsed["max_line"] as? Int ?? 999) <= 998)
    }

    @Test func noAddressMeansUndisclosedRecipients() throws {
        for email in [nil, "not an address", "a@b", "x@y.com\r\nBcc: evil@example.com", "<x@y.com>"] as [String?] {
            let message = EmailMessage.render(
                draft(to: "Ouyang \"Ming\" <boss>", email: email, subject: "Hello\r\nBcc: evil@example.com", body: "Hi"),
                from: Rep(handle: "wang.lei", name: "Wang Lei"), timeZone: TimeZone(identifier: "UTC")!)
            #expect(message.contains("To: undisclosed-recipients:;\r\n"))
            #expect(!message.contains("\r\nBcc:"))
            #expect(message.contains("From: Wang Lei <wang.lei@rapport.invalid>\r\n"))
            guard let parsed = try parse(message) else { return }
            #expect(parsed["to_addrs"] as? [String] == [])
            #expect(parsed["to_groups"] as? [String] == ["undisclosed-recipients"])
            #expect(parsed["subject"] as? String == "Hello Bcc: evil@example.com")
            #expect((parsed["defects"] as? [String])?.isEmpty == true)
        }
    }

    @Test func asciiNamesWithSpecialsAreQuoted() throws {
        let message = EmailMessage.render(
            draft(to: "Reynolds, Mike \"Big\" \\ Jr.", email: "mike@buckeye.example.com", subject: "Happy Thanksgiving", body: "Hi"),
            from: DraftFixtures.sarah, timeZone: TimeZone(identifier: "America/New_York")!)
        #expect(message.contains("Subject: Happy Thanksgiving\r\n"))
        #expect(message.contains("-0400\r\n"))  // 24 September: daylight saving time
        guard let parsed = try parse(message) else { return }
        #expect(parsed["to_names"] as? [String] == ["Reynolds, Mike \"Big\" \\ Jr."])
        #expect(parsed["to_addrs"] as? [String] == ["mike@buckeye.example.com"])
    }

    /// A line longer than SMTP's 998 octets switches the body to base64.
    @Test func longLinesAreBase64() throws {
        let body = String(repeating: "长", count: 400) + "\n" + "end"
        let message = EmailMessage.render(draft(to: "李建国", email: nil, subject: "x", body: body), from: nil, timeZone: TimeZone(identifier: "UTC")!)
        #expect(message.contains("Content-Transfer-Encoding: base64\r\n"))
        guard let parsed = try parse(message) else { return }
        #expect((parsed["body"] as? String)?.hasPrefix(String(repeating: "长", count: 400)) == true)
        #expect((parsed["max_line"] as? Int ?? 999) <= 998)
    }
}
