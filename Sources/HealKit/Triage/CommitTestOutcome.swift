/// What running the failing test at one commit of a deploy range showed.
public enum CommitTestOutcome: String, Sendable, Equatable, Codable {
    /// The test passed.
    case pass
    /// The test failed.
    case fail
    /// The commit could not be tested (it doesn't build, or the test can't run there), like
    /// `git bisect run`'s exit code 125. It says nothing about the culprit.
    case skip
}

/// One run of the culprit search: which commit was tested and what happened.
public struct CulpritObservation: Sendable, Equatable, Codable {
    /// Index of the tested commit in the range (0 = oldest).
    public var commit: Int
    public var outcome: CommitTestOutcome

    public init(commit: Int, outcome: CommitTestOutcome) {
        self.commit = commit
        self.outcome = outcome
    }
}
