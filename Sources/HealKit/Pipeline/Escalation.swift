/// A cause handed to a human: an entry of `escalations` in `heal run --json`.
public struct Escalation: Sendable, Equatable, Codable {
    /// The cause's representative.
    public var test: String
    public var cause: String
    /// Every test of the cause, the representative first.
    public var tests: [String]
    /// Why heal stopped, in a clause (`the circuit breaker opened after 3 failed attempts`).
    public var reason: String
    /// The ticket file under `<git-common-dir>/heal/tickets/`.
    public var ticket: String
    /// The forge issue, when one was opened or updated.
    public var url: String?

    public init(test: String, cause: String, tests: [String], reason: String, ticket: String, url: String? = nil) {
        self.test = test
        self.cause = cause
        self.tests = tests
        self.reason = reason
        self.ticket = ticket
        self.url = url
    }
}
