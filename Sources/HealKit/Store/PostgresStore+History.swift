import Foundation
import PostgresNIO

extension PostgresStore {
    public func startRun(_ run: RunStart) async throws -> Int64 {
        let rows = try await rows("start a run", """
            INSERT INTO heal_runs (repository, before_commit, after_commit, detected_at)
            VALUES (\(run.repository), \(run.before), \(run.after), \(run.detectedAt.timeIntervalSince1970)) RETURNING id
            """)
        guard let id = try rows.first?.value("id", as: Int64.self) else {
            throw StoreFailure(location: location, operation: "start a run", detail: "the insert returned no id")
        }
        return id
    }

    public func finishRun(id: Int64, summary: RunSummary) async throws {
        _ = try await rows("finish run \(id)", """
            UPDATE heal_runs SET regressions = \(summary.regressions), introduced = \(summary.introduced),
              dispatched = \(summary.dispatched), staged = \(summary.staged), escalated = \(summary.escalated),
              staged_at = \(summary.stagedAt?.timeIntervalSince1970), finished_at = \(summary.finishedAt.timeIntervalSince1970)
            WHERE id = \(id)
            """)
    }

    public func recentRuns(repository: String, limit: Int) async throws -> [RunRecord] {
        try await rows("list runs", """
            SELECT * FROM heal_runs WHERE repository = \(repository) ORDER BY id DESC LIMIT \(limit)
            """).map { row in
            let start = RunStart(repository: try row.value("repository"), before: try row.value("before_commit"),
                                 after: try row.value("after_commit"),
                                 detectedAt: Date(timeIntervalSince1970: try row.value("detected_at")))
            var summary: RunSummary?
            if let finished = try row.date("finished_at") {
                summary = RunSummary(regressions: try row.value("regressions"), introduced: try row.value("introduced"),
                                     dispatched: try row.value("dispatched"), staged: try row.value("staged"),
                                     escalated: try row.value("escalated"), stagedAt: try row.date("staged_at"),
                                     finishedAt: finished)
            }
            return RunRecord(id: try row.value("id"), start: start, summary: summary)
        }
    }

    public func recordObservation(_ observation: TestObservation) async throws {
        _ = try await rows("record a test observation", """
            INSERT INTO heal_test_observations (repository, test, commit_id, passes, failures, observed_at)
            VALUES (\(observation.repository), \(observation.test), \(observation.commit), \(observation.passes),
                    \(observation.failures), \(observation.at.timeIntervalSince1970))
            """)
    }

    public func flakeHistory(repository: String, test: String) async throws -> FlakeHistory {
        let row = try await rows("read flake history", """
            SELECT count(*) AS observations,
              coalesce(sum(CASE WHEN passes > 0 AND failures > 0 THEN 1 ELSE 0 END), 0)::bigint AS flaky,
              max(CASE WHEN passes > 0 AND failures > 0 THEN observed_at END) AS last_flaky
            FROM heal_test_observations WHERE repository = \(repository) AND test = \(test)
            """).first
        return FlakeHistory(observations: try row?.value("observations", as: Int.self) ?? 0,
                            flaky: try row?.value("flaky", as: Int.self) ?? 0,
                            lastFlakyAt: try row?.date("last_flaky"))
    }

    public func suiteResult(treeID: String, command: String) async throws -> CachedSuiteResult? {
        guard let row = try await rows("read a cached suite result", """
            SELECT * FROM heal_suite_results WHERE tree_id = \(treeID) AND command = \(command)
            """).first else { return nil }
        return CachedSuiteResult(treeID: try row.value("tree_id"), command: try row.value("command"),
                                 format: try row.value("format"), payload: try row.value("payload", as: Data.self),
                                 createdAt: Date(timeIntervalSince1970: try row.value("created_at")))
    }

    public func saveSuiteResult(_ result: CachedSuiteResult) async throws {
        _ = try await rows("cache a suite result", """
            INSERT INTO heal_suite_results (tree_id, command, format, payload, created_at)
            VALUES (\(result.treeID), \(result.command), \(result.format), \(result.payload), \(result.createdAt.timeIntervalSince1970))
            ON CONFLICT (tree_id, command) DO UPDATE SET format = excluded.format, payload = excluded.payload,
              created_at = excluded.created_at
            """)
    }

    public func saveTicket(_ ticket: TicketRecord) async throws {
        _ = try await rows("save a ticket", """
            INSERT INTO heal_tickets (repository, test, path, url, reason, opened_at, updated_at, closed_at)
            VALUES (\(ticket.key.repository), \(ticket.key.test), \(ticket.path), \(ticket.url), \(ticket.reason),
                    \(ticket.openedAt.timeIntervalSince1970), \(ticket.updatedAt.timeIntervalSince1970),
                    \(ticket.closedAt?.timeIntervalSince1970))
            ON CONFLICT (repository, test) DO UPDATE SET path = excluded.path, url = coalesce(excluded.url, heal_tickets.url),
              reason = excluded.reason, opened_at = excluded.opened_at, updated_at = excluded.updated_at,
              closed_at = excluded.closed_at
            """)
    }

    public func ticket(_ key: BreakerKey) async throws -> TicketRecord? {
        try await rows("read a ticket", """
            SELECT * FROM heal_tickets WHERE repository = \(key.repository) AND test = \(key.test)
            """).map(Self.ticket(from:)).first
    }

    public func openTickets(repository: String) async throws -> [TicketRecord] {
        try await rows("list tickets", """
            SELECT * FROM heal_tickets WHERE repository = \(repository) AND closed_at IS NULL
            ORDER BY updated_at DESC, test COLLATE "C"
            """).map(Self.ticket(from:))
    }

    private static func ticket(from row: PostgresRandomAccessRow) throws -> TicketRecord {
        TicketRecord(key: BreakerKey(repository: try row.value("repository"), test: try row.value("test")),
                     path: try row.value("path"), url: try row.value("url"), reason: try row.value("reason"),
                     openedAt: Date(timeIntervalSince1970: try row.value("opened_at")),
                     updatedAt: Date(timeIntervalSince1970: try row.value("updated_at")),
                     closedAt: try row.date("closed_at"))
    }
}
