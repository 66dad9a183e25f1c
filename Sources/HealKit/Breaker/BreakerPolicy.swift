/// The limits the breaker and the dispatch budgets enforce.
public struct BreakerPolicy: Sendable, Equatable, Codable {
    /// Consecutive failed attempts after which a key's breaker opens (`fix.max-attempts`).
    public var maxAttempts: Int
    /// At most this many dispatches in one `heal run`.
    public var dispatchesPerRun: Int
    /// At most this many dispatches per repository in any 24 hours.
    public var dispatchesPerDay: Int
    /// An attempt still running after this many seconds is taken as abandoned (its runner
    /// died) and counted as a failure. Keep it above the agent timeout plus verification.
    public var attemptLease: Double

    public init(maxAttempts: Int = 3, dispatchesPerRun: Int = 3, dispatchesPerDay: Int = 10,
                attemptLease: Double = 3 * 3600) {
        self.maxAttempts = maxAttempts
        self.dispatchesPerRun = dispatchesPerRun
        self.dispatchesPerDay = dispatchesPerDay
        self.attemptLease = attemptLease
    }
}
