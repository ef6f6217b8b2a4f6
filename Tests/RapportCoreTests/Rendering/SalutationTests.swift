import Foundation
import Testing
@testable import RapportCore

@Suite struct SalutationTests {
    let rules = DraftFixtures.rules

    @Test func singleSurnameWithGeneralManager() {
        #expect(Salutation.make(name: "李建国", title: "总经理", explicit: nil, rules: rules) == "李总")
        #expect(Salutation.make(name: "陈志强", title: "副总经理", explicit: nil, rules: rules) == "陈总")
        #expect(Salutation.make(name: "王芳", title: "市场总监", explicit: nil, rules: rules) == "王总")
    }

    @Test func compoundSurnameWithManager() {
        #expect(Salutation.make(name: "欧阳明", title: "经理", explicit: nil, rules: rules) == "欧阳经理")
        #expect(Salutation.make(name: "司马光明", title: "财务经理", explicit: nil, rules: rules) == "司马经理")
        // Two characters: a compound surname would leave no given name.
        #expect(Salutation.make(name: "欧阳", title: "经理", explicit: nil, rules: rules) == "欧经理")
        // Not in the list: the first character.
        #expect(Salutation.make(name: "张丽", title: "财务经理", explicit: nil, rules: rules) == "张经理")
    }

    @Test func bracketedFormerTitleCounts() {
        #expect(Salutation.make(name: "欧阳明", title: "董事会顾问（前总经理）", explicit: nil, rules: rules) == "欧阳总")
        // The most senior rule wins over a later one in the same title.
        #expect(Salutation.make(name: "黄芳", title: "财务主管(兼总监)", explicit: nil, rules: rules) == "黄总")
    }

    @Test func explicitSalutationWins() {
        #expect(Salutation.make(name: "李建国", title: "总经理", explicit: "建国兄", rules: rules) == "建国兄")
        #expect(Salutation.make(name: "Mike Reynolds", title: "VP", explicit: "Mike", rules: rules) == "Mike")
        #expect(Salutation.make(name: "李建国", title: "总经理", explicit: "  ", rules: rules) == "李总")
    }

    /// Never a guessed gender: no title form → the whole name; non-Chinese names whole.
    @Test func otherNamesAreUsedWhole() {
        #expect(Salutation.make(name: "刘伟", title: "采购", explicit: nil, rules: rules) == "刘伟")
        #expect(Salutation.make(name: "刘伟", title: nil, explicit: nil, rules: rules) == "刘伟")
        #expect(Salutation.make(name: "Mike Reynolds", title: "General Manager", explicit: nil, rules: rules) == "Mike Reynolds")
        #expect(Salutation.make(name: "阿卜杜拉·买买提", title: "经理", explicit: nil, rules: rules) == "阿卜杜拉·买买提")
        #expect(Salutation.make(name: "Nguyễn Văn An", title: "经理", explicit: nil, rules: rules) == "Nguyễn Văn An")
    }

    @Test func shippedRulesLoad() throws {
        let rules = try SalutationRules.load(directory: nil, shipped: DraftFixtures.shippedConfig)
        for surname in ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离"] {
            #expect(rules.compoundSurnames.contains(surname), "\(surname)")
        }
        #expect(Salutation.make(name: "诸葛亮", title: "总经理", explicit: nil, rules: rules) == "诸葛总")
        #expect(Salutation.make(name: "欧阳明", title: "经理", explicit: nil, rules: rules) == "欧阳经理")
        #expect(Salutation.make(name: "李建国", title: "总经理", explicit: nil, rules: rules) == "李总")
        #expect(Salutation.make(name: "张丽", title: "财务经理", explicit: nil, rules: rules) == "张经理")
        #expect(Salutation.make(name: "王强", title: "厂长", explicit: nil, rules: rules) == "王厂长")
        #expect(Salutation.make(name: "林志明", title: "CEO", explicit: nil, rules: rules) == "林总")
        #expect(Salutation.make(name: "吳美玲", title: "總經理", explicit: nil, rules: rules) == "吳總")
    }

    /// A user's config folder replaces one file; the other still comes from the shipped config.
    @Test func userConfigOverridesOneFile() throws {
        let folder = try DraftFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try DraftFixtures.write(["surnames.yaml": "compound:\n  - 李建\n"], under: folder)
        let rules = try SalutationRules.load(directory: folder, shipped: DraftFixtures.shippedConfig)
        #expect(rules.compoundSurnames == ["李建"])
        #expect(Salutation.make(name: "李建国", title: "总经理", explicit: nil, rules: rules) == "李建总")
        #expect(!rules.titleForms.isEmpty)
    }

    @Test func badRulesFilesAreDataErrors() throws {
        #expect(throws: RapportError.self) { try SalutationRules.parseSurnames("compound:\n  - 欧阳修\n", path: "s.yaml") }
        #expect(throws: RapportError.self) { try SalutationRules.parseSurnames("surnames: []\n", path: "s.yaml") }
        #expect(throws: RapportError.self) { try SalutationRules.parseTitles("forms: [a, b]\n", path: "t.yaml") }
        do {
            _ = try SalutationRules.parseSurnames("compound:\n  - 欧阳\n  - 王\n", path: "s.yaml")
            Issue.record("expected an error")
        } catch let error as RapportError {
            #expect(error.message.hasPrefix("s.yaml:3:"))
            #expect(error.code == .dataError)
        }
    }
}
