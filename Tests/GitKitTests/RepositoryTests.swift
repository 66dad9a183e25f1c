import Foundation
import GitKit
import Testing
import TestSupport

@Suite struct RepositoryTests {
    @Test func opensFromAnyPathInsideAndReportsItsDirectories() throws {
        let repo = try TempRepo()
        try repo.write("deep/er/file.txt", "x\n")
        try repo.commitAll("base")
        let repository = try Repository(discovering: repo.path + "/deep/er")
        #expect(repository.workingDirectory == repo.path)
        #expect(repository.commonDirectory == repo.path + "/.git")
        #expect(!repository.isBare && !repository.isShallow && !repository.isEmpty)
    }

    @Test func opensBareRepositoriesAndLinkedWorktrees() throws {
        let bare = try TempRepo(bare: true, prefix: "bare")
        let repository = try Repository(discovering: bare.path)
        #expect(repository.isBare && repository.workingDirectory == nil && repository.isEmpty)

        let repo = try TempRepo()
        try repo.write("a", "a\n")
        try repo.commitAll("base")
        let linked = try TempDir.make(prefix: "linked") + "/wt"
        try repo.git("worktree", "add", "-q", "--detach", linked)
        let worktree = try Repository(discovering: linked)
        #expect(worktree.commonDirectory == repo.path + "/.git")
        #expect(worktree.workingDirectory == linked)
    }

