import Foundation

/// What `heal status` shows for one repository: its breakers, open tickets, recent runs and
/// the median time from detection to a staged fix. Encodes as the `heal status --json` shape.
public struct StatusReport: Sendable, Encodable {
    public struct Breaker: Sendable, Encodable {
        public var test: String
        /// `open` or `closed`.
        public var state: String
        public var consecutiveFailures: Int
        public var attempts: Int
        public var running: Int
        public var openedAt: Date?
        public var lastAttemptAt: Date?
    }

    public struct Ticket: Sendable, Encodable {
        public var test: String
        public var path: String
        public var url: String?
        public var reason: String
        public var openedAt: Date
        public var updatedAt: Date
    }

    public var repository: String
    /// The store, password redacted.
    public var store: String
    public var breakers: [Breaker]
    public var openTickets: [Ticket]
    public var recentRuns: [RunRecord]
    /// Over the last `historyDepth` runs that staged a fix; nil when none did.
    public var medianSecondsToStagedFix: Double?

    /// How many runs the median looks at.
    public static let historyDepth = 100

    /// Reads the report from `store`, listing at most `recentRunLimit` runs.
    public static func load(store: any HealStore, repository: String, recentRunLimit: Int = 10) async throws -> StatusReport {
        let breakers = try await store.breakers(repository: repository).map { record in
            Breaker(test: record.key.test, state: record.state.isOpen ? "open" : "closed",
                    consecutiveFailures: record.state.consecutiveFailures, attempts: record.attempts,
                    running: record.running, openedAt: record.state.openedAt, lastAttemptAt: record.lastAttemptAt)
        }
        let tickets = try await store.openTickets(repository: repository).map { ticket in
            Ticket(test: ticket.key.test, path: ticket.path, url: ticket.url, reason: ticket.reason,
                   openedAt: ticket.openedAt, updatedAt: ticket.updatedAt)
        }
        let runs = try await store.recentRuns(repository: repository, limit: max(historyDepth, recentRunLimit))
        return StatusReport(repository: repository, store: store.location, breakers: breakers, openTickets: tickets,
                            recentRuns: Array(runs.prefix(recentRunLimit)),
                            medianSecondsToStagedFix: RunRecord.medianSecondsToStaged(runs))
    }
}
