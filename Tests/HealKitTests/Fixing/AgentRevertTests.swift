import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

/// `HunkReverter`, the revert agent's pure core, against diffs git itself made.
@Suite("Revert agent: hunk reversal")
struct AgentRevertTests {
    /// Commits `old` then `new` and reverts every zero-context hunk of the change in `new`.
    func roundTrip(_ old: String, _ new: String, keep: ((Int) -> Bool)? = nil) throws -> String {
        let repo = try TempRepo(prefix: "revert")
        try repo.write("f.txt", old)
        let a = try repo.commitAll("old")
        try repo.write("f.txt", new)
        let b = try repo.commitAll("new")
        let diff = try Repository(discovering: repo.path).diff(from: a, to: b, options: DiffOptions(contextLines: 0, includeLines: true))
        var hunks = diff.files.first?.hunks ?? []
        if let keep { hunks = hunks.indices.filter(keep).map { hunks[$0] } }
        let reverted = try HunkReverter.revert(Data(new.utf8), hunks: hunks, path: "f.txt")
        return String(decoding: reverted, as: UTF8.self)
    }

    @Test(arguments: [
        ("a\nb\nc\n", "a\nB\nc\n"),
        ("a\nb\nc\n", "a\nc\n"),
        ("a\nc\n", "a\nb\nc\n"),
        ("a\nb\n", "x\na\nb\ny\n"),
        ("a\nb", "a\nb\nc\n"),
        ("a\nb\nc\n", "a\nb\nc"),
        ("", "a\nb\n"),
        ("a\nb\n", ""),
        ("1\n2\n3\n4\n5\n6\n7\n8\n", "1\nX\n3\n4\n5\n6\nY\nZ\n8\n"),
    ])
    func revertingEveryHunkGivesTheOldContentBack(_ old: String, _ new: String) throws {
        #expect(try roundTrip(old, new) == old)
    }

    @Test func revertsOnlyTheHunksGiven() throws {
        #expect(try roundTrip("1\n2\n3\n4\n5\n6\n7\n8\n", "1\nX\n3\n4\n5\n6\nY\n8\n", keep: { $0 == 1 })
            == "1\nX\n3\n4\n5\n6\n7\n8\n")
    }

    @Test func refusesContentThatMovedOn() throws {
        let hunk = Hunk(oldStart: 2, oldLines: 1, newStart: 2, newLines: 1, header: "@@ -2 +2 @@",
                        lines: [DiffLine(origin: .deleted, oldLine: 2, newLine: nil, content: "b"),
                                DiffLine(origin: .added, oldLine: nil, newLine: 2, content: "B")])
        #expect(throws: HunkRevertError.self) {
            try HunkReverter.revert(Data("a\nchanged\nc\n".utf8), hunks: [hunk], path: "f.txt")
        }
    }
}
