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
