/// What detection found between a baseline and a current report.
public struct DetectionResult: Codable, Sendable, Hashable {
    /// Regressions in a stable order: by kind as listed in `RegressionKind`, then by id.
    public var regressions: [Regression]
    /// Tests that failed at the baseline and pass now.
    public var fixed: [String]
    /// Baseline tests absent from the current report (also in `regressions` when they count).
    public var missing: [String]
    /// Most baseline-passing tests fail at once: suspect the infrastructure, not the code.
    public var infraSuspect: Bool
    public var summary: DetectionSummary

    public init(regressions: [Regression], fixed: [String], missing: [String], infraSuspect: Bool, summary: DetectionSummary) {
        self.regressions = regressions
        self.fixed = fixed
        self.missing = missing
        self.infraSuspect = infraSuspect
        self.summary = summary
    }
}

/// Counts for a detection, as `heal detect --json` prints them under `summary`.
public struct DetectionSummary: Codable, Sendable, Hashable {
    public var baselineTests: Int
    public var currentTests: Int
    public var regressions: Int
    public var newlyFailing: Int
    public var newTestFailing: Int
    public var scoreDrops: Int
    public var missing: Int
    public var fixed: Int
    /// Tests failing at both sides (pre-existing, not regressions).
    public var stillFailing: Int
    public var evalCases: Int
    public var infraSuspect: Bool
}
