import Testing
@testable import HealKit

@Suite("Grouping regressions into likely causes")
struct CauseGroupingTests {
    static func signature(_ type: String, _ message: String, at frames: [String]) -> FailureSignature {
        let locations = frames.map { frame in
            let parts = frame.split(separator: ":").map(String.init)
            return CodeLocation(path: parts[0], function: parts[1])
        }
        return FailureSignature(exceptionType: type, message: message, frame: locations.first, repositoryFrames: locations)
    }

    static let h1 = HunkRef(fileIndex: 0, hunkIndex: 0)
    static let h2 = HunkRef(fileIndex: 0, hunkIndex: 1)
    static let h3 = HunkRef(fileIndex: 1, hunkIndex: 0)
    static let changed: Set<String> = ["src/calc.py", "src/stock.py"]

    @Test("the same covered changed hunks group tests whose assertions differ")
    func sameCoverage() {
        let facts = (0..<4).map { index in
            GroupingFacts(signature: Self.signature("AssertionError", "assert <n> == <n>", at: ["tests/t.py:test_\(index)"]),
                          coveredHunks: [Self.h1])
        }
        #expect(CauseGrouping.groups(facts, changedFiles: Self.changed) == [[0, 1, 2, 3]])
    }

    @Test("disjoint coverage keeps tests apart even when they fail alike")
    func disjointCoverage() {
        let same = Self.signature("KeyError", "<str>", at: ["src/stock.py:lookup", "tests/t.py:test_a"])
        let facts = [GroupingFacts(signature: same, coveredHunks: [Self.h1]),
                     GroupingFacts(signature: same, coveredHunks: [Self.h3])]
        #expect(CauseGrouping.groups(facts, changedFiles: Self.changed) == [[0], [1]])
    }

    @Test("without coverage: the same signature, or a shared function of a changed file, links")
    func signatures() {
        let facts = [
            GroupingFacts(signature: Self.signature("KeyError", "<str>", at: ["src/stock.py:lookup", "tests/t.py:test_a"])),
            GroupingFacts(signature: Self.signature("KeyError", "<str>", at: ["src/stock.py:lookup", "tests/t.py:test_b"])),
            // Fails differently, but through stock.py's `lookup` too.
            GroupingFacts(signature: Self.signature("TypeError", "bad operand", at: ["src/util.py:fmt", "src/stock.py:lookup", "tests/t.py:test_c"])),
            // Assertions in two tests themselves (no frame outside them), alike: linked by type and message.
            GroupingFacts(signature: FailureSignature(exceptionType: "AssertionError", message: "assert <n> == <n>", frame: nil)),
            GroupingFacts(signature: FailureSignature(exceptionType: "AssertionError", message: "assert <n> == <n>", frame: nil)),
            // Two bare messages without a type or frame, and a regression without a signature.
            GroupingFacts(signature: FailureSignature(exceptionType: nil, message: "timeout", frame: nil)),
            GroupingFacts(signature: FailureSignature(exceptionType: nil, message: "timeout", frame: nil)),
            GroupingFacts(signature: nil),
        ]
        #expect(CauseGrouping.groups(facts, changedFiles: Self.changed) == [[0, 1, 2], [3, 4], [5], [6], [7]])
    }

    @Test("a shared frame in an unchanged file does not link")
    func unchangedFrame() {
        let facts = [
            GroupingFacts(signature: Self.signature("KeyError", "<str>", at: ["src/a.py:f", "src/util.py:fmt"])),
            GroupingFacts(signature: Self.signature("ValueError", "x", at: ["src/b.py:g", "src/util.py:fmt"])),
        ]
        #expect(CauseGrouping.groups(facts, changedFiles: Self.changed) == [[0], [1]])
    }

    @Test("links are transitive, and overlapping but unequal coverage defers to the failures")
    func transitive() {
        let lookup = Self.signature("KeyError", "<str>", at: ["src/stock.py:lookup"])
        let facts = [
            GroupingFacts(signature: Self.signature("AssertionError", "x", at: ["tests/t.py:a"]), coveredHunks: [Self.h1, Self.h2]),
            GroupingFacts(signature: lookup, coveredHunks: [Self.h1, Self.h2]),
            GroupingFacts(signature: lookup, coveredHunks: [Self.h2]),
        ]
        #expect(CauseGrouping.groups(facts, changedFiles: Self.changed) == [[0, 1, 2]])
    }
}
