import Foundation
import GitKit
@testable import HealKit
import Testing
import TestSupport

/// How the pipeline handles each kind of cause, with a real repository, store and ticket
/// writer, and a test double for the fix stage (its agents need an LLM).
@Suite("Handling causes")
struct CauseHandlerTests {
    static let tests = ["tests/test_a.py::test_one", "tests/test_a.py::test_two", "tests/test_a.py::test_three"]

    /// A repository with a baseline and a deploy that changes one line, its setup, store and
    /// an introduced cause of three tests.
    final class Fixture: @unchecked Sendable {
        let repo: TempRepo
        let setup: PipelineSetup
        let store: any HealStore
        let cause: Cause
        static let now = Date(timeIntervalSince1970: 1_800_000_000)

        init() async throws {
            repo = try TempRepo()
            try repo.write("src/a.py", "def f():\n    return 1\n")
            let before = try repo.commitAll("baseline")
            try repo.write("src/a.py", "def f():\n    return 2\n")
            let after = try repo.commitAll("deploy")
            setup = try PipelineSetup(repositoryPath: repo.path, before: before, after: after, configPath: nil)
            store = try await StoreFactory.open(setting: "sqlite", commonDirectory: setup.commonDirectory)
            let repository = try Repository(discovering: repo.path)
            let diff = try repository.diff(from: before, to: after, options: DiffOptions(contextLines: 0, includeLines: true))
            let verdict = TestVerdict(test: CauseHandlerTests.tests[0], verdict: .introduced, reason: "introduced",
                                      culprit: setup.range.after, causalBase: setup.range.before.id,
                                      causalHead: setup.range.after.id, causalDiff: diff.files, testRuns: 8, cause: "c")
            cause = Cause(id: "c", tests: CauseHandlerTests.tests, verdict: verdict)
        }

        deinit { let store = store; Task { await store.close() } }

        func handler(_ fixer: FixDispatcherTestDouble, dryRun: Bool = false) -> CauseHandler {
            CauseHandler(setup: setup, fixer: fixer,
                         escalations: EscalationWriter(repositoryID: setup.repositoryID, commonDirectory: setup.commonDirectory,
                                                       repositoryRoot: setup.root, store: store, forge: nil),
                         store: store, clock: { Fixture.now }, dryRun: dryRun, runID: nil,
                         current: TestReport(tests: []), progress: { _ in })
        }

        func report() -> HealRunReport {
            HealRunReport(runID: nil, range: setup.range,
                          detection: Detector.detect(baseline: TestReport(tests: []), current: TestReport(tests: []),
                                                     options: DetectionOptions()),
                          dryRun: false)
        }

        /// Fails `count` attempts on `test`'s key, as a fix engine would have.
        func fail(_ test: String, times count: Int) async throws {
            let policy = BreakerPolicy(maxAttempts: setup.config.fix.maxAttempts)
            for _ in 0..<count {
                let claim = try await store.claimAttempt(AttemptClaim(key: BreakerKey(repository: setup.repositoryID, test: test)),
                                                         policy: policy)
                let attempt = try #require(claim.attempt)
                _ = try await store.finishAttempt(id: attempt.id, outcome: .verificationFailed, reason: "did not verify",
                                                  branch: nil, at: Date(), policy: policy)
            }
        }
    }

    @Test("introduced: one dispatch for the whole cause; staged → every test fixed on the one branch")
    func staged() async throws {
        let fixture = try await Fixture()
        let fixer = FixDispatcherTestDouble([.success(.staged)])
        var report = fixture.report()

        await fixture.handler(fixer).handle(fixture.cause, report: &report)

        let request = try #require(fixer.requests.first)
        #expect(fixer.requests.count == 1)
        #expect(request.cause == "c" && request.tests == Self.tests && request.keepsStagedFix)
        #expect(request.deploy == fixture.setup.range.after.id && request.baseline == fixture.setup.range.before.id)
        #expect(report.handled.map(\.test) == Self.tests)
        #expect(report.handled.allSatisfy { $0.handling == .fixed(branch: "heal/c-1a2b3c4") })
        #expect(report.stagedAt == Fixture.now)
        #expect(report.exit == .success)
    }

    @Test("already-staged: handled, but nothing new was staged")
    func alreadyStaged() async throws {
        let fixture = try await Fixture()
        var report = fixture.report()
        await fixture.handler(FixDispatcherTestDouble([.success(.alreadyStaged)])).handle(fixture.cause, report: &report)
        #expect(report.handled.allSatisfy { $0.handling.isHandled })
        #expect(report.stagedAt == nil)
        #expect(report.dispatches.map(\.outcome) == [.alreadyStaged])
    }

