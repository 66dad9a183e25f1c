import GitKit
@testable import HealKit
import Testing

@Suite struct TraceOutsideChangesTests {
    private func hunk(_ oldStart: Int, _ oldLines: Int, _ newStart: Int, _ newLines: Int) -> Hunk {
        Hunk(oldStart: oldStart, oldLines: oldLines, newStart: newStart, newLines: newLines, header: "")
    }

    private func file(_ path: String, _ hunks: [Hunk]) -> FileDiff {
        FileDiff(status: .modified, oldPath: GitPath(path), newPath: GitPath(path), oldMode: .regular, newMode: .regular,
                 oldID: nil, newID: nil, isBinary: false, similarity: 0, hunks: hunks)
    }

    @Test func positionsMoveWithTheLinesAboveThem() {
        let hunks = [hunk(2, 1, 2, 3), hunk(6, 0, 9, 2), hunk(10, 2, 14, 0)]
        #expect(TraceOutsideChanges.position(of: 1, through: hunks) == 1)
        #expect(TraceOutsideChanges.position(of: 2, through: hunks) == nil)
        #expect(TraceOutsideChanges.position(of: 5, through: hunks) == 7)
        #expect(TraceOutsideChanges.position(of: 6, through: hunks) == 8)
        #expect(TraceOutsideChanges.position(of: 7, through: hunks) == 11)
        #expect(TraceOutsideChanges.position(of: 11, through: hunks) == nil)
        #expect(TraceOutsideChanges.position(of: 12, through: hunks) == 14)
    }

    @Test func aRevertedFrameIsGoneAnUntouchedOneStaysLinked() {
        let frames = [ErrorFrameLinker.Frame(path: "a.py", line: 3, function: "inner"),
                      ErrorFrameLinker.Frame(path: "b.py", line: 7, function: "outer")]
        // The deploy changed a.py:3 and b.py:7; the fix replaced a.py:3 only, b.py's change remains.
        let fix = [file("a.py", [hunk(3, 1, 3, 1)])]
        let remaining = [file("b.py", [hunk(7, 1, 7, 1)])]
        #expect(TraceOutsideChanges.stillLinked(frames, deployToFix: fix, baselineToFix: remaining).map(\.function) == ["outer"])
        #expect(TraceOutsideChanges.stillLinked(frames, deployToFix: fix + [file("b.py", [hunk(7, 1, 7, 1)])],
                                                baselineToFix: []).isEmpty)
    }
}
