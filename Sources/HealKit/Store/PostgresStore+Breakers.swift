import Foundation
import PostgresNIO

extension PostgresStore {
    public func claimAttempt(_ claim: AttemptClaim, policy: BreakerPolicy,
                             beforeCommit: @escaping @Sendable () -> Void) async throws -> ClaimResult {
        try await transaction("claim an attempt") { db, logger in
            let repository = claim.key.repository
            let now = claim.at.timeIntervalSince1970
            try await db.query("INSERT INTO heal_repositories (id) VALUES (\(repository)) ON CONFLICT DO NOTHING", logger: logger)
            try await db.query("SELECT id FROM heal_repositories WHERE id = \(repository) FOR UPDATE", logger: logger)
            let cutoff = now - policy.attemptLease
            let reason = StoreText.abandonedReason(policy)
            var standings: [KeyStanding] = []
            var changed: Set<Int> = []
            for (index, key) in claim.keys.enumerated() {
                var state = try await Self.state(db, logger, key) ?? .closed
                let abandoned = try await db.query("""
                    UPDATE heal_attempts SET outcome = \(AttemptOutcome.abandoned.rawValue), reason = \(reason), finished_at = \(now)
                    WHERE repository = \(key.repository) AND test = \(key.test) AND outcome IS NULL AND started_at < \(cutoff)
                    RETURNING id
                    """, logger: logger).collect().count
                for _ in 0..<abandoned { state = Breaker.recording(.abandoned, on: state, at: claim.at, policy: policy) }
                if abandoned > 0 { changed.insert(index) }
                let counts = try await db.query("""
                    SELECT
                      (SELECT count(*) FROM heal_attempts WHERE repository = \(key.repository) AND test = \(key.test) AND outcome IS NULL) AS running,
                      (SELECT coalesce(max(number), 0) FROM heal_attempts WHERE repository = \(key.repository) AND test = \(key.test)) AS attempts
                    """, logger: logger).collect().first?.makeRandomAccess()
                standings.append(KeyStanding(state: state, running: try counts?.value("running", as: Int.self) ?? 0,
                                             attemptsSoFar: try counts?.value("attempts", as: Int.self) ?? 0))
            }
            let dayStart = now - 86_400
            var lastDay = 0
            for try await count in try await db.query("""
                SELECT count(DISTINCT coalesce(claim_id, id)) FROM heal_attempts
                WHERE repository = \(repository) AND started_at > \(dayStart)
                """, logger: logger).decode(Int.self) {
                lastDay = count
            }
            var thisRun = 0
            if let runID = claim.runID {
                for try await count in try await db.query(
                    "SELECT count(DISTINCT coalesce(claim_id, id)) FROM heal_attempts WHERE run_id = \(runID)",
                    logger: logger).decode(Int.self) {
                    thisRun = count
                }
            }
            let decision = Breaker.decide(keys: standings, usage: BudgetUsage(thisRun: thisRun, lastDay: lastDay), policy: policy)
            let outcome = ClaimOutcome(decision: decision, standings: standings, changed: changed, at: claim.at, policy: policy)
            var attempt: AttemptRecord?
            if case .dispatch = decision {
                var claimID: Int64?
                for (key, standing) in zip(claim.keys, outcome.standings) {
                    let number = standing.attemptsSoFar + 1
                    for try await inserted in try await db.query("""
                        INSERT INTO heal_attempts (repository, test, number, run_id, agent, branch, started_at, claim_id)
                        VALUES (\(key.repository), \(key.test), \(number), \(claim.runID), \(claim.agent), \(claim.branch), \(now),
                                \(claimID))
                        RETURNING id
                        """, logger: logger).decode(Int64.self) where claimID == nil {
                        claimID = inserted
                        attempt = AttemptRecord(id: inserted, key: key, number: number, runID: claim.runID, agent: claim.agent,
                                                branch: claim.branch, startedAt: claim.at)
                    }
                }
                if let claimID {
                    try await db.query("UPDATE heal_attempts SET claim_id = id WHERE id = \(claimID)", logger: logger)
                }
            }
            for index in outcome.changed {
                try await Self.save(db, logger, claim.keys[index], outcome.standings[index].state)
            }
            beforeCommit()
            return ClaimResult(decision: decision, attempt: attempt, state: outcome.reportedState)
        }
    }

    public func finishAttempt(id: Int64, outcome: AttemptOutcome, reason: String?, branch: String?,
                              at: Date, policy: BreakerPolicy) async throws -> BreakerState {
        let location = location
        return try await transaction("finish attempt \(id)") { db, logger in
            let rows = try await db.query("""
                SELECT a.id, a.repository, a.test, a.outcome FROM heal_attempts a
                JOIN heal_repositories r ON r.id = a.repository WHERE a.id = \(id) OR a.claim_id = \(id)
                ORDER BY a.id FOR UPDATE OF r
                """, logger: logger).collect().map { $0.makeRandomAccess() }
            guard !rows.isEmpty else {
                throw StoreFailure(location: location, operation: "finish attempt \(id)", detail: "no such attempt")
            }
            var states: [BreakerState] = []
            for row in rows {
                let key = BreakerKey(repository: try row.value("repository"), test: try row.value("test"))
                var state = try await Self.state(db, logger, key) ?? .closed
                if try row.value("outcome", as: String?.self) == nil {
                    let rowID: Int64 = try row.value("id")
                    try await db.query("""
                        UPDATE heal_attempts SET outcome = \(outcome.rawValue), reason = \(reason), branch = coalesce(\(branch), branch),
                          finished_at = \(at.timeIntervalSince1970) WHERE id = \(rowID)
                        """, logger: logger)
                    state = Breaker.recording(outcome, on: state, at: at, policy: policy)
                    try await Self.save(db, logger, key, state)
                }
                states.append(state)
            }
            return states[0]
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
