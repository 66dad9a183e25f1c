import Foundation
import GitKit
import Testing
import TestSupport

@Suite struct IgnoreTests {
    /// A project without a .gitignore after a test run: a source edit plus pytest's leftovers.
    func projectAfterATestRun() throws -> TempRepo {
        let repo = try TempRepo()
        try repo.write("calc/ops.py", "def add(a, b):\n    return a - b\n")
        try repo.commitAll("base")
        try repo.write("calc/ops.py", "def add(a, b):\n    return a + b\n")
        try repo.write("calc/__pycache__/ops.cpython-312.pyc", Data([0, 1, 2, 0xff]))
        try repo.write(".pytest_cache/v/cache/lastfailed", "{}")
        return repo
    }

    @Test func rulesHideUntrackedFilesFromTheStatus() throws {
        let repo = try projectAfterATestRun()
        let repository = try Repository(discovering: repo.path)
        #expect(try repository.status(includeIgnored: false).count == 3)

        try repository.addIgnoreRules(["__pycache__/", ".pytest_cache/"])
        #expect(try repository.status(includeIgnored: false).map(\.path) == ["calc/ops.py"])
        #expect(try repository.isIgnored("calc/__pycache__/ops.cpython-312.pyc"))
        #expect(try repository.isIgnored(".pytest_cache/"))
        #expect(try !repository.isIgnored("calc/ops.py"))
    }

    @Test func rulesLiveInMemoryInThisHandleOnly() throws {
        let repo = try projectAfterATestRun()
        let before = try repo.userStateFingerprint()
        try Repository(discovering: repo.path).addIgnoreRules(["__pycache__/", ".pytest_cache/"])
        #expect(try Repository(discovering: repo.path).status(includeIgnored: false).count == 3)
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.gitignore"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/info/exclude"))
        #expect(try repo.git("status", "--porcelain").contains("?? calc/__pycache__/"))
        #expect(try repo.userStateFingerprint() == before)
    }

    @Test func rulesNeverHideATrackedFileFromTheStatus() throws {
        let repo = try TempRepo()
        try repo.write("coverage.xml", "<coverage/>\n")
        try repo.commitAll("base")
        try repo.write("coverage.xml", "<coverage lines='1'/>\n")
        let repository = try Repository(discovering: repo.path)
        try repository.addIgnoreRules(["coverage.xml"])
        #expect(try repository.status(includeIgnored: false).map(\.path) == ["coverage.xml"])
    }
}
