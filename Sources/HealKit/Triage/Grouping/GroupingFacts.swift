/// What grouping knows about one regression before anything is rerun: how it failed, and —
/// with per-test coverage — which of the deploy's changed hunks it executes.
public struct GroupingFacts: Sendable, Equatable {
    /// nil for a regression without a failure to read (a missing test, a score drop).
    public var signature: FailureSignature?
    /// The deploy's changed hunks the test executes; nil without per-test coverage for it.
    public var coveredHunks: Set<HunkRef>?

    public init(signature: FailureSignature?, coveredHunks: Set<HunkRef>? = nil) {
        self.signature = signature
        self.coveredHunks = coveredHunks
    }
}
