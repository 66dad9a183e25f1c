/// How one attempt ended, before it is recorded and reported.
struct FixAttemptResult: Sendable {
    var outcome: AttemptOutcome
    var reason: String?
    var violations: [String] = []
    var prBody: String?
    var pullRequest: String?
    var runDirectory: String?

    /// Whether a fix was committed on the fix branch.
    var kept: Bool { !outcome.isFailure }

    var dispatchOutcome: FixDispatch.Outcome {
        switch outcome {
        case .staged: .staged
        case .opened: .opened
        case .scopeViolation: .scopeViolation
        case .agentError, .verificationFailed, .abandoned: .failed
        }
    }

    static func failed(_ outcome: AttemptOutcome, _ reason: String, runDirectory: String) -> FixAttemptResult {
        FixAttemptResult(outcome: outcome, reason: reason, runDirectory: runDirectory)
    }
}
