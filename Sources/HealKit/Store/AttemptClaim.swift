import Foundation

/// A runner's request to dispatch one fix attempt for a key — the representative's of a
/// cause, with the cause's other tests in `members`: the attempt counts against every key, and
/// against the budgets once.
public struct AttemptClaim: Sendable, Equatable {
    public var key: BreakerKey
    /// The keys of the cause's other tests (same repository).
    public var members: [BreakerKey]
    /// The run it belongs to; the per-run budget counts attempts with the same run id.
    public var runID: Int64?
    public var agent: String?
    public var branch: String?
    /// The time the claim is made at (also the attempt's start).
    public var at: Date

    /// The representative's key, then the members'.
    public var keys: [BreakerKey] { [key] + members }

    public init(key: BreakerKey, members: [BreakerKey] = [], runID: Int64? = nil, agent: String? = nil,
                branch: String? = nil, at: Date = Date()) {
        self.key = key
        self.members = members.filter { $0 != key }
        self.runID = runID
        self.agent = agent
        self.branch = branch
        self.at = at
    }
}

/// What a claim produced.
public struct ClaimResult: Sendable, Equatable {
    /// Dispatch (with the attempt's number) or why not.
    public var decision: ClaimDecision
    /// The attempt recorded for a successful claim (the representative's; one is recorded per
    /// key, all finished together); nil when refused.
    public var attempt: AttemptRecord?
    /// The breaker after the claim (including attempts found abandoned during it): of the key
    /// that refused it, else the representative's.
    public var state: BreakerState

    public init(decision: ClaimDecision, attempt: AttemptRecord?, state: BreakerState) {
        self.decision = decision
        self.attempt = attempt
        self.state = state
    }
}
