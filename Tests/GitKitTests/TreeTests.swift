import Foundation
import GitKit
import Testing
import TestSupport

@Suite struct TreeTests {
    @Test func listsEveryFileOfATreeWithItsModeAndBlob() throws {
        let repo = try TempRepo()
        try repo.write("a.txt", "a\n")
        try repo.write("dir/sub/b.sh", "#!/bin/sh\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.path + "/dir/sub/b.sh")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/link", withDestinationPath: "a.txt")
        let commit = try repo.commitAll("files")
        let repository = try Repository(discovering: repo.path)

        let entries = try repository.treeEntries(repository.commit(commit).treeID)
        #expect(entries.map(\.path.string) == ["a.txt", "dir/sub/b.sh", "link"])
        #expect(entries.map(\.mode) == [.regular, .executable, .symlink])
        let listed = try repo.git("ls-tree", "-r", "--format=%(objectname)", commit).split(separator: "\n").map(String.init)
        #expect(entries.map(\.id.hex) == listed)
    }

    @Test func hashesAndWritesBlobsAsGitDoes() throws {
        let repo = try TempRepo()
        let repository = try Repository(discovering: repo.path)
        let data = Data("some bytes\n".utf8)
        let hashed = try repository.hashBlob(data)
        let gitHash = try Shell.check(["git", "hash-object", "--stdin"], in: repo.path, input: "some bytes\n")
        #expect(hashed.hex == gitHash.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(!repository.hasObject(hashed))
        #expect(try repository.writeBlob(data) == hashed)
        #expect(repository.hasObject(hashed))
        #expect(try repository.blob(hashed) == data)
    }
}

@Suite struct CommitBuildingTests {
    @Test func writesATreeFromEntriesAndCommitsItWithoutMovingARef() throws {
        let repo = try TempRepo()
        try repo.write("a.txt", "a\n")
        try repo.write("dir/b.txt", "b\n")
        let base = try repo.commitAll("base")
        let repository = try Repository(discovering: repo.path)
        var entries = try repository.treeEntries(repository.commit(base).treeID)
        entries.removeAll { $0.path.string == "a.txt" }
        entries.append(TreeEntry(path: GitPath("dir/c.sh"), mode: .executable, id: try repository.writeBlob(Data("c\n".utf8))))

        let tree = try repository.writeTree(entries)
        let commit = try repository.createCommit(tree: tree, parents: [ObjectID(hex: base)!], message: "heal: fix\n",
                                                 author: Signature(name: "heal", email: "heal@localhost.invalid", time: Date()))
        #expect(try repo.git("ls-tree", "-r", "--name-only", commit.hex) == "dir/b.txt\ndir/c.sh\n")
        #expect(try repo.git("ls-tree", "-r", commit.hex).contains("100755 blob"))
        #expect(try repo.git("log", "--format=%P %an", "-1", commit.hex) == "\(base) heal\n")
        #expect(try repo.head() == base)
        #expect(throws: GitError.self) {
            try repository.writeTree([TreeEntry(path: GitPath(".git/config"), mode: .regular, id: entries[0].id)])
        }
    }

    @Test func makesAStandaloneRepositoryOfATreeWithNoPathBack() throws {
        let repo = try TempRepo()
        try repo.write("a.txt", "a\n")
        try repo.write("dir/b.txt", "b\n")
        try repo.git("remote", "add", "origin", "https://example.invalid/r.git")
        let base = try repo.commitAll("base")
        let repository = try Repository(discovering: repo.path)
        let directory = try TempDir.make(prefix: "standalone")
        try repo.git("archive", "-o", directory + "/t.tar", base)
        try Shell.check(["tar", "-xf", "t.tar"], in: directory)
        try FileManager.default.removeItem(atPath: directory + "/t.tar")

        let tree = try repository.commit(base).treeID
        try Repository.createStandalone(in: directory, tree: tree, from: repository, message: "deploy\n",
                                        author: Signature(name: "heal", email: "heal@localhost.invalid", time: Date()))
        let standalone = TempRepo(existing: directory)
        #expect(try standalone.git("rev-parse", "HEAD^{tree}").trimmingCharacters(in: .whitespacesAndNewlines) == tree.hex)
        #expect(try standalone.git("status", "--porcelain") == "")
        #expect(try standalone.git("remote") == "")
        #expect(!FileManager.default.fileExists(atPath: directory + "/.git/objects/info/alternates"))
        #expect(try standalone.git("symbolic-ref", "HEAD") == "refs/heads/main\n")
    }

    @Test func anIgnoreJudgeHearsOnlyTheRulesItIsGiven() throws {
        let directory = try TempDir.make(prefix: "judge")
        let judge = try Repository.ignoreJudge(
            in: directory, ignoreFiles: [".gitignore": Data("build/\n*.log\n!keep.log\n".utf8), "src/.gitignore": Data("gen_*\n".utf8)],
            rules: ["__pycache__/"])
        #expect(try judge.isIgnored("build/out/x.o"))
        #expect(try judge.isIgnored("a.log"))
        #expect(try !judge.isIgnored("keep.log"))
        #expect(try judge.isIgnored("src/gen_x.py"))
        #expect(try !judge.isIgnored("gen_x.py"))
        #expect(try judge.isIgnored("src/__pycache__/m.pyc"))
        #expect(try !judge.isIgnored("src/main.py"))
    }
}
