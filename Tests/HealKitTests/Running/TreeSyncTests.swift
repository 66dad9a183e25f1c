import Foundation
import GitKit
@testable import HealKit
import Testing
import TestSupport

/// A reused scratch directory brought from tree to tree: tracked files exact, caches kept.
@Suite("TreeSync")
struct TreeSyncTests {
    @Test func bringsTheDirectoryToEachTreeRestoringWhatRunsChanged() throws {
        let repo = try TempRepo(prefix: "tree-sync")
        try repo.write("src/a.py", "A = 1\n")
        try repo.write("src/gone.py", "G = 1\n")
        let first = try repo.commitAll("one")
        try repo.write("src/a.py", "A = 2\n")
        try repo.git("rm", "-q", "src/gone.py")
        try repo.write("src/new.py", "N = 1\n")
        let second = try repo.commitAll("two")
        let repository = try Repository(discovering: repo.path)
        let directory = try TempDir.make(prefix: "tree-sync-dir")
        let sync = TreeSync(directory: directory)

        #expect(try sync.sync(to: repository.commit(first).treeID, in: repository) == ["src/a.py", "src/gone.py"])
        // A test run rewrites a tracked file and leaves a cache beside it.
        try "A = 99\n".write(toFile: directory + "/src/a.py", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/src/__pycache__", withIntermediateDirectories: true)

        let changed = try sync.sync(to: repository.commit(second).treeID, in: repository)
        #expect(changed == ["src/a.py", "src/gone.py", "src/new.py"])
        #expect(try String(contentsOfFile: directory + "/src/a.py", encoding: .utf8) == "A = 2\n")
        #expect(!FileManager.default.fileExists(atPath: directory + "/src/gone.py"))
        #expect(FileManager.default.fileExists(atPath: directory + "/src/__pycache__"))

        // A trial's files over the tree, then back: the override is undone.
        let trial = try sync.sync(to: repository.commit(second).treeID, in: repository,
                                  overrides: ["src/a.py": Data("A = 3\n".utf8), "src/new.py": nil, "extra.py": Data("E\n".utf8)])
        #expect(trial == ["src/a.py", "src/new.py", "extra.py"])
        #expect(!FileManager.default.fileExists(atPath: directory + "/src/new.py"))
        #expect(try sync.sync(to: repository.commit(second).treeID, in: repository) == ["src/a.py", "src/new.py", "extra.py"])
        #expect(try String(contentsOfFile: directory + "/src/a.py", encoding: .utf8) == "A = 2\n")
        #expect(!FileManager.default.fileExists(atPath: directory + "/extra.py"))
        #expect(try sync.sync(to: repository.commit(second).treeID, in: repository).isEmpty)
    }

    @Test func replacesALinkARunPlantedWhereADirectoryBelongsWithoutWritingThroughIt() throws {
        let repo = try TempRepo(prefix: "tree-sync-link")
        try repo.write("pkg/mod.py", "M = 1\n")
        let commit = try repo.commitAll("one")
        let repository = try Repository(discovering: repo.path)
        let directory = try TempDir.make(prefix: "tree-sync-dir")
        let elsewhere = try TempDir.make(prefix: "tree-sync-elsewhere")
        let sync = TreeSync(directory: directory)
        try sync.sync(to: repository.commit(commit).treeID, in: repository)

        try FileManager.default.removeItem(atPath: directory + "/pkg")
        try FileManager.default.createSymbolicLink(atPath: directory + "/pkg", withDestinationPath: elsewhere)
        try sync.sync(to: repository.commit(commit).treeID, in: repository)
        #expect(try String(contentsOfFile: directory + "/pkg/mod.py", encoding: .utf8) == "M = 1\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
    }

    @Test func refusesTreePathsNoCheckoutShouldWrite() {
        for path in [".git/config", "a/.GIT/hooks/x", "a/../b", "a//b"] {
            #expect(throws: TreeExportError.self, "\(path)") { try TreeSync.checkedPath(GitPath(path)) }
        }
        #expect(throws: TreeExportError.self) { try TreeSync.checkedPath(GitPath(bytes: [0x61, 0xff])) }
    }
}
