/// How sure the causal-hunk selection is.
public enum CausalConfidence: String, Sendable, Equatable, Codable {
    /// The failing test's coverage executes the selected hunks.
    case high
    /// No usable coverage: the hunks come from the failure output's file names, or are the whole diff.
    case low
}

/// The diff hunks that may have caused a test failure, before minimization.
public struct CausalSelection: Sendable, Equatable {
    /// What the selection rests on.
    public enum Basis: String, Sendable, Equatable, Codable {
        case coverage
        case failureOutput = "failure-output"
        case wholeDiff = "whole-diff"
    }

    /// The selected hunks, in diff order.
    public var hunks: [HunkRef]
    public var basis: Basis
    public var confidence: CausalConfidence
    /// One line for a human: what was selected and why.
    public var reason: String

    public init(hunks: [HunkRef], basis: Basis, confidence: CausalConfidence, reason: String) {
        self.hunks = hunks
        self.basis = basis
        self.confidence = confidence
        self.reason = reason
    }
}
