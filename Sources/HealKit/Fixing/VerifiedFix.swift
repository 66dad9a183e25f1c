import GitKit

/// A fix that stayed in scope and passed verification, committed on its branch: everything a
/// reviewer is told about it, as Fixing hands it to publishing.
public struct VerifiedFix: Sendable {
    public var request: FixRequest
    public var branch: String
    /// The fix commit (on the deploy commit).
    public var commit: ObjectID
    /// The commits the causal hunks' old and new sides belong to.
    public var causalBase: ObjectID
    public var causalHead: ObjectID
    /// The attempt's number, and how many the breaker allows in a row.
    public var attempt: Int
    public var maxAttempts: Int
    public var agent: String
    /// The agent's own account of its change, when it gave one.
    public var summary: String?
    public var change: ProposedChange
    /// The scope rules the change was checked against.
    public var rules: ScopeRules
    /// Each test's failure output at the deploy, in `request.members` order.
    public var failureOutputs: [String]
    public var verification: FixVerification
    /// The command that runs the representative test alone, as a human would type it.
    public var testCommand: String
    /// How many fresh reruns at the deploy triage made of the failing test.
    public var triageReruns: Int
    /// Why the agent and the verification ran without an OS sandbox, when they did.
    public var unboxedReason: String?
    /// For a cause of eval cases: how each case scored with the fix (then `verification`
    /// describes the suite only).
    public var scores: ScoreVerification?
}

/// Where a verified fix is proposed: its PR body staged, and with a forge the branch pushed
/// and a draft pull request opened or updated (`PRPublisher`).
public protocol FixPublishing: Sendable {
    func publish(_ fix: VerifiedFix) async throws -> FixPublication
}

/// Where a verified fix was proposed.
public struct FixPublication: Sendable, Equatable {
    /// The staged PR body.
    public var prBody: String
    /// The pull request's URL, when one was opened or updated.
    public var pullRequest: String?

    public init(prBody: String, pullRequest: String? = nil) {
        self.prBody = prBody
        self.pullRequest = pullRequest
    }
}
