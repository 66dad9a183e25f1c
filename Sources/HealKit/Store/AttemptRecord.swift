import Foundation

/// One fix attempt as the store keeps it.
public struct AttemptRecord: Sendable, Equatable, Codable {
    /// The store's id for the attempt, used to report its outcome.
    public var id: Int64
    public var key: BreakerKey
    /// 1 for the key's first attempt ever, then 2, 3, …
    public var number: Int
    /// The run that dispatched it, if it came from `heal run`.
    public var runID: Int64?
    /// The agent that worked on it (`revert`, `claude`, …).
    public var agent: String?
    /// The fix branch, once there is one.
    public var branch: String?
    /// How it ended; nil while a runner is still working on it.
    public var outcome: AttemptOutcome?
    /// Why it failed, in a sentence a human reads in the escalation ticket.
    public var reason: String?
    public var startedAt: Date
    public var finishedAt: Date?

    public init(id: Int64, key: BreakerKey, number: Int, runID: Int64? = nil, agent: String? = nil,
                branch: String? = nil, outcome: AttemptOutcome? = nil, reason: String? = nil,
                startedAt: Date, finishedAt: Date? = nil) {
        self.id = id
        self.key = key
        self.number = number
        self.runID = runID
        self.agent = agent
        self.branch = branch
        self.outcome = outcome
        self.reason = reason
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}
