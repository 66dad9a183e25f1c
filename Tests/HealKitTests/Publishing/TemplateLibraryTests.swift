import Foundation
import HealKit
import Testing
import TestSupport

@Suite struct TemplateLibraryTests {
    @Test func embeddedDefaultsEqualTheCanonicalTemplateFiles() throws {
        let templates = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates")
        for (name, embedded) in DefaultTemplates.all {
            let file = templates.appendingPathComponent(name + ".mustache")
            let canonical = try String(contentsOf: file, encoding: .utf8)
            #expect(embedded == canonical, "embedded \(name) differs from \(file.path); copy the file's text into DefaultTemplates")
        }
    }

    @Test func rendersTheDefaultWhenThereIsNoRepository() throws {
        let library = TemplateLibrary(repositoryPath: nil, defaults: ["greet": "Hello {{who}}!\n"])
        #expect(try library.render(name: "greet", context: ["who": "world"]) == "Hello world!\n")
        #expect(try library.source(name: "greet").overridePath == nil)
    }

    @Test func aRepositoryOverrideWinsOverTheDefault() throws {
        let repo = try TempRepo()
        try repo.write(".heal/templates/greet.mustache", "Hi {{who}}, from the repo\n")
        let commit = try repo.commitAll("override")
        // Only what is committed counts: an uncommitted edit in the checkout plays no part.
        try repo.write(".heal/templates/greet.mustache", "Planted {{who}}\n")
        let library = TemplateLibrary(repositoryPath: repo.path, revision: commit, defaults: ["greet": "Hello {{who}}!\n"])
        #expect(try library.render(name: "greet", context: ["who": "team"]) == "Hi team, from the repo\n")
        #expect(try library.source(name: "greet").overridePath == commit + ":.heal/templates/greet.mustache")
    }

    @Test func aRepositoryWithoutOverridesUsesTheDefault() throws {
        let repo = try TempRepo()
        try repo.write(".heal/templates/greet.mustache", "Planted {{who}}\n")
        try repo.write("README", "x\n")
        try repo.git("add", "README")
        try repo.git("commit", "-qm", "no override committed")
        let library = TemplateLibrary(repositoryPath: repo.path, defaults: ["greet": "Hello {{who}}!\n"])
        #expect(try library.render(name: "greet", context: ["who": "world"]) == "Hello world!\n")
    }

    @Test func variablesAreNotHTMLEscaped() throws {
        let library = TemplateLibrary(repositoryPath: nil, defaults: ["code": "{{code}}|{{{code}}}|{{&code}}"])
        let code = #"if a < b && c > "d" { 'e' }"#
        #expect(try library.render(name: "code", context: ["code": code]) == "\(code)|\(code)|\(code)")
    }

    @Test func aStandaloneSectionOnTheFirstLineLeavesNoBlankLine() throws {
        let library = TemplateLibrary(repositoryPath: nil, defaults: ["list": "{{#items}}\n- {{.}}\n{{/items}}\n"])
        #expect(try library.render(name: "list", context: ["items": ["a", "b"]]) == "- a\n- b\n")
    }

    @Test func anUnknownNameSaysWhichNamesExist() throws {
        let library = TemplateLibrary(repositoryPath: nil, defaults: ["a": "", "b": ""])
        let error = try #require(throws: TemplateError.self) { try library.render(name: "c", context: [String: String]()) }
        #expect(error.description.contains("template c"))
        #expect(error.description.contains("a, b"))
    }

    @Test func aBrokenOverrideNamesTheFileAndLine() throws {
        let repo = try TempRepo()
        try repo.write(".heal/templates/greet.mustache", "line one\n{{#open}}\nnever closed\n")
        try repo.commitAll("broken override")
        let library = TemplateLibrary(repositoryPath: repo.path, defaults: ["greet": "fine"])
        let error = try #require(throws: TemplateError.self) { try library.render(name: "greet", context: [String: String]()) }
        #expect(error.file == "HEAD:.heal/templates/greet.mustache")
        #expect(error.description.hasPrefix("HEAD:.heal/templates/greet.mustache:"))
        #expect(error.description.contains("never closed"))
    }

    @Test func theFenceIsLongerThanAnyBacktickRunInside() {
        #expect(DefaultTemplates.fence(for: "plain") == "```")
        #expect(DefaultTemplates.fence(for: "a ``` b") == "````")
        #expect(DefaultTemplates.fence(for: "`````") == "``````")
    }
}
