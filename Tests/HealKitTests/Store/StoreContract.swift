import Foundation
import HealKit
import Testing

/// The behaviour every `HealStore` must have, run against SQLite and PostgreSQL alike.
///
/// Each case uses its own repository id, so cases can share one PostgreSQL database and run
/// in parallel.
enum StoreContract: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case claimsStopAtTheLimitAndOpenAfterFailures
    case aSuccessEndsTheFailureStreak
    case aStaleClaimCountsAsAbandoned
    case budgetsLimitDispatches
    case aCauseCountsAgainstEveryTestOnce
    case anOpenMemberRefusesTheCause
    case aSpentBudgetTouchesNoBreaker
    case aLateReportKeepsTheFirstOutcome
    case runHistoryAndTimeToFix
    case flakeHistoryCountsMixedOutcomes
    case suiteResultsAreCachedByTreeAndCommand
    case oneTicketPerKeyClosedWithTheBreaker
    case stateSurvivesReopening

    var testDescription: String { rawValue }

    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// Runs the case against stores `open` returns (all on the same database).
    func run(_ open: @Sendable () async throws -> any HealStore) async throws {
        let store = try await open()
        let repository = "test.invalid/\(rawValue)/\(UUID().uuidString)"
        let key = BreakerKey(repository: repository, test: "tests/test_app.py::test_total")
        let policy = BreakerPolicy(maxAttempts: 3, dispatchesPerRun: 10, dispatchesPerDay: 100, attemptLease: 3600)
        let t0 = Self.t0
        switch self {
        case .claimsStopAtTheLimitAndOpenAfterFailures:
            var ids: [Int64] = []
            for number in 1...3 {
                let result = try await store.claimAttempt(AttemptClaim(key: key, agent: "revert", at: t0), policy: policy)
                #expect(result.decision == .dispatch(attempt: number))
                ids.append(try #require(result.attempt).id)
            }
            let fourth = try await store.claimAttempt(AttemptClaim(key: key, at: t0), policy: policy)
            #expect(fourth.decision == .refused(.attemptsInFlight(running: 3, failures: 0)))
            #expect(fourth.attempt == nil)
            for (index, id) in ids.enumerated() {
                let state = try await store.finishAttempt(id: id, outcome: .verificationFailed, reason: "still fails",
                                                          branch: "heal/x-\(index)", at: t0 + 10, policy: policy)
                #expect(state.consecutiveFailures == index + 1)
            }
            let record = try await store.breaker(key)
            #expect(record.state.isOpen)
            #expect(record.state.openedAt == t0 + 10)
            #expect(record.running == 0 && record.attempts == 3)
            #expect(try await store.claimAttempt(AttemptClaim(key: key, at: t0 + 20), policy: policy).decision
                    == .refused(.breakerOpen(failures: 3)))
            let attempts = try await store.attempts(for: key)
            #expect(attempts.map(\.number) == [1, 2, 3])
            #expect(attempts.allSatisfy { $0.outcome == .verificationFailed && $0.reason == "still fails" && $0.agent == "revert" })
            #expect(attempts.map(\.branch) == ["heal/x-0", "heal/x-1", "heal/x-2"])
            #expect(try await store.closeBreaker(key, at: t0 + 30))
            #expect(try await store.breaker(key).state == BreakerState(consecutiveFailures: 0, openedAt: nil, updatedAt: t0 + 30))
            #expect(try await store.claimAttempt(AttemptClaim(key: key, at: t0 + 40), policy: policy).decision
                    == .dispatch(attempt: 4))
            #expect(try await store.breakers(repository: repository).map(\.key) == [key])

        case .aSuccessEndsTheFailureStreak:
            let first = try #require(try await store.claimAttempt(AttemptClaim(key: key, at: t0), policy: policy).attempt)
            _ = try await store.finishAttempt(id: first.id, outcome: .agentError, reason: "exit 1", branch: nil, at: t0, policy: policy)
            let second = try #require(try await store.claimAttempt(AttemptClaim(key: key, at: t0), policy: policy).attempt)
            let state = try await store.finishAttempt(id: second.id, outcome: .staged, reason: nil, branch: "heal/fix",
                                                      at: t0 + 5, policy: policy)
            #expect(state.consecutiveFailures == 0 && !state.isOpen)
            #expect(try await store.closeBreaker(BreakerKey(repository: repository, test: "never-seen"), at: t0) == false)

        case .aStaleClaimCountsAsAbandoned:
            let stale = try #require(try await store.claimAttempt(AttemptClaim(key: key, at: t0), policy: policy).attempt)
            let later = try await store.claimAttempt(AttemptClaim(key: key, at: t0 + policy.attemptLease + 1), policy: policy)
            #expect(later.decision == .dispatch(attempt: 2))
            #expect(later.state.consecutiveFailures == 1)
            let attempts = try await store.attempts(for: key)
            #expect(attempts.first?.id == stale.id)
            #expect(attempts.first?.outcome == .abandoned)
            #expect(attempts.first?.reason?.contains("did not report back") == true)
            #expect(attempts.last?.outcome == nil)

        case .budgetsLimitDispatches:
            let tight = BreakerPolicy(maxAttempts: 3, dispatchesPerRun: 2, dispatchesPerDay: 3, attemptLease: 3600)
            let run = try await store.startRun(RunStart(repository: repository, before: "a", after: "b", detectedAt: t0))
            func claim(_ test: String, run: Int64?, at: Date) async throws -> ClaimDecision {
                try await store.claimAttempt(AttemptClaim(key: BreakerKey(repository: repository, test: test), runID: run, at: at),
                                             policy: tight).decision
            }
            #expect(try await claim("a", run: run, at: t0).isDispatch)
            #expect(try await claim("b", run: run, at: t0).isDispatch)
            #expect(try await claim("c", run: run, at: t0) == .refused(.runBudgetExhausted(limit: 2)))
            #expect(try await claim("c", run: nil, at: t0).isDispatch)
            #expect(try await claim("d", run: nil, at: t0 + 60) == .refused(.dayBudgetExhausted(limit: 3)))
            #expect(try await claim("d", run: nil, at: t0 + 86_401).isDispatch)

        case .aCauseCountsAgainstEveryTestOnce:
            let members = ["b", "c"].map { BreakerKey(repository: repository, test: "tests/test_app.py::test_\($0)") }
            let tight = BreakerPolicy(maxAttempts: 3, dispatchesPerRun: 2, dispatchesPerDay: 100, attemptLease: 3600)
            let run = try await store.startRun(RunStart(repository: repository, before: "a", after: "b", detectedAt: t0))
            let claim = try await store.claimAttempt(AttemptClaim(key: key, members: members, runID: run, agent: "revert",
                                                                  branch: "heal/x", at: t0), policy: tight)
            #expect(claim.decision == .dispatch(attempt: 1))
            let attempt = try #require(claim.attempt)
            #expect(attempt.key == key)
            for member in [key] + members {
                let record = try await store.breaker(member)
                #expect(record.running == 1 && record.attempts == 1, "\(member.test)")
            }
            let state = try await store.finishAttempt(id: attempt.id, outcome: .verificationFailed, reason: "still fails",
                                                      branch: nil, at: t0 + 5, policy: tight)
            #expect(state.consecutiveFailures == 1)
            for member in [key] + members {
                #expect(try await store.breaker(member).state.consecutiveFailures == 1, "\(member.test)")
                #expect(try await store.attempts(for: member).map(\.outcome) == [.verificationFailed])
            }
            // The run's budget counts the cause once: one more claim fits.
            let other = BreakerKey(repository: repository, test: "tests/test_app.py::test_other")
            #expect(try await store.claimAttempt(AttemptClaim(key: other, runID: run, at: t0 + 6), policy: tight).decision.isDispatch)
            #expect(try await store.claimAttempt(AttemptClaim(key: BreakerKey(repository: repository, test: "z"), runID: run,
                                                              at: t0 + 7), policy: tight).decision
                    == .refused(.runBudgetExhausted(limit: 2)))

        case .anOpenMemberRefusesTheCause:
            let member = BreakerKey(repository: repository, test: "tests/test_app.py::test_member")
            for _ in 1...3 {
                let attempt = try #require(try await store.claimAttempt(AttemptClaim(key: member, at: t0), policy: policy).attempt)
                _ = try await store.finishAttempt(id: attempt.id, outcome: .agentError, reason: "exit 1", branch: nil,
                                                  at: t0 + 1, policy: policy)
            }
            let refused = try await store.claimAttempt(AttemptClaim(key: key, members: [member], at: t0 + 2), policy: policy)
            #expect(refused.decision == .refused(.breakerOpen(failures: 3)))
            #expect(refused.attempt == nil && refused.state.isOpen)
            #expect(try await store.attempts(for: key).isEmpty)
            #expect(try await store.breaker(key).state == .closed)

        case .aSpentBudgetTouchesNoBreaker:
            let none = BreakerPolicy(maxAttempts: 3, dispatchesPerRun: 0, dispatchesPerDay: 100, attemptLease: 3600)
            let run = try await store.startRun(RunStart(repository: repository, before: "a", after: "b", detectedAt: t0))
            let member = BreakerKey(repository: repository, test: "tests/test_app.py::test_member")
            let refused = try await store.claimAttempt(AttemptClaim(key: key, members: [member], runID: run, at: t0), policy: none)
            #expect(refused.decision == .refused(.runBudgetExhausted(limit: 0)))
            #expect(try await store.breakers(repository: repository).isEmpty)
            #expect(try await store.attempts(for: key).isEmpty)

        case .aLateReportKeepsTheFirstOutcome:
            let attempt = try #require(try await store.claimAttempt(AttemptClaim(key: key, at: t0), policy: policy).attempt)
            _ = try await store.claimAttempt(AttemptClaim(key: key, at: t0 + policy.attemptLease + 1), policy: policy)
            let state = try await store.finishAttempt(id: attempt.id, outcome: .staged, reason: nil, branch: nil,
                                                      at: t0 + policy.attemptLease + 2, policy: policy)
            #expect(state.consecutiveFailures == 1)
            #expect(try await store.attempts(for: key).first?.outcome == .abandoned)
            await #expect(throws: StoreFailure.self) {
                try await store.finishAttempt(id: 987_654_321, outcome: .staged, reason: nil, branch: nil, at: t0, policy: policy)
            }

        case .runHistoryAndTimeToFix:
            let first = try await store.startRun(RunStart(repository: repository, before: "b1", after: "a1", detectedAt: t0))
            try await store.finishRun(id: first, summary: RunSummary(regressions: 2, introduced: 1, dispatched: 1, staged: 1,
                                                                     escalated: 0, stagedAt: t0 + 100, finishedAt: t0 + 120))
            let second = try await store.startRun(RunStart(repository: repository, before: "b2", after: "a2", detectedAt: t0 + 1000))
            try await store.finishRun(id: second, summary: RunSummary(regressions: 1, staged: 1, stagedAt: t0 + 1300, finishedAt: t0 + 1300))
            let third = try await store.startRun(RunStart(repository: repository, before: "b3", after: "a3", detectedAt: t0 + 2000))
            let runs = try await store.recentRuns(repository: repository, limit: 10)
            #expect(runs.map(\.id) == [third, second, first])
            #expect(runs[2].regressions == 2 && runs[2].introduced == 1 && runs[2].before == "b1" && runs[2].after == "a1")
            #expect(runs[0].finishedAt == nil)
            #expect(RunRecord.medianSecondsToStaged(runs) == 200)
            #expect(try await store.recentRuns(repository: repository, limit: 1).map(\.id) == [third])

        case .flakeHistoryCountsMixedOutcomes:
            #expect(try await store.flakeHistory(repository: repository, test: key.test) == FlakeHistory(observations: 0, flaky: 0, lastFlakyAt: nil))
            for (passes, failures, offset) in [(3, 0, 0.0), (2, 1, 10.0), (0, 3, 20.0), (1, 1, 30.0)] {
                try await store.recordObservation(TestObservation(repository: repository, test: key.test, commit: "c",
                                                                  passes: passes, failures: failures, at: t0 + offset))
            }
            let history = try await store.flakeHistory(repository: repository, test: key.test)
            #expect(history == FlakeHistory(observations: 4, flaky: 2, lastFlakyAt: t0 + 30))
            #expect(history.isKnownFlaky)

        case .suiteResultsAreCachedByTreeAndCommand:
            let tree = UUID().uuidString
            #expect(try await store.suiteResult(treeID: tree, command: "pytest -q") == nil)
            let bytes = Data("{\"tests\":[1,2],\"bin\":\"\u{0}\u{ff}\"}".utf8) + Data([0, 255, 10])
            let result = CachedSuiteResult(treeID: tree, command: "pytest -q", format: "suite-result/1", payload: bytes, createdAt: t0)
            try await store.saveSuiteResult(result)
            try await store.saveSuiteResult(CachedSuiteResult(treeID: tree, command: "pytest -x", format: "f", payload: Data(), createdAt: t0))
            #expect(try await store.suiteResult(treeID: tree, command: "pytest -q") == result)
            var replaced = result
            replaced.payload = Data("{}".utf8)
            try await store.saveSuiteResult(replaced)
            #expect(try await store.suiteResult(treeID: tree, command: "pytest -q") == replaced)
            #expect(try await store.suiteResult(treeID: tree, command: "pytest -x")?.payload == Data())

        case .oneTicketPerKeyClosedWithTheBreaker:
            let ticket = TicketRecord(key: key, path: "/tmp/t.md", reason: "breaker open", openedAt: t0, updatedAt: t0)
            try await store.saveTicket(ticket)
            var updated = ticket
            updated.url = "https://example.invalid/issues/7"
            updated.updatedAt = t0 + 50
            try await store.saveTicket(updated)
            var withoutURL = updated
            withoutURL.url = nil
            withoutURL.reason = "breaker open after 4"
            try await store.saveTicket(withoutURL)
            let open = try await store.openTickets(repository: repository)
            #expect(open.count == 1)
            #expect(open.first?.url == "https://example.invalid/issues/7")
            #expect(open.first?.reason == "breaker open after 4")
            #expect(try await store.closeBreaker(key, at: t0 + 60))
            #expect(try await store.openTickets(repository: repository).isEmpty)
            #expect(try await store.ticket(key)?.closedAt == t0 + 60)

        case .stateSurvivesReopening:
            let attempt = try #require(try await store.claimAttempt(AttemptClaim(key: key, at: t0), policy: policy).attempt)
            _ = try await store.finishAttempt(id: attempt.id, outcome: .scopeViolation, reason: "touched tests/", branch: nil,
                                              at: t0, policy: policy)
            await store.close()
            let reopened = try await open()
            let record = try await reopened.breaker(key)
            #expect(record.state.consecutiveFailures == 1 && record.attempts == 1)
            await reopened.close()
            return
        }
        await store.close()
    }
}
