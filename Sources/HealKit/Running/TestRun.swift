/// What one run of the suite command (or the coverage command) produced.
public struct SuiteRun: Sendable {
    /// The report read from the results file, or nil when the run could not run.
    public var report: TestReport?
    /// Why there is no report (no results file, an empty one, an unreadable one, a timeout).
    public var couldNotRunReason: String?
    /// The process, nil when the report came from the cache.
    public var process: ProcessOutcome?
    /// `runs/<id>/` with the command, its output and the results; nil when cached.
    public var runDirectory: String?
    /// Whether the report came from the `SuiteResultCache`.
    public var fromCache: Bool

    /// Whether the suite ran and its results were read.
    public var didRun: Bool { report != nil }
}

/// What one run of a single test showed, graded from the results file.
public enum SingleTestOutcome: Sendable, Equatable {
    /// The test is in the results and passed.
    case passed
    /// The test is in the results and failed or errored; the case carries its message and output.
    case failed(TestCase)
    /// No verdict: no or empty results file, the test missing from them (it does not exist at
    /// that commit), skipped, or a timeout. Bisection treats it like `git bisect`'s skip.
    case couldNotRun(reason: String)

    /// The outcome as the culprit search sees it.
    public var commitOutcome: CommitTestOutcome {
        switch self {
        case .passed: .pass
        case .failed: .fail
        case .couldNotRun: .skip
        }
    }
}

/// One single-test run: its outcome and where its logs are.
public struct SingleTestExecution: Sendable {
    public var outcome: SingleTestOutcome
    /// The process that ran the test.
    public var process: ProcessOutcome
    /// `runs/<id>/` with the command, its output and the results.
    public var runDirectory: String
}

/// One run of the coverage command.
public struct CoverageRun: Sendable {
    /// The coverage file written, or nil when the command left none (or an empty one).
    public var coverageFile: String?
    /// The process that produced it.
    public var process: ProcessOutcome
    /// `runs/<id>/` with the command, its output and the coverage file.
    public var runDirectory: String
}
