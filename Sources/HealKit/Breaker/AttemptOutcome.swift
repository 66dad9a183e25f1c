/// How a fix attempt ended.
public enum AttemptOutcome: String, Sendable, Codable, CaseIterable {
    /// The fix was verified and its PR body staged.
    case staged
    /// The fix was verified and a PR was opened on the forge.
    case opened
    /// The agent failed: non-zero exit, timeout, or no change.
    case agentError = "agent-error"
    /// The agent's change broke the scope guard.
    case scopeViolation = "scope-violation"
    /// The change did not make the failing test pass, or broke others.
    case verificationFailed = "verification-failed"
    /// The runner that claimed the attempt never reported back (it crashed or was killed)
    /// within the policy's lease; counted as a failure so a dying runner cannot retry forever.
    case abandoned

    /// Whether this outcome counts towards opening the breaker.
    public var isFailure: Bool {
        switch self {
        case .staged, .opened: false
        case .agentError, .scopeViolation, .verificationFailed, .abandoned: true
        }
    }
}
