import GitKit

/// What triage starts from: the deploy range, what detection found, and the two reports.
public struct TriageInput: Sendable {
    /// The baseline (pre-deploy) and deploy commits.
    public var before: ObjectID
    public var after: ObjectID
    public var detection: DetectionResult
    public var baseline: TestReport
    public var current: TestReport
    /// Whether heal ran the baseline report itself just now at `before`. A stored report is
    /// re-checked at the baseline commit before anything is called introduced.
    public var baselineIsFresh: Bool
    /// Coverage measured at `after` (a `--coverage` file); nil to ask the runner.
    public var coverage: CoverageMap?

    public init(before: ObjectID, after: ObjectID, detection: DetectionResult, baseline: TestReport,
                current: TestReport, baselineIsFresh: Bool, coverage: CoverageMap? = nil) {
        self.before = before
        self.after = after
        self.detection = detection
        self.baseline = baseline
        self.current = current
        self.baselineIsFresh = baselineIsFresh
        self.coverage = coverage
    }
}
