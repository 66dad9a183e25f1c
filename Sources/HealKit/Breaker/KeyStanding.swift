/// One key's breaker as a claim finds it: its state, the attempts on it still running, and
/// every attempt ever claimed on it.
public struct KeyStanding: Sendable, Equatable {
    public var state: BreakerState
    public var running: Int
    public var attemptsSoFar: Int

    public init(state: BreakerState, running: Int = 0, attemptsSoFar: Int = 0) {
        self.state = state
        self.running = running
        self.attemptsSoFar = attemptsSoFar
    }
}

extension Breaker {
    /// Decides whether one attempt on a cause may be dispatched: an attempt counts against the
    /// breaker of every test of the cause, so each key must allow it (an open breaker refuses
    /// before attempts in flight); the budgets count the cause's dispatch once.
    ///
    /// - Parameter keys: the cause's keys, the representative first; its attempt numbers the
    ///   dispatch.
    public static func decide(keys: [KeyStanding], usage: BudgetUsage, policy: BreakerPolicy) -> ClaimDecision {
        let unlimited = BudgetUsage(thisRun: 0, lastDay: 0)
        let alone = BreakerPolicy(maxAttempts: policy.maxAttempts, dispatchesPerRun: Int.max, dispatchesPerDay: Int.max,
                                  attemptLease: policy.attemptLease)
        let refusals = keys.compactMap { key -> ClaimRefusal? in
            guard case .refused(let refusal) = decide(state: key.state, running: key.running, attemptsSoFar: key.attemptsSoFar,
                                                      usage: unlimited, policy: alone) else { return nil }
            return refusal
        }
        if let open = refusals.first(where: { if case .breakerOpen = $0 { true } else { false } }) { return .refused(open) }
        if let first = refusals.first { return .refused(first) }
        let representative = keys.first ?? KeyStanding(state: .closed)
        return decide(state: representative.state, running: representative.running,
                      attemptsSoFar: representative.attemptsSoFar, usage: usage, policy: policy)
    }
}
