import Foundation
import GitKit
import Testing
import TestSupport

/// Tree-to-tree diffs on small real repositories, checked against `git diff` itself.
@Suite struct DiffTests {
    /// heal's hunk ranges per path, in the oracle's form.
    func ranges(_ diff: TreeDiff) -> [String: [GitDiffOracle.Range]] {
        var result: [String: [GitDiffOracle.Range]] = [:]
        for file in diff.files where !file.hunks.isEmpty {
            result[file.path.string] = file.hunks.map { .init($0.oldStart, $0.oldLines, $0.newStart, $0.newLines) }
        }
        return result
    }

    @Test func addsDeletesAndEditsMatchGit() throws {
        let repo = try TempRepo()
        try repo.write("keep.txt", (1...40).map { "line \($0)" }.joined(separator: "\n") + "\n")
        try repo.write("gone.txt", "old\nfile\n")
        let before = try repo.commitAll("base")
        var lines = (1...40).map { "line \($0)" }
        lines[2] = "changed 3"
        lines.remove(at: 20)
        lines.insert("inserted", at: 30)
        try repo.write("keep.txt", lines.joined(separator: "\n") + "\n")
        try FileManager.default.removeItem(atPath: repo.path + "/gone.txt")
        try repo.write("dir/new.txt", "fresh\n")
        let after = try repo.commitAll("change")

        let diff = try Repository(discovering: repo.path).diff(from: before, to: after, options: DiffOptions(contextLines: 0))
        let statuses = Dictionary(uniqueKeysWithValues: diff.files.map { ($0.path.string, $0.status) })
        #expect(statuses == ["keep.txt": .modified, "gone.txt": .deleted, "dir/new.txt": .added])
        #expect(ranges(diff) == (try GitDiffOracle.hunks(in: repo.path, ["-U0", "--no-renames", before, after])))
        #expect(diff.before.hex == before && diff.after.hex == after)

        let withContext = try Repository(discovering: repo.path).diff(from: before, to: after)
        #expect(ranges(withContext) == (try GitDiffOracle.hunks(in: repo.path, ["--no-renames", before, after])))
    }

    @Test func linesCarryTheirOldAndNewNumbers() throws {
        let repo = try TempRepo()
        try repo.write("a.txt", "one\ntwo\nthree\n")
        let before = try repo.commitAll("base")
        try repo.write("a.txt", "one\n2\nthree\nfour")
        let after = try repo.commitAll("edit")
        let diff = try Repository(discovering: repo.path).diff(from: before, to: after, options: DiffOptions(contextLines: 0, includeLines: true))
        let lines = try #require(diff.files.first).hunks.flatMap(\.lines)
        #expect(lines.contains(DiffLine(origin: .deleted, oldLine: 2, newLine: nil, content: "two")))
        #expect(lines.contains(DiffLine(origin: .added, oldLine: nil, newLine: 2, content: "2")))
        let four = try #require(lines.first { $0.content == "four" })
        #expect(four.newLine == 4 && four.missingNewlineAtEnd)
    }

    @Test func renamesWithAndWithoutEdits() throws {
        let repo = try TempRepo()
        let body = (1...30).map { "content line \($0)" }.joined(separator: "\n") + "\n"
        try repo.write("a.txt", body)
        try repo.write("b.txt", body.replacingOccurrences(of: "content", with: "other"))
        let before = try repo.commitAll("base")
        try FileManager.default.createDirectory(atPath: repo.path + "/moved", withIntermediateDirectories: true)
        try repo.git("mv", "a.txt", "moved/a.txt")
        try repo.git("mv", "b.txt", "b2.txt")
        try repo.write("b2.txt", body.replacingOccurrences(of: "content", with: "other").replacingOccurrences(of: "line 7\n", with: "line seven\n"))
        let after = try repo.commitAll("move")

        let git = Repository.self
        let diff = try git.init(discovering: repo.path).diff(from: before, to: after, options: DiffOptions(contextLines: 0))
        let pure = try #require(diff.files.first { $0.newPath.string == "moved/a.txt" })
        #expect(pure.status == .renamed && pure.oldPath.string == "a.txt" && pure.similarity == 100 && pure.hunks.isEmpty)
        let edited = try #require(diff.files.first { $0.newPath.string == "b2.txt" })
        #expect(edited.status == .renamed && edited.oldPath.string == "b.txt" && edited.hunks.count == 1)
        #expect(ranges(diff) == (try GitDiffOracle.hunks(in: repo.path, ["-U0", "-M", before, after])))

        let noRenames = try git.init(discovering: repo.path).diff(from: before, to: after, options: DiffOptions(detectRenames: false))
        #expect(Set(noRenames.files.map(\.status)) == [.added, .deleted])
    }

    @Test func copiesAreFoundWhenAsked() throws {
        let repo = try TempRepo()
        let body = (1...30).map { "shared line \($0)" }.joined(separator: "\n") + "\n"
        try repo.write("src.txt", body)
        let before = try repo.commitAll("base")
        try repo.write("src.txt", body + "appended\n")
        try repo.write("copy.txt", body)
        let after = try repo.commitAll("copy")
        let diff = try Repository(discovering: repo.path).diff(from: before, to: after, options: DiffOptions(detectCopies: true))
        let copy = try #require(diff.files.first { $0.newPath.string == "copy.txt" })
        #expect(copy.status == .copied && copy.oldPath.string == "src.txt")
        let plain = try Repository(discovering: repo.path).diff(from: before, to: after)
        #expect(plain.files.first { $0.newPath.string == "copy.txt" }?.status == .added)
    }

