/// What `heal run` did about one regression, which decides its exit code: a run exits 0 only
/// when every regression is handled.
public enum RegressionHandling: Sendable, Equatable {
    /// Pre-existing (it failed at the baseline too), or an eval case's sampling noise: logged,
    /// not the deploy's doing.
    case logged
    /// A verified fix was committed on this branch and its PR body staged (or its PR opened).
    case fixed(branch: String)
    /// Handed to a human with an escalation ticket (ambiguous, or the breaker is open).
    case escalated(ticket: String)
    /// Still open: a failed attempt with the breaker closed (the next run tries again), a spent
    /// dispatch budget, a dry run, or heal's own failure.
    case unhandled(reason: String)

    /// Whether nothing more is expected of heal for this regression.
    public var isHandled: Bool {
        if case .unhandled = self { return false }
        return true
    }
}

/// One regression's handling, by test id.
public struct HandledRegression: Sendable, Equatable {
    public var test: String
    public var handling: RegressionHandling

    public init(test: String, handling: RegressionHandling) {
        self.test = test
        self.handling = handling
    }
}

/// heal itself failed while handling one regression (the run went on with the others).
public struct RunFailure: Sendable, Equatable, Codable {
    public var test: String
    public var message: String
    /// Whether the user can fix it (a forge not logged in, a bad setting) rather than heal.
    public var isUserInput: Bool

    public init(test: String, message: String, isUserInput: Bool) {
        self.test = test
        self.message = message
        self.isUserInput = isUserInput
    }
}
