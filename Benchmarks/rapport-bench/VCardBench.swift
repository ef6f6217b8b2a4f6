import Foundation
import RapportCore

// `rapport-bench vcard --dir DIR [--cards 20000] [--runs 3]`: a phone's address-book export
// at the size of a large one — vCard 2.1, CR LF, names quoted-printable UTF-8, one card in
// four with a 6 KB base64 photo (DIR/contacts.vcf, written once) — imported through
// `Importer.importVCard` into a fresh database (DIR/vcard.db), then imported again (every
// card skipped). Prints the best and median of both and the peak memory.

func vCardBench(_ arguments: ArraySlice<String>) throws {
    var options = try BenchOptions(arguments)
    let dir = try options.directory()
    let cards = Int(try options.value("--cards") ?? "20000") ?? 0
    let rounds = Int(try options.value("--runs") ?? "3") ?? 0
    guard cards >= 1, rounds >= 1 else { throw BenchError("--cards and --runs must be whole numbers, at least 1") }
    try options.finish()
    let path = dir + "/contacts.vcf"
    if fileSize(path) == 0 { try writePhoneExport(cards: cards, to: path) }
    let database = dir + "/vcard.db"
    var first: [Double] = []
    var again: [Double] = []
    let clock = ContinuousClock()
    for round in 1...rounds {
        removeDatabase(database)
        let db = try Database.openRapport(path: database, mode: .create)
        try db.execute("INSERT INTO rep (handle, name) VALUES ('wang.lei', '王磊')")
        try db.execute("INSERT INTO account (key, name, tier, owner_id, country, created_on, status) VALUES ('HD-MACH', '华东精密机械', 'A', 1, 'CN', '2019-03-12', 'active')")
        let importer = Importer(database: db)
        var summaries: [ImportSummary] = []
        for pass in [0, 1] {
            let started = clock.now
            summaries.append(try importer.importVCard(path: path, account: "HD-MACH").summary)
            let elapsed = seconds(clock.now - started)
            if pass == 0 { first.append(elapsed) } else { again.append(elapsed) }
        }
        print(String(format: "round %d: import %.2f s (%@), again %.2f s (%@)", round, first.last!, summaries[0].description,
                     again.last!, summaries[1].description))
    }
    print(String(format: "vcard import of %.0f MB: best %.2f s, median %.2f s; again: best %.2f s, median %.2f s; peak memory %.0f MB",
                 Double(fileSize(path)) / 1e6, first.min()!, median(first), again.min()!, median(again), peakMemoryMB()))
}

private func writePhoneExport(cards: Int, to path: String) throws {
    var generator = SystemRandomNumberGenerator()
    let photo = Data((0..<6_000).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64EncodedString()
    let photoLines = ["PHOTO;ENCODING=BASE64;JPEG:" + photo.prefix(50)]
        + stride(from: 50, to: photo.count, by: 76).map { "  " + photo.dropFirst($0).prefix(76) } + [""]
    let family = ["王", "李", "张", "刘", "陈", "杨", "欧阳", "司马"]
    let given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋"]
    var text = ""
    for index in 0..<cards {
        let name = family[index % family.count] + given[index / family.count % given.count] + String(index)
        let quoted = name.utf8.map { String(format: "=%02X", $0) }.joined()
        var lines = ["BEGIN:VCARD", "VERSION:2.1", "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" + quoted + ";;;;",
                     "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" + quoted,
                     String(format: "TEL;CELL;PREF:+86 139 %04d %04d", index / 10_000, index % 10_000),
                     "TEL;WORK:021-6000 1000", "EMAIL;WORK:p\(index)@hd-mach.example.cn",
                     String(format: "BDAY:19%02d-%02d-%02d", 50 + index % 50, index % 12 + 1, index % 28 + 1)]
        if index % 4 == 0 { lines += photoLines }
        text += (lines + ["END:VCARD"]).joined(separator: "\r\n") + "\r\n"
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}
