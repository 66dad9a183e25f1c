import Foundation
import GitKit
@testable import HealKit
import Testing
import TestSupport

@Suite("WorkArea")
struct WorkAreaTests {
    private struct Boom: Error {}

    @Test func exportsTheCommitsFilesOnlyAndRemovesThemWhateverHappens() async throws {
        let repo = try TempRepo(prefix: "work-area")
        try repo.write("a.txt", "one\n")
        try repo.write("bin/run.sh", "#!/bin/sh\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.path + "/bin/run.sh")
        let first = try repo.commitAll("one")
        try repo.git("rm", "-q", "bin/run.sh")
        try repo.write("a.txt", "two\n")
        try repo.commitAll("two")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/link", withDestinationPath: "a.txt")
        try repo.commitAll("a link")
        let before = try repo.userStateFingerprint()
        let area = try WorkArea(repositoryPath: repo.path)

        let seen = try await area.withExport(at: first, label: "look") { export in
            #expect(export.directory.hasPrefix(repo.path + "/.git/heal/work/look-"))
            #expect(export.commit.hex == first)
            let names = try FileManager.default.contentsOfDirectory(atPath: export.directory).sorted()
            #expect(names == ["a.txt", "bin"], "no .git, nothing but the tree's files")
            #expect(FileManager.default.isExecutableFile(atPath: export.directory + "/bin/run.sh"))
            return try String(contentsOfFile: export.directory + "/a.txt", encoding: .utf8)
        }
        #expect(seen == "one\n")
        let link = try await area.withExport(at: "HEAD") { export in
            try FileManager.default.destinationOfSymbolicLink(atPath: export.directory + "/link")
        }
        #expect(link == "a.txt")

        var leftPath = ""
        await #expect(throws: Boom.self) {
            try await area.withExport(at: first) { export in
                leftPath = export.directory
                throw Boom()
            }
        }
        #expect(!FileManager.default.fileExists(atPath: leftPath))
        #expect(try repo.scratchLeftovers().isEmpty)
        #expect(try repo.git("branch", "--list").trimmingCharacters(in: .whitespacesAndNewlines) == "* main")
        #expect(try repo.userStateFingerprint() == before)
    }

    @Test func removesLeftoversOfAKilledRunAndNothingElse() throws {
        let repo = try TempRepo(prefix: "work-left")
        try repo.write("a.txt", "one\n")
        try repo.commitAll("one")
        let area = try WorkArea(repositoryPath: repo.path)
        let left = try area.makeDirectory(label: "killed")
        try "x".write(toFile: left + "/file", atomically: true, encoding: .utf8)
        // A leftover that is a link into the checkout: the link goes, the checkout stays.
        try FileManager.default.createSymbolicLink(atPath: area.healDirectory.work + "/planted", withDestinationPath: repo.path)
        let before = try repo.userStateFingerprint()

        try area.removeLeftovers()
        #expect(try FileManager.default.contentsOfDirectory(atPath: area.healDirectory.work).isEmpty)
        #expect(try repo.userStateFingerprint() == before)
        #expect(try repo.read("a.txt") == "one\n")
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
