import Foundation
import GitKit
import Testing
import TestSupport

@Suite struct WorktreeTests {
    func sampleRepo() throws -> (TempRepo, first: String, second: String) {
        let repo = try TempRepo()
        try repo.write("app.py", "VALUE = 1\n")
        let first = try repo.commitAll("one")
        try repo.write("app.py", "VALUE = 2\n")
        let second = try repo.commitAll("two")
        return (repo, first, second)
    }

    @Test func detachedWorktreeAtACommitLeavesTheUserAlone() throws {
        let (repo, first, _) = try sampleRepo()
        try repo.write("untracked.txt", "mine\n")
        let before = try repo.userStateFingerprint()
        let repository = try Repository(discovering: repo.path)
        let path = repository.commonDirectory + "/heal/worktrees/base"
        let worktree = try repository.addWorktree(name: "base", path: path, commit: first)
        #expect(worktree.isValid && worktree.path == path)
        #expect(try String(contentsOfFile: path + "/app.py", encoding: .utf8) == "VALUE = 1\n")
        let linked = try Repository(discovering: path)
        #expect(try linked.commit("HEAD").id.hex == first)
        #expect((try? Shell.check(["git", "-C", path, "symbolic-ref", "-q", "HEAD"])) == nil, "HEAD must be detached")
        #expect(try repository.branches().map(\.name) == ["main"], "no temporary branch is left behind")
        #expect(try repository.listWorktrees().map(\.name) == ["base"])
        #expect(try repo.userStateFingerprint() == before)

        try repository.removeWorktree(name: "base")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try repository.listWorktrees().isEmpty)
        #expect(try repo.userStateFingerprint() == before)
    }

    @Test func aStaleEntryFromAFailedAddDoesNotBlockTheNextOne() throws {
        let (repo, first, _) = try sampleRepo()
        let repository = try Repository(discovering: repo.path)
        try FileManager.default.createDirectory(atPath: repository.commonDirectory + "/worktrees/stale", withIntermediateDirectories: true)
        let path = try TempDir.make(prefix: "wt") + "/stale"
        let worktree = try repository.addWorktree(name: "stale", path: path, commit: first)
        #expect(worktree.isValid)
        try repository.removeWorktree(name: "stale")
    }

    @Test func aBranchCheckedOutElsewhereIsRefusedClearly() throws {
        let (repo, _, _) = try sampleRepo()
        let repository = try Repository(discovering: repo.path)
        let path = try TempDir.make(prefix: "wt") + "/main"
        #expect {
            try repository.addWorktree(name: "main-again", path: path, branch: "main")
        } throws: { ($0 as? GitError)?.kind == .branchCheckedOut }
        #expect(try repository.listWorktrees().isEmpty)
    }

    @Test func worktreeOnABranchCommitsThereOnly() throws {
        let (repo, first, second) = try sampleRepo()
        let repository = try Repository(discovering: repo.path)
        try repository.createBranch("heal/fix", at: second)
        let path = try TempDir.make(prefix: "wt") + "/fix"
        try repository.addWorktree(name: "fix", path: path, branch: "heal/fix")
        let linked = try Repository(discovering: path)
        try "VALUE = 1\n".write(toFile: path + "/app.py", atomically: true, encoding: .utf8)
        try "new\n".write(toFile: path + "/added.py", atomically: true, encoding: .utf8)
        let change = try linked.workingTreeDiff(against: second)
        #expect(Set(change.map(\.path.string)) == ["app.py", "added.py"])
        let author = Signature(name: "heal", email: "heal@localhost", time: Date(timeIntervalSince1970: 1_800_000_000))
        let fix = try linked.commitAll(message: "fix\n\nHeal-Test: t", author: author)
        #expect(try repository.branch("heal/fix")?.target == fix)
        #expect(try repository.commit("main").id.hex == second, "the base branch never moves")
        #expect(try linked.workingTreeDiff(against: "HEAD").isEmpty)
        #expect(try linked.workingTreeDiff(against: second).count == 2, "committed changes still count against the base")
        #expect { try linked.commitAll(message: "again", author: author) } throws: { $0 is GitError }

        try linked.forceCheckoutDetached(first)
        #expect(try String(contentsOfFile: path + "/app.py", encoding: .utf8) == "VALUE = 1\n")
        #expect(!FileManager.default.fileExists(atPath: path + "/added.py"))
        #expect { try repository.forceCheckoutDetached(first) } throws: { $0 is GitError }
        try repository.removeWorktree(name: "fix")
    }

    @Test func pruneClearsWorktreesWhoseDirectoryVanished() throws {
        let (repo, first, _) = try sampleRepo()
        let repository = try Repository(discovering: repo.path)
        let path = try TempDir.make(prefix: "wt") + "/gone"
        try repository.addWorktree(name: "gone", path: path, commit: first)
        try FileManager.default.removeItem(atPath: path)
        #expect(try repository.listWorktrees().first?.isValid == false)
        #expect(try repository.pruneWorktrees() == ["gone"])
        #expect(try repository.listWorktrees().isEmpty)
    }

    @Test func worksFromABareRepository() throws {
        let (repo, first, _) = try sampleRepo()
        let barePath = try TempDir.make(prefix: "bare") + "/r.git"
        try Shell.check(["git", "clone", "-q", "--bare", repo.path, barePath])
        let bare = try Repository(discovering: barePath)
        let path = try TempDir.make(prefix: "wt") + "/b"
        try bare.addWorktree(name: "b", path: path, commit: first)
        #expect(try String(contentsOfFile: path + "/app.py", encoding: .utf8) == "VALUE = 1\n")
        try bare.removeWorktree(name: "b")
    }
}
