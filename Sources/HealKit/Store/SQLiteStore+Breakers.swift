import Foundation
import GRDB

extension SQLiteStore {
    public func claimAttempt(_ claim: AttemptClaim, policy: BreakerPolicy,
                             beforeCommit: @escaping @Sendable () -> Void) async throws -> ClaimResult {
        try await write("claim an attempt") { db in
            let now = claim.at.timeIntervalSince1970
            try db.execute(sql: "INSERT OR IGNORE INTO heal_repositories (id) VALUES (?)", arguments: [claim.key.repository])
            var standings: [KeyStanding] = []
            var changed: Set<Int> = []
            for (index, key) in claim.keys.enumerated() {
                var state = try Self.state(db, key)
                let stale = try Int.fetchAll(db, sql: """
                    SELECT id FROM heal_attempts WHERE repository = ? AND test = ? AND outcome IS NULL AND started_at < ?
                    ORDER BY id
                    """, arguments: [key.repository, key.test, now - policy.attemptLease])
                for id in stale {
                    try db.execute(sql: """
                        UPDATE heal_attempts SET outcome = ?, reason = ?, finished_at = ? WHERE id = ?
                        """, arguments: [AttemptOutcome.abandoned.rawValue, StoreText.abandonedReason(policy), now, id])
                    state = Breaker.recording(.abandoned, on: state, at: claim.at, policy: policy)
                    changed.insert(index)
                }
                let counts = try Row.fetchOne(db, sql: """
                    SELECT
                      (SELECT count(*) FROM heal_attempts WHERE repository = ?1 AND test = ?2 AND outcome IS NULL) AS running,
                      (SELECT coalesce(max(number), 0) FROM heal_attempts WHERE repository = ?1 AND test = ?2) AS attempts
                    """, arguments: [key.repository, key.test])
                standings.append(KeyStanding(state: state, running: counts?["running"] ?? 0, attemptsSoFar: counts?["attempts"] ?? 0))
            }
            let usage = try Row.fetchOne(db, sql: """
                SELECT
                  (SELECT count(DISTINCT coalesce(claim_id, id)) FROM heal_attempts WHERE repository = ?1 AND started_at > ?2) AS last_day,
                  (SELECT count(DISTINCT coalesce(claim_id, id)) FROM heal_attempts WHERE ?3 IS NOT NULL AND run_id = ?3) AS this_run
                """, arguments: [claim.key.repository, now - 86_400, claim.runID])
            let decision = Breaker.decide(keys: standings, usage: BudgetUsage(thisRun: usage?["this_run"] ?? 0,
                                                                              lastDay: usage?["last_day"] ?? 0), policy: policy)
            let outcome = ClaimOutcome(decision: decision, standings: standings, changed: changed, at: claim.at, policy: policy)
            var attempt: AttemptRecord?
            if case .dispatch = decision {
                var claimID: Int64?
                for (key, standing) in zip(claim.keys, outcome.standings) {
                    let number = standing.attemptsSoFar + 1
                    try db.execute(sql: """
                        INSERT INTO heal_attempts (repository, test, number, run_id, agent, branch, started_at, claim_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [key.repository, key.test, number, claim.runID, claim.agent, claim.branch, now, claimID])
                    if claimID == nil {
                        claimID = db.lastInsertedRowID
                        try db.execute(sql: "UPDATE heal_attempts SET claim_id = id WHERE id = ?", arguments: [claimID])
                        attempt = AttemptRecord(id: claimID ?? 0, key: key, number: number, runID: claim.runID,
                                                agent: claim.agent, branch: claim.branch, startedAt: claim.at)
                    }
                }
            }
            for index in outcome.changed {
                try Self.save(db, claim.keys[index], outcome.standings[index].state)
            }
            beforeCommit()
            return ClaimResult(decision: decision, attempt: attempt, state: outcome.reportedState)
        }
    }

    public func finishAttempt(id: Int64, outcome: AttemptOutcome, reason: String?, branch: String?,
                              at: Date, policy: BreakerPolicy) async throws -> BreakerState {
        let location = location
        return try await write("finish attempt \(id)") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, repository, test, outcome FROM heal_attempts WHERE id = ?1 OR claim_id = ?1 ORDER BY id
                """, arguments: [id])
            guard !rows.isEmpty else {
                throw StoreFailure(location: location, operation: "finish attempt \(id)", detail: "no such attempt")
            }
            var states: [BreakerState] = []
            for row in rows {
                let key = BreakerKey(repository: row["repository"], test: row["test"])
                var state = try Self.state(db, key)
                let previous: String? = row["outcome"]
                if previous == nil {
                    try db.execute(sql: """
                        UPDATE heal_attempts SET outcome = ?, reason = ?, branch = coalesce(?, branch), finished_at = ? WHERE id = ?
                        """, arguments: [outcome.rawValue, reason, branch, at.timeIntervalSince1970, row["id"] as Int64])
                    state = Breaker.recording(outcome, on: state, at: at, policy: policy)
                    try Self.save(db, key, state)
                }
                states.append(state)
            }
            return states[0]
        }
    }

    public func closeBreaker(_ key: BreakerKey, at: Date) async throws -> Bool {
        try await write("close breaker") { db in
            let known = try Self.storedState(db, key)
            let now = at.timeIntervalSince1970
            try db.execute(sql: "UPDATE heal_tickets SET closed_at = ?, updated_at = ? WHERE repository = ? AND test = ? AND closed_at IS NULL",
                           arguments: [now, now, key.repository, key.test])
            guard let known else { return db.changesCount > 0 }
            try Self.save(db, key, Breaker.closing(known, at: at))
            return true
        }
    }

    public func breaker(_ key: BreakerKey) async throws -> BreakerRecord {
        try await read("read breaker") { db in
            try Self.records(db, where: "b.repository = ? AND b.test = ?", [key.repository, key.test]).first
                ?? BreakerRecord(key: key, state: .closed, running: 0, attempts: 0, lastAttemptAt: nil)
        }
    }

    public func breakers(repository: String) async throws -> [BreakerRecord] {
        try await read("list breakers") { db in try Self.records(db, where: "b.repository = ?", [repository]) }
    }

    public func attempts(for key: BreakerKey) async throws -> [AttemptRecord] {
        try await read("list attempts") { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM heal_attempts WHERE repository = ? AND test = ? ORDER BY number
                """, arguments: [key.repository, key.test]).map { row in
                AttemptRecord(id: row["id"], key: key, number: row["number"], runID: row["run_id"],
                              agent: row["agent"], branch: row["branch"],
                              outcome: (row["outcome"] as String?).flatMap(AttemptOutcome.init(rawValue:)),
                              reason: row["reason"], startedAt: Date(timeIntervalSince1970: row["started_at"]),
                              finishedAt: (row["finished_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
            }
        }
    }

    static func storedState(_ db: Database, _ key: BreakerKey) throws -> BreakerState? {
        try Row.fetchOne(db, sql: """
            SELECT consecutive_failures, opened_at, updated_at FROM heal_breakers WHERE repository = ? AND test = ?
            """, arguments: [key.repository, key.test]).map { row in
            BreakerState(consecutiveFailures: row["consecutive_failures"],
                         openedAt: (row["opened_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                         updatedAt: (row["updated_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
        }
    }

    static func state(_ db: Database, _ key: BreakerKey) throws -> BreakerState {
        try storedState(db, key) ?? .closed
    }

    static func save(_ db: Database, _ key: BreakerKey, _ state: BreakerState) throws {
        try db.execute(sql: """
            INSERT INTO heal_breakers (repository, test, consecutive_failures, opened_at, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (repository, test) DO UPDATE SET consecutive_failures = excluded.consecutive_failures,
              opened_at = excluded.opened_at, updated_at = excluded.updated_at
            """, arguments: [key.repository, key.test, state.consecutiveFailures,
                             state.openedAt?.timeIntervalSince1970, state.updatedAt?.timeIntervalSince1970])
    }

    private static func records(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [BreakerRecord] {
        try Row.fetchAll(db, sql: """
            SELECT b.repository, b.test, b.consecutive_failures, b.opened_at, b.updated_at,
              (SELECT count(*) FROM heal_attempts a WHERE a.repository = b.repository AND a.test = b.test AND a.outcome IS NULL) AS running,
              (SELECT count(*) FROM heal_attempts a WHERE a.repository = b.repository AND a.test = b.test) AS attempts,
              (SELECT max(started_at) FROM heal_attempts a WHERE a.repository = b.repository AND a.test = b.test) AS last_attempt
            FROM heal_breakers b WHERE \(condition) ORDER BY b.test
            """, arguments: arguments).map { row in
            BreakerRecord(
                key: BreakerKey(repository: row["repository"], test: row["test"]),
                state: BreakerState(consecutiveFailures: row["consecutive_failures"],
                                    openedAt: (row["opened_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                                    updatedAt: (row["updated_at"] as Double?).map(Date.init(timeIntervalSince1970:))),
                running: row["running"], attempts: row["attempts"],
                lastAttemptAt: (row["last_attempt"] as Double?).map(Date.init(timeIntervalSince1970:)))
        }
    }
}
