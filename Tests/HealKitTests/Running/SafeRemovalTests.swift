import Foundation
@testable import HealKit
import Testing
import TestSupport

/// heal deletes only inside its own directory, and never through a link an agent planted.
@Suite("SafeRemoval")
struct SafeRemovalTests {
    /// A root heal owns and, beside it, a directory standing for the user's files.
    func layout() throws -> (root: String, outside: String) {
        let base = try TempDir.make(prefix: "safe-removal")
        let root = base + "/heal", outside = base + "/user"
        for directory in [root + "/work", outside + "/keep"] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try "mine".write(toFile: outside + "/keep/file.txt", atomically: true, encoding: .utf8)
        return (root, outside)
    }

    @Test func refusesAnythingOutsideTheRootHoweverItIsSpelled() throws {
        let (root, outside) = try layout()
        let removal = try SafeRemoval(root: root)
        for path in [outside, root + "/../user", root + "/work/../../user/keep", root, "relative/path"] {
            #expect(throws: SafeRemovalRefused.self, "\(path)") { try removal.remove(path) }
        }
        // A link inside the root that leads out: as a parent it is refused, as a leaf removed.
        try FileManager.default.createSymbolicLink(atPath: root + "/work/out", withDestinationPath: outside)
        #expect(throws: SafeRemovalRefused.self) { try removal.remove(root + "/work/out/keep") }
        try removal.remove(root + "/work/out")
        #expect(!FileManager.default.fileExists(atPath: root + "/work/out"))
        #expect(try String(contentsOfFile: outside + "/keep/file.txt", encoding: .utf8) == "mine")
    }

    @Test func removesATreeWithoutFollowingTheLinksInIt() throws {
        let (root, outside) = try layout()
        let doomed = root + "/work/agent"
        try FileManager.default.createDirectory(atPath: doomed + "/a/b", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: doomed + "/a/to-user", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: doomed + "/a/b/to-file", withDestinationPath: outside + "/keep/file.txt")
        // A folder the agent made unreadable and unwritable.
        try FileManager.default.createDirectory(atPath: doomed + "/locked/inner", withIntermediateDirectories: true)
        try "x".write(toFile: doomed + "/locked/inner/f", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: doomed + "/locked")

        try SafeRemoval(root: root).remove(doomed)
        #expect(!FileManager.default.fileExists(atPath: doomed))
        #expect(try String(contentsOfFile: outside + "/keep/file.txt", encoding: .utf8) == "mine")
    }

    @Test func removesATreeDeeperThanItKeepsDescriptorsOpenFor() throws {
        let (root, _) = try layout()
        let doomed = root + "/work/deep"
        var path = doomed
        for _ in 0..<(SafeRemoval.maxDepth * 3) { path += "/d" }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try "x".write(toFile: path + "/leaf", atomically: true, encoding: .utf8)

        try SafeRemoval(root: root).remove(doomed)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/work").isEmpty)
    }
}
