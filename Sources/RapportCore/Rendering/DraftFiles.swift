import Foundation

/// The file formats of `--out`.
public enum DraftFileFormat: String, Sendable, CaseIterable {
    case txt, eml
}

/// Drafts as text for people: a title line, who it goes to and how, the subject, the body.
public enum DraftText {
    public static func render(_ draft: Draft) -> String {
        var title = "=== \(draft.date) · \(draft.account) \(draft.accountName) · \(draft.reason.rawValue)"
        if let variant = draft.variant { title += " (\(variant))" }
        title += " ==="
        var to = "To: \(draft.to) · \(draft.channel.rawValue)"
        if let address = draft.address { to += " \(address)" }
        var lines = [title, to]
        if !draft.subject.isEmpty { lines.append("Subject: \(draft.subject)") }
        lines.append("")
        lines.append(draft.body)
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Writes one file per draft into one folder and nowhere else.
public enum DraftWriter {
    /// Creates `folder` if needed and writes the drafts there; returns the file paths in
    /// draft order. Files of a previous run with the same names are replaced (same
    /// drafts, same names); a symbolic link in their place is refused, not followed.
    @discardableResult
    public static func write(
        _ drafts: [Draft], format: DraftFileFormat, to folder: URL, reps: [String: Rep] = [:],
        timeZone: TimeZone = .current
    ) throws -> [String] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw RapportError.io("\(folder.path): exists and is not a folder") }
        } else {
            do {
                try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw RapportError.io("\(folder.path): cannot create folder: \(error.localizedDescription)")
            }
        }
        let names = DraftFileName.assign(drafts, fileExtension: format.rawValue)
        var paths: [String] = []
        paths.reserveCapacity(drafts.count)
        let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        for (draft, name) in zip(drafts, names) {
            // Names are built from letters, digits, '-', '_' and one '.' before the
            // extension; this guard keeps that promise even if the builder changes.
            guard !name.utf8.contains(UInt8(ascii: "/")), !name.utf8.contains(0), name.first != ".", !name.isEmpty else {
                throw RapportError(.software, "refusing unsafe draft file name '\(name)'")
            }
            let path = base + name
            let content: String
            switch format {
            case .txt: content = DraftText.render(draft)
            case .eml: content = EmailMessage.render(draft, from: reps[draft.rep], timeZone: timeZone)
            }
            try writeFile(Array(content.utf8), path: path)
            paths.append(path)
        }
        return paths
    }

    static func writeFile(_ bytes: [UInt8], path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = errno == ELOOP ? "a symbolic link is in the way" : String(cString: strerror(errno))
            throw RapportError.io("\(path): cannot write: \(reason)")
        }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { posixWrite(fd, $0.baseAddress, $0.count) }
            guard written > 0 else {
                if written < 0, errno == EINTR { continue }
                throw RapportError.io("\(path): cannot write: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}

/// POSIX `write`, out of reach of `DraftWriter.write`'s name.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
