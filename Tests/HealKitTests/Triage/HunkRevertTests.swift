import Foundation
import GitKit
@testable import HealKit
import Testing
import TestSupport

@Suite("Hunk revert")
struct HunkRevertTests {
    /// Commits `old` then `new` as `f.txt` and returns the zero-context hunks and both commits.
    static func diff(_ old: String, _ new: String) throws -> (TempRepo, [Hunk], String, String) {
        let repo = try TempRepo()
        try repo.write("f.txt", old)
        let base = try repo.commitAll("old")
        try repo.write("f.txt", new)
        let head = try repo.commitAll("new")
        let files = try Repository(discovering: repo.path)
            .diff(from: base, to: head, options: DiffOptions(contextLines: 0, includeLines: true)).files
        return (repo, files.first?.hunks ?? [], base, head)
    }

    static func revert(_ old: String, _ new: String, keeping: (Int) -> Bool) throws -> String {
        let (_, hunks, _, _) = try diff(old, new)
        let chosen = hunks.indices.filter(keeping).map { hunks[$0] }
        return String(decoding: HunkRevert.revert(new: Data(new.utf8), old: Data(old.utf8), hunks: chosen), as: UTF8.self)
    }

    @Test("reverting every hunk gives the old file byte for byte: edits, insertions, deletions, CRLF, no final newline")
    func everyHunk() throws {
        let cases: [(String, String)] = [
            ("a\nb\nc\nd\ne\n", "a\nB\nc\ne\nf\ng\n"),
            ("a\nb\n", "x\na\nb\n"),
            ("a\nb\nc\n", "a\nc\n"),
            ("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n"),
            ("a\nb", "a\nb\nc\n"),
            ("a\nb\n", "a\nb"),
            ("", "new\nfile\n"),
            ("x\ny\n", ""),
        ]
        for (old, new) in cases {
            #expect(try Self.revert(old, new) { _ in true } == old, "\(old.debugDescription) → \(new.debugDescription)")
        }
    }

    @Test("reverting one hunk of several leaves the others in place")
    func oneHunk() throws {
        let old = "one\ntwo\nthree\nfour\nfive\n"
        let new = "one\nTWO\nthree\nfour\nFIVE\nsix\n"
        #expect(try Self.revert(old, new) { $0 == 0 } == "one\ntwo\nthree\nfour\nFIVE\nsix\n")
        #expect(try Self.revert(old, new) { $0 == 1 } == "one\nTWO\nthree\nfour\nfive\n")
    }

    @Test("files(reverting:) removes a file the diff added and restores one it deleted")
    func addedAndDeletedFiles() throws {
        let repo = try TempRepo()
        try repo.write("gone.txt", "bye\n")
        let base = try repo.commitAll("old")
        try FileManager.default.removeItem(atPath: repo.path + "/gone.txt")
        try repo.write("new.txt", "hello\n")
        let head = try repo.commitAll("new")
        let repository = try Repository(discovering: repo.path)
        let files = try repository.diff(from: base, to: head, options: DiffOptions(contextLines: 0, includeLines: true)).files
        let reverted = try HunkRevert.files(reverting: HunkRef.all(in: files), of: files, base: base, head: head, in: repository)
        #expect(reverted["gone.txt"] == .some(Data("bye\n".utf8)))
        #expect(reverted.keys.contains("new.txt") && reverted["new.txt"] == .some(nil))
    }
}
