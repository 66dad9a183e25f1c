/// What happened to the failing test after reverting a subset of candidate hunks.
public enum RevertOutcome: String, Sendable, Equatable, Codable {
    /// The test passes: the reverted subset contains what broke it.
    case pass
    /// The test still fails.
    case fail
    /// Neither: the revert didn't apply, the code didn't build, or the test couldn't run.
    case unresolved
}

/// One run of delta debugging: the reverted subset and the outcome.
public struct RevertTrial: Sendable, Equatable, Codable {
    /// Indices into the candidate list, ascending.
    public var subset: [Int]
    public var outcome: RevertOutcome

    public init(subset: [Int], outcome: RevertOutcome) {
        self.subset = subset
        self.outcome = outcome
    }
}
