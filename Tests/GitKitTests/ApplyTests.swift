import Foundation
import GitKit
import Testing
import TestSupport

@Suite struct ApplyTests {
    @Test func appliesAReversePatchToAWorktreeAndRefusesOneThatDoesNotFit() throws {
        let repo = try TempRepo()
        try repo.write("calc.py", "def add(a, b):\n    return a + b\n")
        let before = try repo.commitAll("good")
        try repo.write("calc.py", "def add(a, b):\n    return a - b\n")
        let after = try repo.commitAll("bad")
        let reverse = try repo.git("diff", after, before)
        let repository = try Repository(discovering: repo.path)
        let path = try TempDir.make(prefix: "wt") + "/apply"
        try repository.addWorktree(name: "apply", path: path, commit: after)
        let worktree = try Repository(discovering: path)
        try worktree.applyPatch(reverse, checkOnly: true)
        #expect(try String(contentsOfFile: path + "/calc.py", encoding: .utf8).contains("a - b"), "check only writes nothing")
        try worktree.applyPatch(reverse)
        #expect(try String(contentsOfFile: path + "/calc.py", encoding: .utf8).contains("a + b"))
        #expect { try worktree.applyPatch(reverse) } throws: { ($0 as? GitError)?.kind == .applyFailed }
        #expect { try worktree.applyPatch("not a patch at all") } throws: { $0 is GitError }
        try repository.removeWorktree(name: "apply")
    }

    @Test func threeWayMergeOfOneFile() throws {
        let ancestor = Data("a\nb\nc\nd\ne\n".utf8)
        let ours = Data("a\nb\nc\nd\nE\n".utf8)
        let theirs = Data("A\nb\nc\nd\ne\n".utf8)
        let clean = try Repository.mergeFile(ancestor: ancestor, ours: ours, theirs: theirs, path: "f.txt")
        #expect(!clean.hasConflicts && clean.content == Data("A\nb\nc\nd\nE\n".utf8))
        let conflicting = try Repository.mergeFile(ancestor: ancestor, ours: ours, theirs: Data("a\nb\nc\nd\nX\n".utf8), path: "f.txt")
        #expect(conflicting.hasConflicts && String(decoding: conflicting.content, as: UTF8.self).contains("<<<<<<<"))
    }
}
