import Foundation

/// How often an error signature occurred before and after the deploy (`new-error` and
/// `error-spike` regressions), as `heal detect --json` and `heal run --json` print it.
public struct ErrorCounts: Codable, Sendable, Hashable {
    public var baselineCount: Int
    public var currentCount: Int
    /// Events per hour in each window.
    public var baselineRate: Double
    public var currentRate: Double
    /// The p-value after Holm's correction over the signatures tested.
    public var adjustedPValue: Double
    /// The signature's first and last event in the current window, when the log has timestamps.
    public var firstSeen: Date?
    public var lastSeen: Date?
}
