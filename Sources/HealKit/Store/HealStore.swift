import Foundation

/// heal's state: breakers, attempts, run history, flake history, cached suite results and
/// tickets. SQLite (one machine) and PostgreSQL (a team's runners) implement it with the same
/// schema and semantics; the breaker rules themselves are `Breaker`'s pure functions.
public protocol HealStore: SuiteResultCache {
    /// Where the store is, with any password redacted: safe to print.
    var location: String { get }

    /// Atomically decides whether one more attempt may be dispatched for the claim's key and,
    /// if so, records it as running. Concurrent claims from any number of processes never
    /// dispatch more than `policy.maxAttempts` attempts for a key or exceed the budgets.
    /// Running attempts older than `policy.attemptLease` are first marked abandoned.
    ///
    /// `beforeCommit` runs inside the transaction, after the decision; a hook for crash tests.
    func claimAttempt(_ claim: AttemptClaim, policy: BreakerPolicy,
                      beforeCommit: @escaping @Sendable () -> Void) async throws -> ClaimResult

    /// Records how an attempt ended and updates its key's breaker. An attempt that already has
    /// an outcome (for instance one marked abandoned) keeps it.
    func finishAttempt(id: Int64, outcome: AttemptOutcome, reason: String?, branch: String?,
                       at: Date, policy: BreakerPolicy) async throws -> BreakerState

    /// Closes a key's breaker (the test passed on the base branch, or a human reset it) and
    /// closes its ticket. Returns false when the store knows nothing about the key.
    @discardableResult
    func closeBreaker(_ key: BreakerKey, at: Date) async throws -> Bool

    /// One key's breaker; a closed, empty one when the key is unknown.
    func breaker(_ key: BreakerKey) async throws -> BreakerRecord
    /// Every key of a repository that has a breaker, by test id.
    func breakers(repository: String) async throws -> [BreakerRecord]
    /// A key's attempts, oldest first.
    func attempts(for key: BreakerKey) async throws -> [AttemptRecord]

    /// Starts a run in the history and returns its id.
    func startRun(_ run: RunStart) async throws -> Int64
    func finishRun(id: Int64, summary: RunSummary) async throws
    /// The latest runs of a repository, newest first.
    func recentRuns(repository: String, limit: Int) async throws -> [RunRecord]

    func recordObservation(_ observation: TestObservation) async throws
    func flakeHistory(repository: String, test: String) async throws -> FlakeHistory

    /// The cached result for a tree and command, if any.
    func suiteResult(treeID: String, command: String) async throws -> CachedSuiteResult?
    /// Stores (or replaces) a cached result.
    func saveSuiteResult(_ result: CachedSuiteResult) async throws

    /// Creates or updates the key's ticket (one per key).
    func saveTicket(_ ticket: TicketRecord) async throws
    func ticket(_ key: BreakerKey) async throws -> TicketRecord?
    /// Tickets not yet closed, newest update first.
    func openTickets(repository: String) async throws -> [TicketRecord]

    /// Releases the connection. The store must not be used afterwards.
    func close() async
}

extension HealStore {
    /// The format tag of payloads stored through `SuiteResultCache`.
    public static var suiteCacheFormat: String { "suite-result" }

    public func cachedSuiteResult(treeID: String, command: String) async throws -> Data? {
        try await suiteResult(treeID: treeID, command: command)?.payload
    }

    public func storeSuiteResult(treeID: String, command: String, payload: Data) async throws {
        try await saveSuiteResult(CachedSuiteResult(treeID: treeID, command: command, format: Self.suiteCacheFormat,
                                                    payload: payload))
    }

    /// `claimAttempt` without a crash-test hook.
    public func claimAttempt(_ claim: AttemptClaim, policy: BreakerPolicy) async throws -> ClaimResult {
        try await claimAttempt(claim, policy: policy, beforeCommit: {})
    }
}
