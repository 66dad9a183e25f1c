/// One regression after triage: the verdict (the contract with the fix stage) plus what it
/// cost, phase by phase, and the raw reruns (for the store's flake history).
public struct TriagedRegression: Sendable, Equatable {
    public var verdict: TestVerdict
    /// Runs spent on the verdict itself: baseline re-checks and deploy reruns.
    public var evidenceRuns: Int
    /// Runs spent by the culprit search.
    public var culpritRuns: Int
    /// Runs spent by delta debugging over the causal hunks.
    public var minimizeRuns: Int
    /// Runs spent confirming it as a member of another regression's cause (see `Cause`).
    public var confirmationRuns: Int
    /// First-parent commits in the deploy range the culprit search chose among.
    public var deployCommits: Int
    /// Candidate hunks delta debugging started from.
    public var candidateHunks: Int
    /// The fresh reruns at the deploy commit, in order.
    public var deployReruns: [CommitTestOutcome]
    /// An eval case's measurements (confirmation, samples, the test and its p-value).
    public var scores: ScoreEvidence?

    public init(verdict: TestVerdict, evidenceRuns: Int = 0, culpritRuns: Int = 0, minimizeRuns: Int = 0,
                confirmationRuns: Int = 0, deployCommits: Int = 0, candidateHunks: Int = 0,
                deployReruns: [CommitTestOutcome] = [], scores: ScoreEvidence? = nil) {
        self.verdict = verdict
        self.evidenceRuns = evidenceRuns
        self.culpritRuns = culpritRuns
        self.minimizeRuns = minimizeRuns
        self.confirmationRuns = confirmationRuns
        self.deployCommits = deployCommits
        self.candidateHunks = candidateHunks
        self.deployReruns = deployReruns
        self.scores = scores
    }
}
