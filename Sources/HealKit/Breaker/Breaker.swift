import Foundation

/// The circuit breaker's state machine: pure functions over `BreakerState`.
///
/// Closed → (a failed attempt) → closed with one more failure → … → open after
/// `maxAttempts` consecutive failures. Open → (the test passes on the base branch, or a human
/// resets it) → closed with no failures. A successful attempt ends the failure streak. The
/// stores call these inside their transactions, so both stores share one set of rules.
public enum Breaker {
    /// Decides whether one more attempt may be dispatched.
    ///
    /// - Parameters:
    ///   - state: the key's breaker.
    ///   - running: attempts on this key claimed by runners that have not reported yet; they
    ///     count against the limit, so concurrent runners cannot exceed it together.
    ///   - attemptsSoFar: every attempt ever claimed on this key (numbers the next one).
    ///   - usage: dispatches already counted against the budgets.
    public static func decide(state: BreakerState, running: Int, attemptsSoFar: Int,
                              usage: BudgetUsage, policy: BreakerPolicy) -> ClaimDecision {
        if state.isOpen { return .refused(.breakerOpen(failures: state.consecutiveFailures)) }
        if state.consecutiveFailures + running >= policy.maxAttempts {
            if running == 0 { return .refused(.breakerOpen(failures: state.consecutiveFailures)) }
            return .refused(.attemptsInFlight(running: running, failures: state.consecutiveFailures))
        }
        if usage.thisRun >= policy.dispatchesPerRun {
            return .refused(.runBudgetExhausted(limit: policy.dispatchesPerRun))
        }
        if usage.lastDay >= policy.dispatchesPerDay {
            return .refused(.dayBudgetExhausted(limit: policy.dispatchesPerDay))
        }
        return .dispatch(attempt: attemptsSoFar + 1)
    }

    /// The state after an attempt ended with `outcome`.
    public static func recording(_ outcome: AttemptOutcome, on state: BreakerState, at date: Date,
                                 policy: BreakerPolicy) -> BreakerState {
        var next = state
        next.updatedAt = date
        guard outcome.isFailure else {
            next.consecutiveFailures = 0
            return next
        }
        next.consecutiveFailures += 1
        if next.openedAt == nil && next.consecutiveFailures >= policy.maxAttempts { next.openedAt = date }
        return next
    }

    /// The state after the test passed on the base branch or a human reset the key.
    public static func closing(_ state: BreakerState, at date: Date) -> BreakerState {
        BreakerState(consecutiveFailures: 0, openedAt: nil, updatedAt: date)
    }
}
