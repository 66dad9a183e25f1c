/// An eval case's measurements in `heal run --json` / `heal triage --json`: a verdict's
/// `scores` — what confirmation concluded, the fresh samples' means and counts on both sides,
/// the test and its p-values, and what triage spent.
public struct ScoresJSON: Codable, Sendable, Equatable {
    public struct Side: Codable, Sendable, Equatable {
        public var mean: Double
        public var n: Int
    }

    /// `introduced`, `noise` or `pre-existing`.
    public var confirmation: ScoreConfirmation.Outcome
    public var baseline: Side
    public var deploy: Side
    /// `fisher-exact`, `mann-whitney-exact` or `mann-whitney-normal`.
    public var test: ScoreTestResult.Method
    public var pValue: Double
    /// After Holm's correction over the cases confirmed together.
    public var adjustedPValue: Double
    /// Calls of the case command, every phase included.
    public var calls: Int
    /// Samples the culprit search, minimization and membership probes drew.
    public var probeSamples: Int

    public init(_ evidence: ScoreEvidence) {
        let confirmation = evidence.confirmation
        self.confirmation = confirmation.outcome
        baseline = Side(mean: confirmation.baseline.mean, n: confirmation.baseline.n)
        deploy = Side(mean: confirmation.deploy.mean, n: confirmation.deploy.n)
        test = confirmation.test.method
        pValue = confirmation.test.pValue
        adjustedPValue = confirmation.adjustedPValue
        calls = evidence.calls
        probeSamples = evidence.probeSamples
    }
}
