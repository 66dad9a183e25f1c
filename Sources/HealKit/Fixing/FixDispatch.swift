/// How one dispatch for a cause ended: an entry of the `dispatches` list of `heal fix --json`
/// and `heal run --json` (DESIGN.md).
public struct FixDispatch: Sendable, Equatable, Codable {
    /// The contract's outcomes.
    public enum Outcome: String, Sendable, Equatable, Codable {
        /// Verified; committed on the fix branch and the PR body staged.
        case staged
        /// Verified, staged, pushed and a draft PR opened or updated.
        case opened
        /// The cause's branch already holds a verified fix on this deploy (a run repeated, or
        /// both a hook and CI handled the deploy): nothing was dispatched, nothing counted.
        case alreadyStaged = "already-staged"
        /// The agent failed, changed nothing, or the fix did not verify.
        case failed
        /// The agent's change broke the scope rules.
        case scopeViolation = "scope-violation"
        /// The circuit breaker of a test of the cause is open (or attempts in flight reach it).
        case breakerOpen = "breaker-open"
        /// The run's or the day's dispatch budget is spent; no breaker was touched, and the
        /// next run tries again.
        case budgetSpent = "budget-spent"
    }

    /// The cause's representative.
    public var test: String
    /// The cause's id.
    public var cause: String
    /// Every test of the cause, the representative first.
    public var tests: [String]
    public var agent: String
    /// The attempt's number for the representative's key (1, 2, …); for a refused dispatch,
    /// the failed attempts that opened the breaker.
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

    public init(test: String, cause: String? = nil, tests: [String]? = nil, agent: String, attempt: Int, branch: String?,
                outcome: Outcome, prBody: String?, reason: String? = nil, violations: [String] = [],
                pullRequest: String? = nil, runDirectory: String? = nil) {
        self.test = test
        self.cause = cause ?? Cause.id(representative: test)
        self.tests = tests ?? [test]
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
        case test, cause, tests, agent, attempt, branch, outcome, prBody, reason, violations, pullRequest, runDirectory
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(test, forKey: .test)
        try container.encode(cause, forKey: .cause)
        try container.encode(tests, forKey: .tests)
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
