/// Covered lines from one coverage report, per test when the format has per-test data.
///
/// Paths are relative to the repository root; lines are 1-based.
public struct CoverageMap: Sendable, Equatable {
    /// Whether `tests` holds per-test coverage.
    public var isPerTest: Bool
    /// Test id → the lines that test executed (coverage.py contexts with the `|run`, `|setup`
    /// or `|teardown` suffix removed; LCOV `TN:` names). Empty when `isPerTest` is false.
    public var tests: [String: CoveredLines]
    /// Lines executed outside any test — at import or load time, or in records without a test
    /// name. Every test depends on them. When `isPerTest` is false this is all the coverage.
    public var outsideTests: CoveredLines

    public init(isPerTest: Bool, tests: [String: CoveredLines] = [:], outsideTests: CoveredLines = [:]) {
        self.isPerTest = isPerTest
        self.tests = tests
        self.outsideTests = outsideTests
    }

    /// Every covered line, whichever test ran it.
    public var aggregate: CoveredLines {
        tests.values.reduce(outsideTests) { Self.union($0, $1) }
    }

    /// The lines test `id` depends on: its own and those executed outside any test. Nil when the
    /// map is not per test or has no such test. LCOV test names allow only letters, digits and
    /// `_`, so an id that isn't found verbatim is matched with other characters read as `_`
    /// when exactly one test matches that way.
    public func lines(forTest id: String) -> CoveredLines? {
        guard isPerTest else { return nil }
        if let own = tests[id] { return Self.union(own, outsideTests) }
        let wanted = Self.lcovName(id)
        let matches = tests.keys.filter { Self.lcovName($0) == wanted }
        guard matches.count == 1, let own = tests[matches[0]] else { return nil }
        return Self.union(own, outsideTests)
    }

    /// This map with `other`'s tests and lines added; per test if either is.
    public func merging(_ other: CoverageMap) -> CoverageMap {
        CoverageMap(isPerTest: isPerTest || other.isPerTest,
                    tests: tests.merging(other.tests) { Self.union($0, $1) },
                    outsideTests: Self.union(outsideTests, other.outsideTests))
    }

    /// All of this map's lines as the coverage of test `id` — for formats without per-test data
    /// (llvm-cov, Go, Cobertura) produced by running one test at a time.
    public func attributed(toTest id: String) -> CoverageMap {
        CoverageMap(isPerTest: true, tests: [id: aggregate])
    }

    static func union(_ lhs: CoveredLines, _ rhs: CoveredLines) -> CoveredLines {
        lhs.merging(rhs) { $0.union($1) }
    }

    static func lcovName(_ id: String) -> String {
        String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }
}
