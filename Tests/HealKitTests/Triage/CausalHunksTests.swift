import GitKit
import HealKit
import Testing
import TestSupport

@Suite("Causal hunks")
struct CausalHunksTests {
    /// A module of ten functions; the deploy changes three of them and deletes a line from a fourth.
    static let before = (1...10).map { "def f\($0)(x):\n    return x + \($0)\n" }.joined()

    /// The deploy's zero-context diff, from a real repository.
    static func deployDiff(_ edit: (inout [String]) -> Void) throws -> [FileDiff] {
        let repo = try TempRepo()
        try repo.write("src/calc.py", before)
        try repo.write("README.md", "calc\n")
        let base = try repo.commitAll("base")
        var lines = before.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        edit(&lines)
        try repo.write("src/calc.py", lines.joined(separator: "\n"))
        try repo.write("README.md", "calc, faster\n")
        let deploy = try repo.commitAll("deploy")
        let repository = try Repository(discovering: repo.path)
        return try repository.diff(from: base, to: deploy, options: DiffOptions(contextLines: 0, includeLines: true)).files
    }

    /// Lines (1-based) of `before`: f_k is line 2k-1, its body line 2k.
    static func standardEdit(_ lines: inout [String]) {
        lines[1] = "    return x - 1"        // f1's body (line 2)
        lines[9] = "    return x * 5"        // f5's body (line 10)
        lines.remove(at: 15)                 // f8's body (old line 16) deleted
        lines[18] = "    return x // 10"     // f10's body: old line 20, new line 19
    }

    @Test("a hunk whose added lines the test executes is selected, others are not")
    func addedLinesCovered() throws {
        let files = try Self.deployDiff(Self.standardEdit)
        let calc = try #require(files.firstIndex { $0.path.string == "src/calc.py" })
        #expect(files[calc].hunks.count == 4)
        let selection = CausalHunks.select(diff: files, coverage: ["src/calc.py": [9, 10]], failureOutput: nil)
        #expect(selection.basis == .coverage)
        #expect(selection.confidence == .high)
        #expect(selection.hunks == [HunkRef(fileIndex: calc, hunkIndex: 1)])
        #expect(selection.reason.contains("1 of 5 changed hunks"))
        #expect(!selection.reason.contains("\n"))
    }

    @Test("a deleted block counts as covered when a covered line borders it")
    func deletionBorders() throws {
        let files = try Self.deployDiff(Self.standardEdit)
        let calc = try #require(files.firstIndex { $0.path.string == "src/calc.py" })
        // After the deletion, new line 15 is `def f8(x):` and new line 16 is `def f9(x):`.
        for border in [15, 16] {
            let hits = CausalHunks.covered(diff: files, coverage: ["src/calc.py": [border]])
            #expect(hits == [HunkRef(fileIndex: calc, hunkIndex: 2)], "border line \(border)")
        }
        #expect(CausalHunks.covered(diff: files, coverage: ["src/calc.py": [14, 17]]).isEmpty)
    }

    @Test("coverage of other files or other lines selects nothing, and the fallback says why")
    func coverageMissesEverything() throws {
        let files = try Self.deployDiff(Self.standardEdit)
        #expect(CausalHunks.covered(diff: files, coverage: ["src/other.py": [2], "src/calc.py": [4]]).isEmpty)
        let selection = CausalHunks.select(diff: files, coverage: ["src/calc.py": [4]], failureOutput: "boom")
        #expect(selection.basis == .wholeDiff)
        #expect(selection.confidence == .low)
        #expect(selection.hunks.count == 5)
        #expect(selection.reason.hasPrefix("low confidence: the test's coverage executes none"))
    }

    @Test("without coverage, the files a Python traceback names are the candidates")
    func tracebackFallback() throws {
        let files = try Self.deployDiff(Self.standardEdit)
        let output = """
        Traceback (most recent call last):
          File "/home/runner/work/proj/proj/tests/test_calc.py", line 7, in test_f5
            assert f5(1) == 6
          File "/home/runner/work/proj/proj/src/calc.py", line 10, in f5
        AssertionError
        """
        let selection = CausalHunks.select(diff: files, coverage: nil, failureOutput: output)
        #expect(selection.basis == .failureOutput)
        #expect(selection.confidence == .low)
        #expect(selection.hunks.count == 4)
        #expect(selection.hunks.allSatisfy { files[$0.fileIndex].path.string == "src/calc.py" })
        #expect(selection.reason.contains("no coverage"))
    }

    @Test("without coverage or a named file, the whole diff is the candidate set")
    func wholeDiff() throws {
        let files = try Self.deployDiff(Self.standardEdit)
        let selection = CausalHunks.select(diff: files, coverage: nil, failureOutput: "Segmentation fault")
        #expect(selection.basis == .wholeDiff)
        #expect(selection.hunks == HunkRef.all(in: files))
    }

    @Test("restricting a diff keeps only the selected hunks, in order")
    func restrict() throws {
        let files = try Self.deployDiff(Self.standardEdit)
        let calc = try #require(files.firstIndex { $0.path.string == "src/calc.py" })
        let refs = [HunkRef(fileIndex: calc, hunkIndex: 3), HunkRef(fileIndex: calc, hunkIndex: 1)]
        let restricted = HunkRef.restrict(files, to: refs)
        #expect(restricted.count == 1)
        #expect(restricted[0].hunks == [files[calc].hunks[1], files[calc].hunks[3]])
    }

    @Test("hunks without lines fall back to their header ranges")
    func headerOnlyHunks() {
        let file = FileDiff(status: .modified, oldPath: GitPath("a.go"), newPath: GitPath("a.go"),
                            oldMode: .regular, newMode: .regular, oldID: nil, newID: nil, isBinary: false,
                            similarity: 0, hunks: [
                                Hunk(oldStart: 3, oldLines: 0, newStart: 4, newLines: 2, header: "@@ -3,0 +4,2 @@"),
                                Hunk(oldStart: 10, oldLines: 2, newStart: 11, newLines: 0, header: "@@ -10,2 +11,0 @@"),
                            ])
        #expect(CausalHunks.covered(diff: [file], coverage: ["a.go": [5]]) == [HunkRef(fileIndex: 0, hunkIndex: 0)])
        #expect(CausalHunks.covered(diff: [file], coverage: ["a.go": [3]]).isEmpty)
        #expect(CausalHunks.covered(diff: [file], coverage: ["a.go": [12]]) == [HunkRef(fileIndex: 0, hunkIndex: 1)])
    }
}
