/// What eval triage found: a verdict per score regression (in the order given) and the causes
/// among the introduced ones — the cases one change broke, triaged once.
public struct ScoreTriageOutcome: Sendable {
    public struct Case: Sendable {
        public var triaged: TriagedRegression
        /// Nil when the case could not be sampled on both sides.
        public var evidence: ScoreEvidence?
        /// The confirmation found no significant drop: the flag was sampling noise. Logged,
        /// never dispatched nor escalated.
        public var isNoise: Bool
    }

    /// The cases one change broke: the first is the representative triaged in full, every
    /// other confirmed against its culprit and hunks.
    public struct Group: Sendable {
        public var cases: [String]
        public var verdict: TestVerdict
    }

    public var cases: [Case]
    public var groups: [Group]
}
