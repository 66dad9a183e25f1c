import Foundation

/// A key's breaker with the counts `heal status` and `heal breaker list` show.
public struct BreakerRecord: Sendable, Equatable, Codable {
    public var key: BreakerKey
    public var state: BreakerState
    /// Attempts claimed and not yet reported.
    public var running: Int
    /// Every attempt ever claimed for the key.
    public var attempts: Int
    public var lastAttemptAt: Date?

    public init(key: BreakerKey, state: BreakerState, running: Int, attempts: Int, lastAttemptAt: Date?) {
        self.key = key
        self.state = state
        self.running = running
        self.attempts = attempts
        self.lastAttemptAt = lastAttemptAt
    }
}
