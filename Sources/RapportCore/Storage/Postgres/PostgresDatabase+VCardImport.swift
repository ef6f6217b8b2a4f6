/// `rapport import contacts FILE.vcf` on the shared server.
extension PostgresDatabase {
    public func importVCard(
        path: String, account: String, encoding: ImportEncoding?, config: RapportConfig,
        progress: ((ImportProgress) -> Void)?
    ) throws -> VCardImportSummary {
        try mapErrors {
            try Importer(target: self, config: config).importVCard(path: path, account: account, encoding: encoding, progress: progress)
        }
    }
}
