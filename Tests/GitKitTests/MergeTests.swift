import Foundation
import GitKit
import Testing
import TestSupport

@Suite struct MergeTests {
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
