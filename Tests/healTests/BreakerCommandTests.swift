import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

@Suite("heal status and heal breaker")
struct BreakerCommandTests {
    /// A repository whose default store has one open breaker, one closed one, a ticket and two runs.
    func seededRepository() async throws -> (TempRepo, String) {
        let repo = try TempRepo()
        try repo.commitAll("first")
        try repo.git("remote", "add", "origin", "https://gitlab.com/Team/App.git")
        let opened = try await RepositoryStore.open(path: repo.path, setting: "sqlite")
        let store = opened.store
        let policy = BreakerPolicy(maxAttempts: 2)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        for _ in 0..<2 {
            let attempt = try #require(try await store.claimAttempt(AttemptClaim(key: opened.key(test: "tests/test_a.py::test_open"), at: t0), policy: policy).attempt)
            _ = try await store.finishAttempt(id: attempt.id, outcome: .verificationFailed, reason: "still failing", branch: nil, at: t0, policy: policy)
        }
        _ = try await store.claimAttempt(AttemptClaim(key: opened.key(test: "tests/test_b.py::test_closed"), at: t0), policy: policy)
        try await store.saveTicket(TicketRecord(key: opened.key(test: "tests/test_a.py::test_open"), path: "/x/ticket.md",
                                                reason: "breaker open", openedAt: t0, updatedAt: t0))
        let run = try await store.startRun(RunStart(repository: opened.repositoryID, before: "aaaaaaa1", after: "bbbbbbb2", detectedAt: t0))
        try await store.finishRun(id: run, summary: RunSummary(regressions: 1, introduced: 1, dispatched: 1, staged: 1,
                                                               stagedAt: t0 + 90, finishedAt: t0 + 100))
        await store.close()
        return (repo, opened.repositoryID)
    }

    struct Status: Decodable {
        struct Breaker: Decodable { var test: String; var state: String; var consecutiveFailures: Int; var attempts: Int; var running: Int }
        struct Ticket: Decodable { var test: String; var path: String }
        struct Run: Decodable { var before: String; var staged: Int }
        var repository: String
        var breakers: [Breaker]
        var openTickets: [Ticket]
        var recentRuns: [Run]
        var medianSecondsToStagedFix: Double?
    }

    @Test func statusShowsBreakersTicketsRunsAndTimeToFix() async throws {
        let (repo, id) = try await seededRepository()
        let result = try HealBinary.run(["status", "--json"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        let status = try JSONDecoder().decode(Status.self, from: Data(result.stdout.utf8))
        #expect(status.repository == id && id == "gitlab.com/team/app")
        #expect(status.breakers.map(\.test) == ["tests/test_a.py::test_open", "tests/test_b.py::test_closed"])
        #expect(status.breakers.map(\.state) == ["open", "closed"])
        #expect(status.breakers.map(\.consecutiveFailures) == [2, 0])
        #expect(status.breakers.map(\.running) == [0, 1])
        #expect(status.openTickets.map(\.path) == ["/x/ticket.md"])
        #expect(status.recentRuns.map(\.before) == ["aaaaaaa1"])
        #expect(status.medianSecondsToStagedFix == 90)
        let text = try HealBinary.run(["status"], in: repo.path)
        #expect(text.stdout.contains("breakers: 1 open, 1 closed"))
        #expect(text.stdout.contains("median time from detection to staged fix: 1m 30s"))
    }

    @Test func resetClosesTheBreakerAndItsTicket() async throws {
        let (repo, _) = try await seededRepository()
        let reset = try HealBinary.run(["breaker", "reset", "tests/test_a.py::test_open"], in: repo.path)
        #expect(reset.status == 0, "\(reset.stderr)")
        let status = try JSONDecoder().decode(Status.self, from: Data(try HealBinary.run(["status", "--json"], in: repo.path).stdout.utf8))
        #expect(status.breakers.allSatisfy { $0.state == "closed" })
        #expect(status.openTickets.isEmpty)
        let list = try HealBinary.run(["breaker", "list"], in: repo.path)
        #expect(list.stdout.contains("closed tests/test_a.py::test_open"))
        let unknown = try HealBinary.run(["breaker", "reset", "tests/nope.py::test_x"], in: repo.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no breaker or ticket for test 'tests/nope.py::test_x'"))
    }

    @Test func anUnreachablePostgreSQLIsAnInputErrorWithThePasswordRedacted() throws {
        let repo = try TempRepo()
        try repo.commitAll("first")
        // Port 1 on the loopback address: nothing listens there, so the connection is refused.
        let result = try HealBinary.run(["status", "--store", "postgres://heal:s3cret-pw@127.0.0.1:1/heal"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("postgres://heal:***@127.0.0.1:1/heal"))
        #expect(result.stderr.contains("cannot reach the PostgreSQL server"))
        #expect(!result.stderr.contains("s3cret-pw"))
    }

    @Test func theConfigurationsStoreIsUsedUnlessStoreOverridesIt() throws {
        let repo = try TempRepo()
        try repo.write(".heal.yml", "store: postgres://heal:s3cret-pw@127.0.0.1:1/heal\n")
        try repo.commitAll("first")
        let configured = try HealBinary.run(["breaker", "list"], in: repo.path)
        #expect(configured.status == 2)
        #expect(configured.stderr.contains("postgres://heal:***@127.0.0.1:1/heal"))
        let overridden = try HealBinary.run(["breaker", "list", "--store", "sqlite"], in: repo.path)
        #expect(overridden.status == 0, "\(overridden.stderr)")
    }

    @Test(arguments: ["garbage", "damaged-page"])
    func aCorruptSQLiteFileIsReportedAndLeftAsItWas(_ kind: String) throws {
        let repo = try TempRepo()
        try repo.commitAll("first")
        let path = repo.path + "/.git/heal/heal.sqlite"
        if kind == "garbage" {
            try repo.write(".git/heal/heal.sqlite", String(repeating: "not a database\n", count: 400))
        } else {
            #expect(try HealBinary.run(["status"], in: repo.path).status == 0)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            // Page 1 after the 100-byte file header holds the schema table's b-tree page header.
            bytes.replaceSubrange(100..<min(4096, bytes.count), with: Data(repeating: 0xA5, count: min(4096, bytes.count) - 100))
            try bytes.write(to: URL(fileURLWithPath: path))
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try HealBinary.run(["status"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains(path))
        #expect(result.stderr.contains("damaged"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
