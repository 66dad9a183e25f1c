import Foundation

/// What the store remembers about one key's breaker.
public struct BreakerState: Sendable, Equatable, Codable {
    /// Failed attempts since the last success, base-branch pass or reset.
    public var consecutiveFailures: Int
    /// When the breaker opened; nil while it is closed.
    public var openedAt: Date?
    /// When the state last changed.
    public var updatedAt: Date?

    public init(consecutiveFailures: Int = 0, openedAt: Date? = nil, updatedAt: Date? = nil) {
        self.consecutiveFailures = consecutiveFailures
        self.openedAt = openedAt
        self.updatedAt = updatedAt
    }

    /// Whether dispatch is blocked for this key.
    public var isOpen: Bool { openedAt != nil }

    /// A key that has never been attempted.
    public static let closed = BreakerState()
}