    @Test("budget-spent: left open for the next run, no ticket, no breaker touched")
    func budgetSpent() async throws {
        let fixture = try await Fixture()
        var report = fixture.report()
        await fixture.handler(FixDispatcherTestDouble([.success(.budgetSpent)])).handle(fixture.cause, report: &report)
        #expect(report.escalations.isEmpty)
        #expect(report.unhandled.count == 3 && report.unhandled.allSatisfy { $0.reason.contains("budget") })
        #expect(try await fixture.store.breakers(repository: fixture.setup.repositoryID).isEmpty)
        #expect(report.exit == .regressions)
    }

    @Test("a failed attempt with every breaker closed: open until the next run")
    func failedClosed() async throws {
        let fixture = try await Fixture()
        var report = fixture.report()
        await fixture.handler(FixDispatcherTestDouble([.success(.failed)])).handle(fixture.cause, report: &report)
        #expect(report.escalations.isEmpty)
        #expect(report.unhandled.map(\.test) == Self.tests)
    }

    @Test("the breaker of one test of the cause is open: the whole cause escalated with one ticket", arguments: [
        FixDispatch.Outcome.failed, .breakerOpen, .scopeViolation,
    ])
    func breakerOpen(_ outcome: FixDispatch.Outcome) async throws {
        let fixture = try await Fixture()
        try await fixture.fail(Self.tests[2], times: fixture.setup.config.fix.maxAttempts)
        var report = fixture.report()

        await fixture.handler(FixDispatcherTestDouble([.success(outcome)])).handle(fixture.cause, report: &report)

        let escalation = try #require(report.escalations.first)
        #expect(report.escalations.count == 1)
        #expect(escalation.cause == "c" && escalation.tests == Self.tests && escalation.test == Self.tests[0])
        #expect(escalation.reason.contains("circuit breaker is open") && escalation.reason.contains(Self.tests[2]))
        let ticket = try String(contentsOfFile: escalation.ticket, encoding: .utf8)
        for test in Self.tests { #expect(ticket.contains(test)) }
        #expect(ticket.contains("after a fix by hand, `heal breaker reset tests/test_a.py::test_one` lets heal try again"))
        #expect(report.handled.allSatisfy { $0.handling == .escalated(ticket: escalation.ticket) })
    }

    @Test("pre-existing is logged; ambiguous is escalated (a dry run only says so); no dispatch for either")
    func notIntroduced() async throws {
        let fixture = try await Fixture()
        let fixer = FixDispatcherTestDouble([])
        var logged = fixture.cause
        logged.verdict.verdict = .preExisting
        logged.tests = [Self.tests[0]]
        var ambiguous = logged
        ambiguous.verdict.verdict = .ambiguous
        ambiguous.verdict.reason = "ambiguous: flaky"

        var report = fixture.report()
        await fixture.handler(fixer).handle(logged, report: &report)
        await fixture.handler(fixer, dryRun: true).handle(ambiguous, report: &report)
        #expect(report.handled.map(\.handling) == [.logged, .unhandled(reason: report.unhandled.first?.reason ?? "")])
        #expect(report.escalations.isEmpty)
        await fixture.handler(fixer).handle(ambiguous, report: &report)
        #expect(report.escalations.count == 1)
        #expect(report.escalations.first?.reason.contains("flaky") == true)
        #expect(fixer.requests.isEmpty)
    }

    @Test("introduced without causal hunks: escalated, nothing dispatched; a dry run dispatches nothing either")
    func nothingToFix() async throws {
        let fixture = try await Fixture()
        let fixer = FixDispatcherTestDouble([.success(.staged)])
        var bare = fixture.cause
        bare.verdict.causalDiff = []
        var report = fixture.report()
        await fixture.handler(fixer).handle(bare, report: &report)
        #expect(report.escalations.first?.reason.contains("causal hunk") == true)
        await fixture.handler(fixer, dryRun: true).handle(fixture.cause, report: &report)
        #expect(fixer.requests.isEmpty)
        #expect(report.unhandled.allSatisfy { $0.reason.contains("dry run") })
    }

    @Test("heal's own failure while dispatching is recorded and the cause left open")
    func ownFailure() async throws {
        let fixture = try await Fixture()
        struct Broken: Error {}
        var report = fixture.report()
        await fixture.handler(FixDispatcherTestDouble([.failure(Broken())])).handle(fixture.cause, report: &report)
        #expect(report.failures.map(\.test) == [Self.tests[0]])
        #expect(report.unhandled.count == 3)
        #expect(report.exit == .internalFailure)
    }
}
