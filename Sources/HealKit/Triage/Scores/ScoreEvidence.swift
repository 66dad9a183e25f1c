/// What eval triage measured for one case: the confirmation (fresh samples on both sides, the
/// test and its p-value) and what the culprit search and minimization cost. The PR body's and
/// the ticket's table per case come from here.
public struct ScoreEvidence: Sendable, Equatable {
    public var confirmation: ScoreConfirmation
    /// Calls of the case command, every phase included.
    public var calls: Int
    /// Samples drawn by probes (culprit search, minimization, membership), on top of the
    /// confirmation's and the models' top-up.
    public var probeSamples: Int

    public init(confirmation: ScoreConfirmation, calls: Int, probeSamples: Int) {
        self.confirmation = confirmation
        self.calls = calls
        self.probeSamples = probeSamples
    }
}
