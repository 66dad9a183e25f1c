import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

/// `ProposedChange` built from real diffs of real repositories, and judged by the scope guard.
@Suite struct ProposedChangeBuilderTests {
    /// A small Python project: code, its test, a vendored module.
    func project() throws -> TempRepo {
        let repo = try TempRepo()
        try repo.write("src/calc.py", "def total(items):\n    return sum(items)\n")
        try repo.write("src/helpers.py", "def one():\n    return 1\n")
        try repo.write("tests/test_calc.py", "from src.calc import total\n\ndef test_total():\n    assert total([1]) == 1\n")
        try repo.write("vendor/lib.py", "X = 1\n")
        try repo.commitAll("base")
        return repo
    }

    func lines(_ file: ProposedChange.File?) -> [String] { file?.addedLines.map(\.text) ?? [] }

    @Test func aCommittedChangeBecomesFilesWithNumberedLines() throws {
        let repo = try project()
        let base = try repo.head()
        try repo.write("src/calc.py", "import pytest\n\ndef total(items):\n    return sum(i for i in items if i >= 0)\n")
        try repo.git("mv", "src/helpers.py", "src/util.py")
        try repo.git("rm", "-q", "tests/test_calc.py")
        try repo.write("run.sh", "#!/bin/sh\necho hi\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.path + "/run.sh")
        try repo.write("logo.png", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]))
        try repo.commitAll("agent")
        let diff = try Repository(discovering: repo.path)
            .diff(from: base, to: "HEAD", options: DiffOptions(contextLines: 0, includeLines: true)).files
        let change = try ProposedChange(diff: diff)
        let byPath = Dictionary(uniqueKeysWithValues: change.files.map { ($0.path, $0) })

        let calc = try #require(byPath["src/calc.py"])
        #expect(calc.status == .modified)
        #expect(calc.addedLines == [.init(number: 1, text: "import pytest"), .init(number: 2, text: ""),
                                    .init(number: 4, text: "    return sum(i for i in items if i >= 0)")])
        #expect(calc.removedLines == [.init(number: 2, text: "    return sum(items)")])

        let renamed = try #require(byPath["src/util.py"])
        #expect(renamed.status == .renamed)
        #expect(renamed.paths == ["src/helpers.py", "src/util.py"])

        let deleted = try #require(byPath["tests/test_calc.py"])
        #expect(deleted.status == .deleted && deleted.newPath == nil && deleted.removedLines.count == 4)

        #expect(byPath["run.sh"]?.isExecutable == true)
        #expect(byPath["logo.png"]?.isBinary == true)

        let rules = ScopeRules(coverageArea: ["src/calc.py", "src/helpers.py"], protectedFiles: ["tests/test_calc.py"])
        let violations = ScopeGuard.check(change, rules: rules)
        #expect(Set(violations.map(\.rule)) == [.outsideCoverage, .testTouched, .binaryFile])
        #expect(violations.contains { $0.rule == .outsideCoverage && $0.path == "src/util.py" })
    }

    @Test func aCommittedSymlinkIsSeen() throws {
        let repo = try project()
        let base = try repo.head()
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/src/secrets.py", withDestinationPath: "/etc/passwd")
        try repo.commitAll("agent")
        let diff = try Repository(discovering: repo.path)
            .diff(from: base, to: "HEAD", options: DiffOptions(includeLines: true)).files
        let change = try ProposedChange(diff: diff)
        let link = try #require(change.files.first)
        #expect(link.newMode == .symlink && link.isSymlinkInGit)
        let rules = ScopeRules(coverageArea: ["src/secrets.py"])
        #expect(ScopeGuard.check(change, rules: rules).map(\.rule) == [.symlink])
    }

    @Test func aDiffWithoutLinesIsRefused() throws {
        let repo = try project()
        let base = try repo.head()
        try repo.write("src/calc.py", "changed\n")
        try repo.commitAll("agent")
        let diff = try Repository(discovering: repo.path).diff(from: base, to: "HEAD").files
        #expect(throws: ProposedChangeError.self) { try ProposedChange(diff: diff) }
    }
}
