import Testing
@testable import RapportCLI

@Suite struct ParsingTests {
    @Test func rejectsMalformedDate() {
        #expect(throws: (any Error).self) { try RapportCommand.parseAsRoot(["init", "--date", "2025-02-30"]) }
    }
}
