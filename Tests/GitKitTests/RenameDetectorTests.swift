import GitKit
import Testing

/// git's rename rules on hand-made candidates, so each rule is pinned without a repository.
struct RenameDetectorTests {
    /// A candidate whose id is derived from its content, as a blob id would be.
    private func file(_ path: String, _ content: String, mode: UInt32 = 0o100644) -> (RenameCandidate, [UInt8]) {
        let bytes = Array(content.utf8)
        var hash = UInt64(14_695_981_039_346_656_037)
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        let hex = String(repeating: "0", count: 24) + String(hash, radix: 16).leftPadded(to: 16)
        return (RenameCandidate(path: GitPath(path), id: ObjectID(hex: hex)!, mode: mode, size: bytes.count), bytes)
    }

    private func detect(_ sources: [(RenameCandidate, [UInt8])], _ destinations: [(RenameCandidate, [UInt8])]) -> [RenameMatch] {
        var detector = RenameDetector(sources: sources.map(\.0), destinations: destinations.map(\.0))
        return detector.detect { s, d in
            (s.map { SpanHashes(sources[$0].1, isText: true) }, d.map { SpanHashes(destinations[$0].1, isText: true) })
        }
    }

    private func lines(_ range: ClosedRange<Int>, _ prefix: String = "line") -> String {
        range.map { "\(prefix) number \($0) of the file\n" }.joined()
    }

    @Test func exactRenamePrefersTheSameBasename() {
        let content = lines(1...20)
        let matches = detect([file("a/x.swift", content), file("a/y.swift", content)], [file("b/y.swift", content)])
        #expect(matches == [RenameMatch(source: 1, destination: 0, score: RenameDetector.maxScore)])
    }

    @Test func exactRenameOfASymlinkNeedsTheSameMode() {
        let link = file("old-link", "target", mode: 0o120000)
        let regular = file("new-file", "target")
        #expect(detect([link], [regular]).isEmpty)
        #expect(detect([link], [file("new-link", "target", mode: 0o120000)]).count == 1)
    }

    @Test func eachSourceIsRenamedOnce() {
        let content = lines(1...20)
        let matches = detect([file("a", content)], [file("b", content), file("c", content)])
        #expect(matches.map(\.destination) == [0])
    }

    @Test func similarFilesPairAtFiftyPercent() {
        let old = lines(1...10) + lines(11...20, "old")
        let new = lines(1...10) + lines(11...20, "new")
        let matches = detect([file("src/old.swift", old)], [file("lib/new.swift", new)])
        #expect(matches.count == 1)
        #expect(matches.first?.similarity == 50)
        #expect(detect([file("src/old.swift", old)], [file("lib/new.swift", lines(1...9) + lines(10...20, "new"))]).isEmpty)
    }

    @Test func uniqueBasenamesNeedSeventyFivePercent() {
        // The same name at 60 % is left to the matrix, where a 90 % match elsewhere wins.
        let base = lines(1...6)
        let old = base + lines(7...10, "old")
        let sameName = base + lines(7...10, "new")
        let otherName = base + lines(7...9, "old") + lines(10...10, "new")
        let matches = detect([file("a/Thing.swift", old)], [file("b/Thing.swift", sameName), file("b/Other.swift", otherName)])
        #expect(matches.map(\.destination) == [1])
    }

    @Test func basenameMatchWinsOverABetterScoreElsewhere() {
        let old = lines(1...16) + lines(17...20, "old")
        let sameName = lines(1...16) + lines(17...20, "new")
        let otherName = lines(1...16) + lines(17...19, "old") + lines(20...20, "new")
        let matches = detect([file("a/Thing.swift", old)], [file("b/Thing.swift", sameName), file("b/Other.swift", otherName)])
        #expect(matches.map(\.destination) == [0])
    }

    @Test func sizesTooFarApartAreNeverCompared() {
        let old = lines(1...10)
        let new = lines(1...10) + lines(11...40, "more")
        #expect(detect([file("old.txt", old)], [file("new.txt", new)]).isEmpty)
    }

    @Test func theMatrixHonoursTheRenameLimit() {
        let old = lines(1...10) + lines(11...12, "old")
        let new = lines(1...10) + lines(11...12, "new")
        var detector = RenameDetector(sources: [file("a", old).0], destinations: [file("b", new).0])
        detector.renameLimit = 0
        #expect(detector.detect { s, d in (s.map { _ in SpanHashes(Array(old.utf8), isText: true) }, d.map { _ in SpanHashes(Array(new.utf8), isText: true) }) }.count == 1)
    }

    @Test func basenameSameMatchesGit() {
        #expect(RenameDetector.basenameSame(GitPath("a/b.c"), GitPath("b.c")))
        #expect(RenameDetector.basenameSame(GitPath("x/y/b.c"), GitPath("z/b.c")))
        #expect(!RenameDetector.basenameSame(GitPath("a/ab.c"), GitPath("b.c")))
    }
}

private extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
