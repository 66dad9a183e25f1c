import Foundation

/// Everything one `heal run` found and did, in the order it happened.
public struct HealRunReport: Sendable {
    /// The run's id in the store's history.
    public var runID: Int64?
    public var range: DeployRange
    public var detection: DetectionResult
    /// The regressions grouped by root cause, in the order of their first regression.
    public var causes: [Cause]
    /// One per regression, in `detection.regressions` order.
    public var triaged: [TriagedRegression]
    public var dispatches: [FixDispatch]
    public var escalations: [Escalation]
    /// One per regression: what became of it (every test of a cause shares its handling).
    public var handled: [HandledRegression]
    public var failures: [RunFailure]
    public var dryRun: Bool
    /// When the first verified fix was staged: with the run's detected-at, its time to fix.
    public var stagedAt: Date?
    /// What the readers merged or skipped in each side's results (duplicate ids, unreadable
    /// entries), as `heal detect` shows them; empty for a side that came from the cache.
    public var problems: [String: ReportProblems] = [:]
    /// How the production error logs were judged, when the run had any.
    public var errorLogs: ErrorDetectionJSON?

    public init(runID: Int64?, range: DeployRange, detection: DetectionResult, causes: [Cause] = [],
                triaged: [TriagedRegression] = [], dispatches: [FixDispatch] = [], escalations: [Escalation] = [],
                handled: [HandledRegression] = [], failures: [RunFailure] = [], dryRun: Bool) {
        self.runID = runID
        self.range = range
        self.detection = detection
        self.causes = causes
        self.triaged = triaged
        self.dispatches = dispatches
        self.escalations = escalations
        self.handled = handled
        self.failures = failures
        self.dryRun = dryRun
    }

    /// The exit code, by the first rule that applies:
    /// 3 when heal itself failed on some regression; 2 when that failure is one the user can
    /// fix (a forge not logged in); 1 when a regression is left unhandled (an attempt failed
    /// with the breaker still closed, a budget is spent, or a dry run dispatched nothing);
    /// 0 when nothing regressed or every regression was handled: a fix staged, a ticket written,
    /// or pre-existing and logged.
    public var exit: HealExit {
        if failures.contains(where: { !$0.isUserInput }) { return .internalFailure }
        if !failures.isEmpty { return .badInput }
        if handled.contains(where: { !$0.handling.isHandled }) { return .regressions }
        return .success
    }

    /// Regressions left open, with why.
    public var unhandled: [(test: String, reason: String)] {
        handled.compactMap {
            if case .unhandled(let reason) = $0.handling { return ($0.test, reason) }
            return nil
        }
    }
}
