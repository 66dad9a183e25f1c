/// Whether a runner may dispatch a fix attempt for a key, and if not, why.
public enum ClaimDecision: Sendable, Equatable {
    /// Dispatch; the attempt will be number `attempt` for this key.
    case dispatch(attempt: Int)
    /// Refused; no attempt was recorded.
    case refused(ClaimRefusal)

    /// Whether the claim succeeded.
    public var isDispatch: Bool {
        if case .dispatch = self { return true }
        return false
    }
}

/// Why an attempt may not be dispatched.
public enum ClaimRefusal: Sendable, Equatable, CustomStringConvertible {
    /// The breaker is open after `failures` consecutive failures: escalate instead.
    case breakerOpen(failures: Int)
    /// Failures plus attempts other runners are still working on already reach the limit.
    case attemptsInFlight(running: Int, failures: Int)
    /// This run has used its dispatch budget.
    case runBudgetExhausted(limit: Int)
    /// The repository has used its dispatch budget for the last 24 hours.
    case dayBudgetExhausted(limit: Int)

    /// A short machine-readable name, used in JSON and the store.
    public var code: String {
        switch self {
        case .breakerOpen: "breaker-open"
        case .attemptsInFlight: "attempts-in-flight"
        case .runBudgetExhausted: "run-budget-exhausted"
        case .dayBudgetExhausted: "day-budget-exhausted"
        }
    }

    public var description: String {
        switch self {
        case .breakerOpen(let failures):
            "breaker open after \(failures) consecutive failed attempts; a human has to look (reset with `heal breaker reset`)"
        case .attemptsInFlight(let running, let failures):
            "\(running) attempt(s) still running and \(failures) failed: together they reach the attempt limit"
        case .runBudgetExhausted(let limit):
            "this run already dispatched \(limit) attempt(s), its budget"
        case .dayBudgetExhausted(let limit):
            "the repository already had \(limit) dispatch(es) in the last 24 hours, its budget"
        }
    }
}
