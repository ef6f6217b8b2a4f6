import Testing
@testable import RapportCLI

@Suite struct HolidaysCommandParsingTests {
    @Test func needsExactlyOneOfCountryOrAccount() {
        #expect(throws: (any Error).self) { try RapportCommand.parseAsRoot(["holidays", "--year", "2025"]) }
        #expect(throws: (any Error).self) {
            try RapportCommand.parseAsRoot(["holidays", "--country", "CN", "--account", "HD-MACH"])
        }
        #expect(throws: Never.self) { try RapportCommand.parseAsRoot(["holidays", "--country", "CN", "--year", "2025"]) }
    }

    @Test(arguments: ["1900", "2100"])
    func rejectsYearsOutsideTheTables(year: String) {
        #expect(throws: (any Error).self) { try RapportCommand.parseAsRoot(["holidays", "--country", "CN", "--year", year]) }
    }

    @Test func configCheckIsASubcommand() throws {
        let command = try RapportCommand.parseAsRoot(["config", "check"])
        #expect(command is ConfigCheckCommand)
    }
}
