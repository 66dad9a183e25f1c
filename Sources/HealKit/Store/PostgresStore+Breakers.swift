import Foundation
import PostgresNIO

extension PostgresStore {
    public func claimAttempt(_ claim: AttemptClaim, policy: BreakerPolicy,
                             beforeCommit: @escaping @Sendable () -> Void) async throws -> ClaimResult {
        try await transaction("claim an attempt") { db, logger in
            let key = claim.key
            let now = claim.at.timeIntervalSince1970
            try await db.query("INSERT INTO heal_repositories (id) VALUES (\(key.repository)) ON CONFLICT DO NOTHING", logger: logger)
            try await db.query("SELECT id FROM heal_repositories WHERE id = \(key.repository) FOR UPDATE", logger: logger)
            var state = try await Self.state(db, logger, key) ?? .closed
            let cutoff = now - policy.attemptLease
            let reason = StoreText.abandonedReason(policy)
            let abandoned = try await db.query("""
                UPDATE heal_attempts SET outcome = \(AttemptOutcome.abandoned.rawValue), reason = \(reason), finished_at = \(now)
                WHERE repository = \(key.repository) AND test = \(key.test) AND outcome IS NULL AND started_at < \(cutoff)
                RETURNING id
                """, logger: logger).collect().count
            for _ in 0..<abandoned { state = Breaker.recording(.abandoned, on: state, at: claim.at, policy: policy) }
            let dayStart = now - 86_400
            let counts = try await db.query("""
                SELECT
                  (SELECT count(*) FROM heal_attempts WHERE repository = \(key.repository) AND test = \(key.test) AND outcome IS NULL) AS running,
                  (SELECT coalesce(max(number), 0) FROM heal_attempts WHERE repository = \(key.repository) AND test = \(key.test)) AS attempts,
                  (SELECT count(*) FROM heal_attempts WHERE repository = \(key.repository) AND started_at > \(dayStart)) AS last_day
                """, logger: logger).collect().first?.makeRandomAccess()
            var thisRun = 0
            if let runID = claim.runID {
                for try await count in try await db.query(
                    "SELECT count(*) FROM heal_attempts WHERE run_id = \(runID)", logger: logger).decode(Int.self) {
                    thisRun = count
                }
            }
            let usage = BudgetUsage(thisRun: thisRun, lastDay: try counts?.value("last_day", as: Int.self) ?? 0)
            let decision = Breaker.decide(state: state, running: try counts?.value("running", as: Int.self) ?? 0,
                                          attemptsSoFar: try counts?.value("attempts", as: Int.self) ?? 0,
                                          usage: usage, policy: policy)
            if case .refused(.breakerOpen) = decision, state.openedAt == nil {
                state.openedAt = claim.at
                state.updatedAt = claim.at
            }
            var attempt: AttemptRecord?
            if case .dispatch(let number) = decision {
                var id: Int64 = 0
                for try await inserted in try await db.query("""
                    INSERT INTO heal_attempts (repository, test, number, run_id, agent, branch, started_at)
                    VALUES (\(key.repository), \(key.test), \(number), \(claim.runID), \(claim.agent), \(claim.branch), \(now))
                    RETURNING id
                    """, logger: logger).decode(Int64.self) {
                    id = inserted
                }
                attempt = AttemptRecord(id: id, key: key, number: number, runID: claim.runID, agent: claim.agent,
                                        branch: claim.branch, startedAt: claim.at)
            }
            try await Self.save(db, logger, key, state)
            beforeCommit()
            return ClaimResult(decision: decision, attempt: attempt, state: state)
        }
    }

    public func finishAttempt(id: Int64, outcome: AttemptOutcome, reason: String?, branch: String?,
                              at: Date, policy: BreakerPolicy) async throws -> BreakerState {
        let location = location
        return try await transaction("finish attempt \(id)") { db, logger in
            guard let row = try await db.query("""
                SELECT a.repository, a.test, a.outcome FROM heal_attempts a
                JOIN heal_repositories r ON r.id = a.repository WHERE a.id = \(id) FOR UPDATE OF r
                """, logger: logger).collect().first?.makeRandomAccess() else {
                throw StoreFailure(location: location, operation: "finish attempt \(id)", detail: "no such attempt")
            }
            let key = BreakerKey(repository: try row.value("repository"), test: try row.value("test"))
            var state = try await Self.state(db, logger, key) ?? .closed
            guard try row.value("outcome", as: String?.self) == nil else { return state }
            try await db.query("""
                UPDATE heal_attempts SET outcome = \(outcome.rawValue), reason = \(reason), branch = coalesce(\(branch), branch),
                  finished_at = \(at.timeIntervalSince1970) WHERE id = \(id)
                """, logger: logger)
            state = Breaker.recording(outcome, on: state, at: at, policy: policy)
            try await Self.save(db, logger, key, state)
            return state
        }
    }

