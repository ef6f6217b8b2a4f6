#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An .xlsx file opened for import: its sheets in workbook order, its date system and its
/// shared strings part, found the way the Office Open XML package says (the package's
/// relationships name the workbook part, the workbook's relationships name each sheet's
/// part), not by guessing file names.
final class Workbook {
    struct Sheet: Equatable {
        let name: String
        /// The worksheet part; nil for a chart sheet or another sheet without cells.
        let part: String?
        let isHidden: Bool
    }

    let archive: ZipArchive
    /// In the order of the workbook's tabs.
    let sheets: [Sheet]
    let dateSystem: DateSystem
    let sharedStringsPart: String?

    /// Whether `path` is to be read as a workbook: by its content (a zip archive, or the
    /// compound file of an old or encrypted workbook), else by its extension (then reading
    /// says what is wrong with it).
    static func isWorkbook(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY)
        if fd >= 0 {
            defer { close(fd) }
            var start = [UInt8](repeating: 0, count: 8)
            if read(fd, &start, 8) >= 4 {
                let magic = start.u32(0)
                if magic == ZipArchive.localHeaderSignature || magic == ZipArchive.emptyArchiveSignature
                    || start == ZipArchive.compoundFileSignature { return true }
            }
        }
        let lower = path.lowercased()
        return lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") || lower.hasSuffix(".xls")
    }

    init(path: String) throws(WorkbookError) {
        archive = try ZipArchive(path: path)
        let mainPart = try Self.mainPart(of: archive)
        var dateSystem = DateSystem.from1900
        var listed: [(name: String, relationship: String, hidden: Bool)] = []
        let scanner = try Self.scanner(archive, mainPart)
        var sawRoot = false
        while true {
            let token = try scanner.next()
            if token == .done { break }
            guard token == .start else { continue }
            if !sawRoot {
                sawRoot = true
                guard scanner.isNamed("workbook") else {
                    throw WorkbookError.notWorkbook("an Office file, but not a workbook: its main part is \(mainPart)")
                }
            } else if scanner.isNamed("workbookPr") {
                let value = try scanner.attribute("date1904")
                dateSystem = value == "1" || value == "true" ? .from1904 : .from1900
            } else if scanner.isNamed("sheet") {
                guard let name = try scanner.attribute("name"), let relationship = try scanner.attribute("id", prefixed: true) else {
                    throw WorkbookError.damaged("\(mainPart) lists a sheet without a name or a part")
                }
                let state = try scanner.attribute("state")
                listed.append((name, relationship, state == "hidden" || state == "veryHidden"))
            }
        }
        let relationships = try Relationships(of: mainPart, in: archive)
        sheets = listed.map { sheet in
            let target = relationships.byID[sheet.relationship]
            let isWorksheet = target?.type.hasSuffix("/worksheet") ?? false
            return Sheet(name: sheet.name, part: isWorksheet ? target?.part : nil, isHidden: sheet.hidden)
        }
        sharedStringsPart = relationships.all.first { $0.type.hasSuffix("/sharedStrings") }?.part
        self.dateSystem = dateSystem
    }

    /// The sheet named (compared as Excel compares sheet names: without regard to case),
    /// or the first visible worksheet. An unknown name lists the sheets there are.
    func sheet(named name: String?) throws(WorkbookError) -> Sheet {
        guard let name else {
            guard let first = sheets.first(where: { $0.part != nil && !$0.isHidden }) ?? sheets.first(where: { $0.part != nil }) else {
                throw WorkbookError.notWorkbook("the workbook has no worksheet")
            }
            return first
        }
        guard let sheet = sheets.first(where: { $0.name == name }) ?? sheets.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            let names = sheets.map(\.name)
            throw WorkbookError(kind: .noSuchSheet, message: "no sheet named '\(name)'\(Suggestion.hint(for: name, among: names)); the sheets are \(names.joined(separator: ", "))")
        }
        guard sheet.part != nil else {
            throw WorkbookError.notWorkbook("sheet '\(sheet.name)' is a chart or dialog sheet, not a worksheet with cells")
        }
        return sheet
    }

    /// A scanner over one part; a part the workbook names but the zip lacks is damage.
    static func scanner(_ archive: ZipArchive, _ part: String) throws(WorkbookError) -> XMLScanner {
        guard let entry = archive.entry(named: part) else {
            throw WorkbookError.damaged("the workbook names a part \(part) that is not in the file")
        }
        return XMLScanner(source: try ZipEntryReader(archive: archive, entry: entry), part: part, chunk: 1 << 16)
    }

    /// The workbook part: the target of the package's officeDocument relationship (usually
    /// xl/workbook.xml). Other zip files get a message that says what they are.
    private static func mainPart(of archive: ZipArchive) throws(WorkbookError) -> String {
        if archive.entry(named: "_rels/.rels") != nil {
            let package = try Relationships(of: "", in: archive)
            if let main = package.all.first(where: { $0.type.hasSuffix("/officeDocument") }) { return main.part }
        }
        if archive.entry(named: "xl/workbook.xml") != nil { return "xl/workbook.xml" }
        if archive.entry(named: "mimetype") != nil, archive.entry(named: "content.xml") != nil {
            throw WorkbookError.notWorkbook("an OpenDocument file (.ods), not an .xlsx workbook; save it as Excel 2007-365 .xlsx or as CSV")
        }
        throw WorkbookError.notWorkbook("a zip archive, but not an .xlsx workbook (it has no xl/workbook.xml)")
    }
}

/// A part's relationships (`_rels/NAME.rels` beside it): id, type and target part.
struct Relationships {
    struct Target {
        let type: String
        let part: String
    }

    private(set) var all: [Target] = []
    private(set) var byID: [String: Target] = [:]

    /// `source` "" is the package itself.
    init(of source: String, in archive: ZipArchive) throws(WorkbookError) {
        let folder = source.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let file = source.split(separator: "/").last.map(String.init) ?? ""
        let name = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard archive.entry(named: name) != nil else { return }
        let scanner = try Workbook.scanner(archive, name)
        while true {
            let token = try scanner.next()
            if token == .done { break }
            guard token == .start, scanner.isNamed("Relationship") else { continue }
            guard try scanner.attribute("TargetMode") != "External",
                  let id = try scanner.attribute("Id"), let type = try scanner.attribute("Type"),
                  let target = try scanner.attribute("Target") else { continue }
            let relationship = Target(type: type, part: Self.resolve(target, from: folder))
            all.append(relationship)
            byID[id] = relationship
        }
    }

    /// A target relative to the source's folder (or absolute, from the package root) as a
    /// zip entry name: `worksheets/sheet1.xml` from `xl` is `xl/worksheets/sheet1.xml`.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(segment).removingPercentEscapes)
            }
        }
        return parts.joined(separator: "/")
    }
}

private extension String {
    /// `%20` and the like as the bytes they stand for (part names in targets are URIs).
    var removingPercentEscapes: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
