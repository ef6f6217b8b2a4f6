import Testing
@testable import RapportCore

@Suite struct SuggestionTests {
    let keys = ["HD-MACH", "SZ-ELEC", "BUCKEYE", "OLD-MILL", "GZ-PLAS"]

    @Test func closeTyposAreSuggested() {
        #expect(Suggestion.closest(to: "HD-MAHC", among: keys) == "HD-MACH")   // transposition: distance 2
        #expect(Suggestion.closest(to: "BUKEYE", among: keys) == "BUCKEYE")    // a letter missing
        #expect(Suggestion.closest(to: "hd-mach", among: keys) == "HD-MACH")   // case only
        #expect(Suggestion.closest(to: "SZ-ELEC1", among: keys) == "SZ-ELEC")
    }

    @Test func aSharedPrefixCountsWhenNothingIsCloser() {
        #expect(Suggestion.closest(to: "OLD", among: keys) == "OLD-MILL")
        #expect(Suggestion.closest(to: "GZ-PLASTICS-FACTORY", among: keys) == "GZ-PLAS")
    }

    @Test func theClosestWinsAndTiesAreStable() {
        // Equally close, but what was typed is the start of wang.lei: a name cut short.
        #expect(Suggestion.closest(to: "wang.le", among: ["wang.li", "wang.lei", "wang.jie"]) == "wang.lei")
        #expect(Suggestion.closest(to: "wang.lx", among: ["wang.li", "wang.lei"]) == "wang.li")
        #expect(Suggestion.closest(to: "ab", among: ["abc", "abd"]) == "abc")
    }

    @Test func farAwayKeysGetNoSuggestion() {
        #expect(Suggestion.closest(to: "NOTHING-LIKE", among: keys) == nil)
        #expect(Suggestion.closest(to: "", among: keys) == nil)
        #expect(Suggestion.closest(to: "X", among: [String]()) == nil)
        #expect(Suggestion.hint(for: "ZZZZZZ", among: keys) == "")
        #expect(Suggestion.hint(for: "BUCKEY", among: keys) == " (did you mean BUCKEYE?)")
    }
}

@Suite struct KeyTableTests {
    @Test func findsKeysOfEveryLengthAfterGrowing() {
        var table = KeyTable<Int>(placeholder: -1)
        let keys = (0..<5_000).map { n in n % 3 == 0 ? "k\(n)" : String(repeating: "long-key-", count: 1 + n % 4) + "\(n)" }
        for (n, key) in keys.enumerated() { #expect(table.insert(key, n) == nil) }
        #expect(table.count == 5_000)
        for (n, key) in keys.enumerated() { #expect(table.find(key) == n) }
        #expect(table.find("k1") == nil)
        #expect(table.find("long-key-long-key-1") == 1)
        #expect(table.find("long-key-long-key-2") == nil)  // shares its first 16 bytes with stored keys
        #expect(table.find("") == nil)
        #expect(table.insert("k0", 99) == 0, "a repeated key keeps its first value")
        #expect(table.find("k0") == 0)
        #expect(Set(table.keys) == Set(keys))
    }

    @Test func keysCompareByteForByte() {
        var table = KeyTable<Int>(placeholder: 0)
        table.insert("caf\u{E9}", 1)           // é precomposed
        #expect(table.find("cafe\u{301}") == nil)  // e + combining accent: equal as Strings, not as bytes
        #expect(table.find("caf\u{E9}") == 1)
    }
}
