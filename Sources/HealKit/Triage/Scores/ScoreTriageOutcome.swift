/// What eval triage found: a verdict per score regression (in the order given, each with its
/// `ScoreEvidence` when it could be sampled) and the causes among the introduced ones — the
/// cases one change broke, triaged once.
public struct ScoreTriageOutcome: Sendable {
    /// The cases one change broke: the first is the representative triaged in full, every
    /// other confirmed against its culprit and hunks.
    public struct Group: Sendable {
        public var cases: [String]
        public var verdict: TestVerdict
    }

    public var triaged: [TriagedRegression]
    public var groups: [Group]
}
