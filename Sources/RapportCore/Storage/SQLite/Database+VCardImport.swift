/// `rapport import contacts FILE.vcf` on a SQLite file.
extension Database {
    public func importVCard(
        path: String, account: String, encoding: ImportEncoding?, config: RapportConfig,
        progress: ((ImportProgress) -> Void)?
    ) throws -> VCardImportSummary {
        try Importer(target: self, config: config).importVCard(path: path, account: account, encoding: encoding, progress: progress)
    }
}
