import Foundation

/// An escalation ticket: one per key, updated in place.
public struct TicketRecord: Sendable, Equatable, Codable {
    public var key: BreakerKey
    /// The Markdown file under `<git-common-dir>/heal/tickets/`.
    public var path: String
    /// The forge issue, once published.
    public var url: String?
    /// Why a human is needed (breaker open, ambiguous verdict, …).
    public var reason: String
    public var openedAt: Date
    public var updatedAt: Date
    /// When the breaker closed again (the test passed on the base branch, or a reset).
    public var closedAt: Date?

    public init(key: BreakerKey, path: String, url: String? = nil, reason: String, openedAt: Date,
                updatedAt: Date, closedAt: Date? = nil) {
        self.key = key
        self.path = path
        self.url = url
        self.reason = reason
        self.openedAt = openedAt
        self.updatedAt = updatedAt
        self.closedAt = closedAt
    }
}