    public func closeBreaker(_ key: BreakerKey, at: Date) async throws -> Bool {
        try await transaction("close breaker") { db, logger in
            try await db.query("SELECT id FROM heal_repositories WHERE id = \(key.repository) FOR UPDATE", logger: logger)
            let known = try await Self.state(db, logger, key)
            let now = at.timeIntervalSince1970
            let closedTickets = try await db.query("""
                UPDATE heal_tickets SET closed_at = \(now), updated_at = \(now)
                WHERE repository = \(key.repository) AND test = \(key.test) AND closed_at IS NULL RETURNING test
                """, logger: logger).collect().count
            guard let known else { return closedTickets > 0 }
            try await Self.save(db, logger, key, Breaker.closing(known, at: at))
            return true
        }
    }

    public func breaker(_ key: BreakerKey) async throws -> BreakerRecord {
        try await records("read breaker", "b.repository = \(key.repository) AND b.test = \(key.test)").first
            ?? BreakerRecord(key: key, state: .closed, running: 0, attempts: 0, lastAttemptAt: nil)
    }

    public func breakers(repository: String) async throws -> [BreakerRecord] {
        try await records("list breakers", "b.repository = \(repository)")
    }

    public func attempts(for key: BreakerKey) async throws -> [AttemptRecord] {
        try await rows("list attempts", """
            SELECT * FROM heal_attempts WHERE repository = \(key.repository) AND test = \(key.test) ORDER BY number
            """).map { row in
            AttemptRecord(id: try row.value("id"), key: key, number: try row.value("number"),
                          runID: try row.value("run_id"), agent: try row.value("agent"), branch: try row.value("branch"),
                          outcome: try row.value("outcome", as: String?.self).flatMap(AttemptOutcome.init(rawValue:)),
                          reason: try row.value("reason"),
                          startedAt: Date(timeIntervalSince1970: try row.value("started_at")),
                          finishedAt: try row.date("finished_at"))
        }
    }

    static func state(_ db: PostgresConnection, _ logger: Logger, _ key: BreakerKey) async throws -> BreakerState? {
        guard let row = try await db.query("""
            SELECT consecutive_failures, opened_at, updated_at FROM heal_breakers
            WHERE repository = \(key.repository) AND test = \(key.test)
            """, logger: logger).collect().first?.makeRandomAccess() else { return nil }
        return BreakerState(consecutiveFailures: try row.value("consecutive_failures"),
                            openedAt: try row.date("opened_at"), updatedAt: try row.date("updated_at"))
    }

    static func save(_ db: PostgresConnection, _ logger: Logger, _ key: BreakerKey, _ state: BreakerState) async throws {
        try await db.query("""
            INSERT INTO heal_breakers (repository, test, consecutive_failures, opened_at, updated_at)
            VALUES (\(key.repository), \(key.test), \(state.consecutiveFailures),
                    \(state.openedAt?.timeIntervalSince1970), \(state.updatedAt?.timeIntervalSince1970))
            ON CONFLICT (repository, test) DO UPDATE SET consecutive_failures = excluded.consecutive_failures,
              opened_at = excluded.opened_at, updated_at = excluded.updated_at
            """, logger: logger)
    }

    private func records(_ operation: String, _ condition: PostgresQuery) async throws -> [BreakerRecord] {
        let query = PostgresQuery(unsafeSQL: """
            SELECT b.repository, b.test, b.consecutive_failures, b.opened_at, b.updated_at,
              (SELECT count(*) FROM heal_attempts a WHERE a.repository = b.repository AND a.test = b.test AND a.outcome IS NULL) AS running,
              (SELECT count(*) FROM heal_attempts a WHERE a.repository = b.repository AND a.test = b.test) AS attempts,
              (SELECT max(started_at) FROM heal_attempts a WHERE a.repository = b.repository AND a.test = b.test) AS last_attempt
            FROM heal_breakers b WHERE \(condition.sql) ORDER BY b.test COLLATE "C"
            """, binds: condition.binds)
        return try await rows(operation, query).map { row in
            BreakerRecord(
                key: BreakerKey(repository: try row.value("repository"), test: try row.value("test")),
                state: BreakerState(consecutiveFailures: try row.value("consecutive_failures"),
                                    openedAt: try row.date("opened_at"), updatedAt: try row.date("updated_at")),
                running: try row.value("running"), attempts: try row.value("attempts"),
                lastAttemptAt: try row.date("last_attempt"))
        }
    }
}
