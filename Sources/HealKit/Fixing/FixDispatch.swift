/// How one dispatch ended: an entry of the `dispatches` list of `heal fix --json` and
/// `heal run --json` (DESIGN.md).
public struct FixDispatch: Sendable, Equatable, Codable {
    /// The contract's outcomes.
    public enum Outcome: String, Sendable, Equatable, Codable {
        /// Verified; committed on the fix branch and the PR body staged.
        case staged
        /// Verified, staged, pushed and a draft PR opened or updated.
        case opened
        /// The agent failed, changed nothing, or the fix did not verify.
        case failed
        /// The agent's change broke the scope rules.
        case scopeViolation = "scope-violation"
        /// The circuit breaker (or a dispatch budget) refused the attempt.
        case breakerOpen = "breaker-open"
    }

    public var test: String
    public var agent: String
    /// The attempt's number for this test (1, 2, …); for a refused dispatch, the failed
    /// attempts that opened the breaker.
    public var attempt: Int
    /// The fix branch; nil when no fix was kept.
    public var branch: String?
    public var outcome: Outcome
    /// The staged PR body; nil when no fix was kept.
    public var prBody: String?
    /// Why it failed or was refused, in a sentence; nil when staged or opened.
    public var reason: String?
    /// The scope guard's findings, for a scope violation.
    public var violations: [String]
    /// The pull request's URL, when one was opened or updated.
    public var pullRequest: String?
    /// The attempt's run directory (inputs, agent logs, test results).
    public var runDirectory: String?

    public init(test: String, agent: String, attempt: Int, branch: String?, outcome: Outcome, prBody: String?,
                reason: String? = nil, violations: [String] = [], pullRequest: String? = nil, runDirectory: String? = nil) {
        self.test = test
        self.agent = agent
        self.attempt = attempt
        self.branch = branch
        self.outcome = outcome
        self.prBody = prBody
        self.reason = reason
        self.violations = violations
        self.pullRequest = pullRequest
        self.runDirectory = runDirectory
    }

    enum CodingKeys: String, CodingKey {
        case test, agent, attempt, branch, outcome, prBody, reason, violations, pullRequest, runDirectory
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(test, forKey: .test)
        try container.encode(agent, forKey: .agent)
        try container.encode(attempt, forKey: .attempt)
        // The contract keeps `branch` and `prBody` as null rather than absent.
        try container.encode(branch, forKey: .branch)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(prBody, forKey: .prBody)
        try container.encodeIfPresent(reason, forKey: .reason)
        if !violations.isEmpty { try container.encode(violations, forKey: .violations) }
        try container.encodeIfPresent(pullRequest, forKey: .pullRequest)
        try container.encodeIfPresent(runDirectory, forKey: .runDirectory)
    }
}
