import Foundation
import GRDB

extension SQLiteStore {
    public func startRun(_ run: RunStart) async throws -> Int64 {
        try await write("start a run") { db in
            try db.execute(sql: """
                INSERT INTO heal_runs (repository, before_commit, after_commit, detected_at) VALUES (?, ?, ?, ?)
                """, arguments: [run.repository, run.before, run.after, run.detectedAt.timeIntervalSince1970])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(id: Int64, summary: RunSummary) async throws {
        try await write("finish run \(id)") { db in
            try db.execute(sql: """
                UPDATE heal_runs SET regressions = ?, introduced = ?, dispatched = ?, staged = ?, escalated = ?,
                  staged_at = ?, finished_at = ? WHERE id = ?
                """, arguments: [summary.regressions, summary.introduced, summary.dispatched, summary.staged,
                                 summary.escalated, summary.stagedAt?.timeIntervalSince1970,
                                 summary.finishedAt.timeIntervalSince1970, id])
        }
    }

    public func recentRuns(repository: String, limit: Int) async throws -> [RunRecord] {
        try await read("list runs") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM heal_runs WHERE repository = ? ORDER BY id DESC LIMIT ?",
                             arguments: [repository, limit]).map { row in
                let start = RunStart(repository: row["repository"], before: row["before_commit"], after: row["after_commit"],
                                     detectedAt: Date(timeIntervalSince1970: row["detected_at"]))
                let finished = (row["finished_at"] as Double?).map(Date.init(timeIntervalSince1970:))
                let summary = finished.map {
                    RunSummary(regressions: row["regressions"], introduced: row["introduced"], dispatched: row["dispatched"],
                               staged: row["staged"], escalated: row["escalated"],
                               stagedAt: (row["staged_at"] as Double?).map(Date.init(timeIntervalSince1970:)), finishedAt: $0)
                }
                return RunRecord(id: row["id"], start: start, summary: summary)
            }
        }
    }

    public func recordObservation(_ observation: TestObservation) async throws {
        try await write("record a test observation") { db in
            try db.execute(sql: """
                INSERT INTO heal_test_observations (repository, test, commit_id, passes, failures, observed_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [observation.repository, observation.test, observation.commit, observation.passes,
                                 observation.failures, observation.at.timeIntervalSince1970])
        }
    }

    public func flakeHistory(repository: String, test: String) async throws -> FlakeHistory {
        try await read("read flake history") { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*) AS observations,
                  coalesce(sum(CASE WHEN passes > 0 AND failures > 0 THEN 1 ELSE 0 END), 0) AS flaky,
                  max(CASE WHEN passes > 0 AND failures > 0 THEN observed_at END) AS last_flaky
                FROM heal_test_observations WHERE repository = ? AND test = ?
                """, arguments: [repository, test])
            return FlakeHistory(observations: row?["observations"] ?? 0, flaky: row?["flaky"] ?? 0,
                                lastFlakyAt: (row?["last_flaky"] as Double?).map(Date.init(timeIntervalSince1970:)))
        }
    }

    public func suiteResult(treeID: String, command: String) async throws -> CachedSuiteResult? {
        try await read("read a cached suite result") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM heal_suite_results WHERE tree_id = ? AND command = ?",
                             arguments: [treeID, command]).map { row in
                CachedSuiteResult(treeID: row["tree_id"], command: row["command"], format: row["format"],
                                  payload: row["payload"], createdAt: Date(timeIntervalSince1970: row["created_at"]))
            }
        }
    }

    public func saveSuiteResult(_ result: CachedSuiteResult) async throws {
        try await write("cache a suite result") { db in
            try db.execute(sql: """
                INSERT INTO heal_suite_results (tree_id, command, format, payload, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tree_id, command) DO UPDATE SET format = excluded.format, payload = excluded.payload,
                  created_at = excluded.created_at
                """, arguments: [result.treeID, result.command, result.format, result.payload,
                                 result.createdAt.timeIntervalSince1970])
        }
    }

    public func saveTicket(_ ticket: TicketRecord) async throws {
        try await write("save a ticket") { db in
            try db.execute(sql: """
                INSERT INTO heal_tickets (repository, test, path, url, reason, opened_at, updated_at, closed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (repository, test) DO UPDATE SET path = excluded.path, url = coalesce(excluded.url, heal_tickets.url),
                  reason = excluded.reason, opened_at = excluded.opened_at, updated_at = excluded.updated_at,
                  closed_at = excluded.closed_at
                """, arguments: [ticket.key.repository, ticket.key.test, ticket.path, ticket.url, ticket.reason,
                                 ticket.openedAt.timeIntervalSince1970, ticket.updatedAt.timeIntervalSince1970,
                                 ticket.closedAt?.timeIntervalSince1970])
        }
    }

    public func ticket(_ key: BreakerKey) async throws -> TicketRecord? {
        try await read("read a ticket") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM heal_tickets WHERE repository = ? AND test = ?",
                             arguments: [key.repository, key.test]).map(Self.ticket(from:))
        }
    }

    public func openTickets(repository: String) async throws -> [TicketRecord] {
        try await read("list tickets") { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM heal_tickets WHERE repository = ? AND closed_at IS NULL ORDER BY updated_at DESC, test
                """, arguments: [repository]).map(Self.ticket(from:))
        }
    }

    private static func ticket(from row: Row) -> TicketRecord {
        TicketRecord(key: BreakerKey(repository: row["repository"], test: row["test"]), path: row["path"],
                     url: row["url"], reason: row["reason"],
                     openedAt: Date(timeIntervalSince1970: row["opened_at"]),
                     updatedAt: Date(timeIntervalSince1970: row["updated_at"]),
                     closedAt: (row["closed_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}
