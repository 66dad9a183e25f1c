import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

@Suite("Worktrees")
struct WorktreesTests {
    private struct Boom: Error {}

    @Test func checksOutTheCommitDetachedAndRemovesItWhateverHappens() async throws {
        let repo = try TempRepo(prefix: "worktrees")
        try repo.write("a.txt", "one\n")
        let first = try repo.commitAll("one")
        try repo.write("a.txt", "two\n")
        try repo.commitAll("two")
        let before = try repo.userStateFingerprint()
        let worktrees = try Worktrees(repositoryPath: repo.path)

        let seen = try await worktrees.withWorktree(at: first, label: "look") { directory in
            #expect(directory.hasPrefix(repo.path + "/.git/heal/worktrees/heal-look-"))
            let head = try Shell.check(["git", "rev-parse", "HEAD"], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(head == first)
            #expect(try Shell.run(["git", "symbolic-ref", "-q", "HEAD"], in: directory).status != 0)
            return try String(contentsOfFile: directory + "/a.txt", encoding: .utf8)
        }
        #expect(seen == "one\n")

        var leftPath = ""
        await #expect(throws: Boom.self) {
            try await worktrees.withWorktree(at: first) { directory in
                leftPath = directory
                throw Boom()
            }
        }
        #expect(!FileManager.default.fileExists(atPath: leftPath))
        #expect(try Repository(discovering: repo.path).listWorktrees().isEmpty)
        #expect(try repo.git("branch", "--list").trimmingCharacters(in: .whitespacesAndNewlines) == "* main")
        #expect(try repo.userStateFingerprint() == before)
    }

    @Test func removesLeftoversOfAKilledRun() async throws {
        let repo = try TempRepo(prefix: "worktrees-left")
        try repo.write("a.txt", "one\n")
        let commit = try repo.commitAll("one")
        let heal = try HealDirectory(repositoryPath: repo.path)
        try Repository(discovering: repo.path).addWorktree(name: "heal-killed", path: heal.worktrees + "/heal-killed", commit: commit)
        let userWorktree = repo.path + "-mine"
        try repo.git("worktree", "add", "-q", "--detach", userWorktree)
        defer { try? FileManager.default.removeItem(atPath: userWorktree) }

        try Worktrees(repositoryPath: repo.path).removeLeftovers()
        let remaining = try Repository(discovering: repo.path).listWorktrees().map(\.path)
        #expect(remaining == [userWorktree])
    }

    @Test func keepsOnlyTheNewestRunFolders() throws {
        let repo = try TempRepo(prefix: "runs-prune")
        let heal = try HealDirectory(repositoryPath: repo.path)
        #expect(try heal.pruneRuns(keeping: 3) == 0)
        let old = ["20250101T000000-suite-a", "20250102T000000-test-b", "20250103T000000-test-c"]
        for name in old { try FileManager.default.createDirectory(atPath: heal.runs + "/" + name, withIntermediateDirectories: true) }
        let newest = try heal.makeRunDirectory(label: "suite")
        #expect(newest.hasPrefix(heal.runs + "/"))
        #expect(try heal.pruneRuns(keeping: 2) == 2)
        let left = try FileManager.default.contentsOfDirectory(atPath: heal.runs).sorted()
        #expect(left == ["20250103T000000-test-c", (newest as NSString).lastPathComponent])
    }
}