    @Test func binaryFilesHaveNoHunks() throws {
        let repo = try TempRepo()
        try repo.write("blob.bin", Data([0, 1, 2, 3, 0, 255]))
        let before = try repo.commitAll("base")
        try repo.write("blob.bin", Data([0, 9, 9, 9, 0, 255, 7]))
        let after = try repo.commitAll("change")
        let file = try #require(try Repository(discovering: repo.path).diff(from: before, to: after).files.first)
        #expect(file.isBinary && file.hunks.isEmpty && file.status == .modified)
    }

    @Test func modeChangesAndTypeChanges() throws {
        let repo = try TempRepo()
        try repo.write("run.sh", "echo hi\n")
        try repo.write("link", "plain file\n")
        let before = try repo.commitAll("base")
        try repo.git("update-index", "--chmod=+x", "run.sh")
        try FileManager.default.removeItem(atPath: repo.path + "/link")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/link", withDestinationPath: "run.sh")
        try repo.git("add", "link")
        try repo.git("commit", "-qm", "modes")
        let after = try repo.head()
        let diff = try Repository(discovering: repo.path).diff(from: before, to: after)
        let script = try #require(diff.files.first { $0.path.string == "run.sh" })
        #expect(script.status == .modified && script.oldMode == .regular && script.newMode == .executable && script.hunks.isEmpty)
        let link = try #require(diff.files.first { $0.path.string == "link" })
        #expect(link.status == .typechange && link.oldMode == .regular && link.newMode == .symlink)
    }

    @Test func submoduleEntryIsAGitlink() throws {
        let repo = try TempRepo()
        try repo.write("README", "top\n")
        let before = try repo.commitAll("base")
        try repo.git("update-index", "--add", "--cacheinfo", "160000,\(before),vendor/lib")
        try repo.git("commit", "-qm", "add submodule entry")
        let after = try repo.head()
        let file = try #require(try Repository(discovering: repo.path).diff(from: before, to: after).files.first)
        #expect(file.status == .added && file.newMode == .submodule && file.path.string == "vendor/lib")
        #expect(file.newID?.hex == before)
    }

    @Test func nonUTF8FileNamesKeepTheirBytes() throws {
        let repo = try TempRepo()
        try repo.write("plain.txt", "x\n")
        let before = try repo.commitAll("base")
        try Shell.check(["sh", "-c", "printf 'bytes\\n' > \"$(printf 'caf\\351.txt')\""], in: repo.path)
        let after = try repo.commitAll("latin-1 name")
        let file = try #require(try Repository(discovering: repo.path).diff(from: before, to: after).files.first)
        #expect(file.path.bytes == Array("caf".utf8) + [0xE9] + Array(".txt".utf8))
        #expect(!file.path.isValidUTF8)
        #expect(file.path.string == "caf\\351.txt")
        #expect(file.hunks.count == 1)
    }

    @Test func pathspecsRestrictTheDiff() throws {
        let repo = try TempRepo()
        try repo.write("src/a.py", "a\n")
        try repo.write("docs/b.md", "b\n")
        let before = try repo.commitAll("base")
        try repo.write("src/a.py", "A\n")
        try repo.write("docs/b.md", "B\n")
        let after = try repo.commitAll("both")
        let diff = try Repository(discovering: repo.path).diff(from: before, to: after, options: DiffOptions(paths: ["src"]))
        #expect(diff.files.map(\.path.string) == ["src/a.py"])
    }

    @Test func unknownRevisionIsNotFound() throws {
        let repo = try TempRepo()
        try repo.write("a", "a\n")
        try repo.commitAll("base")
        #expect {
            try Repository(discovering: repo.path).diff(from: "no-such-rev", to: "HEAD")
        } throws: { error in
            let gitError = error as? GitError
            return gitError?.kind == .notFound && gitError?.message.contains("no-such-rev") == true
        }
    }

    @Test func shallowCloneMissingTheBaseSaysHowToFetchIt() throws {
        let origin = try TempRepo(prefix: "origin")
        try origin.write("a.txt", "1\n")
        let base = try origin.commitAll("one")
        try origin.write("a.txt", "2\n")
        try origin.commitAll("two")
        let clonePath = try TempDir.make(prefix: "shallow") + "/clone"
        try Shell.check(["git", "clone", "-q", "--depth", "1", "file://\(origin.path)", clonePath])
        let shallow = TempRepo(existing: clonePath)
        let repository = try Repository(discovering: shallow.path)
        #expect(repository.isShallow)
        for revision in [base, "HEAD~1"] {
            #expect {
                try repository.diff(from: revision, to: "HEAD")
            } throws: { error in
                guard let gitError = error as? GitError else { return false }
                return gitError.kind == .missingInShallowClone
                    && gitError.hint?.contains("git fetch --deepen") == true
                    && gitError.hint?.contains("--unshallow") == true
            }
        }
    }
}
