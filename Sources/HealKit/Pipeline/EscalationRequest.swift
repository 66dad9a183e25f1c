/// A cause heal stops on and hands to a human: what its ticket says.
public struct EscalationRequest: Sendable {
    public var cause: Cause
    /// Why heal stopped, in a clause (`the circuit breaker is open after 3 failed attempts`).
    public var reason: String
    public var range: DeployRange
    /// The cause's tests (the representative first) with their files, when known.
    public var tests: [TestReference]
    /// The representative's failure output at the deploy.
    public var failureOutput: String?
    /// Concrete things a human should check first.
    public var lookAt: [String]
    /// For a cause of production errors: the representative's evidence as Markdown.
    public var productionError: String?
    /// For an eval cause: its cases' score table as Markdown.
    public var scores: String?

    public init(cause: Cause, reason: String, range: DeployRange, tests: [TestReference], failureOutput: String?,
                lookAt: [String], productionError: String? = nil, scores: String? = nil) {
        self.cause = cause
        self.reason = reason
        self.range = range
        self.tests = tests
        self.failureOutput = failureOutput
        self.lookAt = lookAt
        self.productionError = productionError
        self.scores = scores
    }
}
