import Foundation
import GitKit
import Testing
import TestSupport

@Suite struct StatusTests {
    /// `git status --porcelain=v1 -z --untracked-files=all --ignored --no-renames`, one entry per path.
    static func gitStatus(_ repo: TempRepo) throws -> [String] {
        try repo.git("status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignored", "--no-renames")
            .split(separator: "\0").map(String.init).sorted { $0.dropFirst(3) < $1.dropFirst(3) }
    }

    @Test func listsWhatGitStatusListsWithIgnoredFilesOneByOne() throws {
        let repo = try TempRepo()
        try repo.write(".gitignore", "build/\n*.log\n")
        try repo.write("clean.txt", "same\n")
        try repo.write("edited.txt", "one\n")
        try repo.write("staged.txt", "one\n")
        try repo.write("both.txt", "one\n")
        try repo.write("gone.txt", "bye\n")
        try repo.write("removed.txt", "bye\n")
        try repo.commitAll("base")
        try repo.write("edited.txt", "two\n")
        try repo.write("staged.txt", "two\n")
        try repo.write("both.txt", "two\n")
        try repo.git("add", "staged.txt", "both.txt")
        try repo.write("both.txt", "three\n")
        try FileManager.default.removeItem(atPath: repo.path + "/gone.txt")
        try repo.git("rm", "-q", "removed.txt")
        try repo.write("new/deep/file.txt", "new\n")
        try repo.write("added.txt", "added\n")
        try repo.git("add", "added.txt")
        try repo.write("build/out/a.o", "x")
        try repo.write("build/b.o", "y")
        try repo.write("run.log", "z")

        let entries = try Repository(discovering: repo.path).status()
        #expect(entries.map { "\($0.code) \($0.path)" } == (try Self.gitStatus(repo)))
        #expect(entries.contains(StatusEntry(path: "build/out/a.o", index: "!", workTree: "!")))
        #expect(!entries.contains { $0.path == "clean.txt" })
    }

    @Test func withoutIgnoredFilesListsOnlyChangesAndUntrackedOnes() throws {
        let repo = try TempRepo()
        try repo.write(".gitignore", "*.log\n")
        try repo.commitAll("base")
        try repo.write("run.log", "z")
        try repo.write("notes.txt", "n")
        let entries = try Repository(discovering: repo.path).status(includeIgnored: false)
        #expect(entries == [StatusEntry(path: "notes.txt", index: "?", workTree: "?")])
    }

    @Test func readingTheStatusLeavesTheIndexFileAlone() throws {
        let repo = try TempRepo()
        try repo.write("a.txt", "a\n")
        try repo.commitAll("base")
        try repo.write("a.txt", "b\n")
        let index = repo.path + "/.git/index"
        let before = try Data(contentsOf: URL(fileURLWithPath: index))
        _ = try Repository(discovering: repo.path).status()
        #expect(try Data(contentsOf: URL(fileURLWithPath: index)) == before)
    }

    @Test func headStateNamesTheBranchOrTheDetachedCommit() throws {
        let repo = try TempRepo()
        try repo.write("a.txt", "a\n")
        let first = try repo.commitAll("one")
        let repository = try Repository(discovering: repo.path)
        #expect(try repository.headState() == .symbolic("refs/heads/main"))
        try repo.git("checkout", "-q", "--detach", first)
        #expect(try repository.headState() == .detached(ObjectID(hex: first)!))
    }
}