    @Test func aPathOutsideAnyRepositoryIsAClearError() throws {
        let dir = try TempDir.make(prefix: "plain")
        #expect {
            try Repository(discovering: dir)
        } throws: { ($0 as? GitError)?.kind == .notARepository }
        #expect {
            try Repository(discovering: dir + "/missing")
        } throws: { ($0 as? GitError)?.message.contains("does not exist") == true }
    }

    @Test func anEmptyRepositoryHasNoHead() throws {
        let repo = try TempRepo()
        let repository = try Repository(discovering: repo.path)
        #expect(repository.isEmpty)
        #expect { try repository.commit("HEAD") } throws: { ($0 as? GitError)?.kind == .notFound }
    }

    @Test func commitFacts() throws {
        let repo = try TempRepo()
        try repo.write("a", "a\n")
        let first = try repo.commitAll("first\n\nbody text")
        try repo.write("a", "b\n")
        let second = try repo.commitAll("second")
        let commit = try Repository(discovering: repo.path).commit("HEAD")
        #expect(commit.id.hex == second)
        #expect(commit.parents.map(\.hex) == [first])
        #expect(commit.treeID.hex == (try repo.head("HEAD^{tree}")))
        #expect(commit.summary == "second")
        #expect(commit.author.name == "Heal Test" && commit.author.email == "test@heal.invalid")
        #expect(commit.author.time == ISO8601DateFormatter().date(from: "2026-01-01T00:00:00Z"))
        let firstCommit = try Repository(discovering: repo.path).commit(String(first.prefix(8)))
        #expect(firstCommit.summary == "first" && firstCommit.message.contains("body text"))
    }

    @Test func rangesInTopologicalOrderWithAndWithoutFirstParent() throws {
        let repo = try TempRepo()
        try repo.write("a", "0\n")
        let base = try repo.commitAll("base")
        try repo.write("a", "1\n")
        let c1 = try repo.commitAll("c1")
        try repo.git("checkout", "-q", "-b", "topic", base)
        try repo.write("b", "t\n")
        let t1 = try repo.commitAll("t1")
        try repo.git("checkout", "-q", "main")
        try repo.git("merge", "-q", "--no-ff", "-m", "merge topic", "topic")
        let merge = try repo.head()
        try repo.write("a", "2\n")
        let c2 = try repo.commitAll("c2")

        let repository = try Repository(discovering: repo.path)
        let all = try repository.commits(from: base, to: "HEAD").map(\.id.hex)
        #expect(Set(all) == [c1, t1, merge, c2])
        #expect(all.last == c2)
        #expect(all.firstIndex(of: merge)! > all.firstIndex(of: t1)!)
        #expect(all.firstIndex(of: merge)! > all.firstIndex(of: c1)!)
        let firstParent = try repository.commits(from: base, to: "HEAD", firstParent: true).map(\.id.hex)
        #expect(firstParent == [c1, merge, c2])

        #expect(try repository.mergeBase(c1, t1)?.hex == base)
        #expect(try repository.isAncestor(base, of: c2))
        #expect(!(try repository.isAncestor(t1, of: c1)))
        #expect(try repository.rootCommits().map(\.hex) == [base])
    }

    @Test func readsBlobsAtRevisionsAndRemoteURLs() throws {
        let repo = try TempRepo()
        try repo.write("src/x.py", "v1\n")
        try repo.commitAll("one")
        try repo.write("src/x.py", "v2\n")
        try repo.commitAll("two")
        try repo.git("remote", "add", "origin", "git@github.com:acme/shop.git")
        let repository = try Repository(discovering: repo.path)
        #expect(try repository.blob(at: "HEAD~1", path: "src/x.py") == Data("v1\n".utf8))
        #expect(try repository.blob(at: "HEAD", path: "src/x.py") == Data("v2\n".utf8))
        #expect { try repository.blob(at: "HEAD", path: "nope.py") } throws: {
            ($0 as? GitError)?.kind == .notFound && ($0 as? GitError)?.message.contains("nope.py") == true
        }
        #expect(repository.remoteURL() == "git@github.com:acme/shop.git")
        #expect(repository.remoteURL("upstream") == nil)
    }

    @Test func branchesAreCreatedMovedListedAndDeleted() throws {
        let repo = try TempRepo()
        try repo.write("a", "a\n")
        let first = try repo.commitAll("one")
        try repo.write("a", "b\n")
        let second = try repo.commitAll("two")
        let repository = try Repository(discovering: repo.path)
        let made = try repository.createBranch("heal/fix-a", at: first)
        #expect(made.target.hex == first && !made.isCheckedOut)
        #expect { try repository.createBranch("heal/fix-a", at: second) } throws: { ($0 as? GitError)?.kind == .exists }
        try repository.createBranch("heal/fix-a", at: second, force: true)
        #expect(try repository.branch("heal/fix-a")?.target.hex == second)
        #expect(try repository.branches(prefix: "heal/").map(\.name) == ["heal/fix-a"])
        #expect(try repository.branch("main")?.isCheckedOut == true)
        #expect { try repository.deleteBranch("main") } throws: { ($0 as? GitError)?.kind == .branchCheckedOut }
        try repository.deleteBranch("heal/fix-a")
        #expect(try repository.branch("heal/fix-a") == nil)
        #expect { try repository.deleteBranch("heal/fix-a") } throws: { ($0 as? GitError)?.kind == .notFound }
    }
}

@Suite struct TagTests {
    @Test func previousDeployTagIsTheNearestOneInHistory() throws {
        let repo = try TempRepo()
        try repo.write("a", "0\n")
        let one = try repo.commitAll("one")
        try repo.git("tag", "deploy-1")
        try repo.write("a", "1\n")
        let two = try repo.commitAll("two")
        try repo.git("tag", "-a", "deploy-2", "-m", "annotated")
        try repo.git("tag", "v2.0")
        try repo.write("a", "2\n")
        let three = try repo.commitAll("three")
        try repo.git("tag", "deploy-3")
        let repository = try Repository(discovering: repo.path)
        #expect(try repository.tags(matching: "deploy-*").map(\.name) == ["deploy-1", "deploy-2", "deploy-3"])
        #expect(try repository.tags(matching: "deploy-*").map(\.commit.hex) == [one, two, three])
        #expect(try repository.previousTag(matching: "deploy-*", before: "deploy-3")?.name == "deploy-2")
        #expect(try repository.previousTag(matching: "deploy-*", before: "HEAD")?.name == "deploy-2")
        #expect(try repository.previousTag(matching: "deploy-*", before: one) == nil)
        #expect(try repository.previousTag(matching: "release-*", before: "HEAD") == nil)
    }
}
