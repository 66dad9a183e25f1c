/// What triage observed about one regression before deciding its verdict: the facts the
/// verdict rules weigh, gathered by `TriageEngine` (or written by hand in tests).
public struct VerdictEvidence: Sendable, Equatable {
    /// What the failing test's per-test coverage says about the deploy's changes.
    public enum Coverage: Sendable, Equatable {
        /// No per-test coverage for this test: DeFlaker's rule cannot apply.
        case unavailable
        /// The test executes this many of the deploy's changed hunks (at least one).
        case executesChanges(hunks: Int)
        /// The test executes none of the deploy's `changedHunks` changed hunks.
        case executesNoChange(changedHunks: Int)
    }

    /// The canonical test id.
    public var test: String
    /// Most of the suite failed at once (see `DetectionResult.infraSuspect`).
    public var infraSuspect: Bool
    /// The flake history in the store has seen this test both pass and fail at one commit.
    public var knownFlaky: Bool
    public var coverage: Coverage
    /// Whether the baseline report (a stored file or heal's own run) has the test failing.
    public var baselineReportFailed: Bool
    /// The test is not in the baseline report at all (a new test).
    public var isNewTest: Bool
    /// Fresh runs at the baseline commit (empty when the baseline report is heal's own fresh run).
    public var baselineRuns: [CommitTestOutcome]
    /// Fresh reruns of the test at the deploy commit, in order.
    public var deployRuns: [CommitTestOutcome]
    /// How many deploy reruns must all fail for the regression to count as introduced.
    public var requiredReruns: Int

    public init(test: String, infraSuspect: Bool = false, knownFlaky: Bool = false, coverage: Coverage = .unavailable,
                baselineReportFailed: Bool = false, isNewTest: Bool = false, baselineRuns: [CommitTestOutcome] = [],
                deployRuns: [CommitTestOutcome] = [], requiredReruns: Int = 3) {
        self.test = test
        self.infraSuspect = infraSuspect
        self.knownFlaky = knownFlaky
        self.coverage = coverage
        self.baselineReportFailed = baselineReportFailed
        self.isNewTest = isNewTest
        self.baselineRuns = baselineRuns
        self.deployRuns = deployRuns
        self.requiredReruns = requiredReruns
    }

    /// Test runs this evidence cost.
    public var runs: Int { baselineRuns.count + deployRuns.count }
}
