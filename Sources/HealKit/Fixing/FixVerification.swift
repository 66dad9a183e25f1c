import GitKit

/// How a fix held up: every failing test of the cause on every rerun, and the suite against
/// the deploy commit's.
public struct FixVerification: Sendable, Equatable {
    /// Reruns of each failing test that passed, and how many ran (per test: a verified fix
    /// has every test of the cause pass all its reruns).
    public var testPasses: Int
    public var testReruns: Int
    /// How many failing tests were verified (the cause's tests).
    public var tests: Int
    /// Tests that passed at the deploy commit and fail (or are gone) with the fix.
    public var newFailures: [String]
    /// One line for the PR body: `no new failures (12 passed, 1 failing before too)`.
    public var suiteSummary: String
    /// Why the fix is not verified; nil when it is.
    public var failureReason: String?
    /// What was checked, one line each, when it was not the failing test's reruns (a
    /// production error's fix): the PR body shows these instead.
    public var statements: [String] = []
    /// The new regression tests that reproduced a production error (fail at the deploy, pass
    /// with the fix).
    public var reproducedBy: [String] = []

    public var isVerified: Bool { failureReason == nil }

    public init(testPasses: Int, testReruns: Int, tests: Int = 1, newFailures: [String], suiteSummary: String,
                failureReason: String?) {
        self.testPasses = testPasses
        self.testReruns = testReruns
        self.tests = tests
        self.newFailures = newFailures
        self.suiteSummary = suiteSummary
        self.failureReason = failureReason
    }

    /// Tests that passed in `deploy` and, in `fixed`, fail or are missing.
    public static func newFailures(deploy: TestReport, fixed: TestReport) -> [String] {
        deploy.tests.filter(\.outcome.isPass).compactMap { before in
            guard let after = fixed.test(before.id) else { return before.id }
            return after.outcome.isFailure ? before.id : nil
        }
    }
}

/// Verifies a fix with the project's own runner (`TestRunner`): every run in a fresh scratch
/// directory holding exactly the fix commit's tree, so nothing but what is committed is
/// verified, and nothing one run leaves behind (a rewritten source, a poisoned cache) reaches
/// the next.
public struct FixVerifier: Sendable {
    public let runner: TestRunner
    /// Fresh reruns of each failing test that must all pass (`fix.verify-reruns`).
    public let reruns: Int

    public init(runner: TestRunner, reruns: Int) {
        self.runner = runner
        self.reruns = max(1, reruns)
    }

    /// Runs each failing test of the cause `reruns` times at `commit`, stopping at the first
    /// failure, then the suite (never from the cache), in which each must pass too, and
    /// compares the suite with `deployReport` (the suite at the deploy commit, taken before any
    /// agent ran). A unit that did not build (a cause of its own) is verified by building.
    public func verify(_ tests: [TestTarget], at commit: ObjectID, deployReport: TestReport?) async throws -> FixVerification {
        if tests.count == 1, let unit = tests.first, unit.isBuildUnit {
            return try await verifyBuild(unit, at: commit, deployReport: deployReport)
        }
        for test in tests {
            for run in 1...reruns {
                let result = try await runner.runTest(test, at: commit.hex)
                guard result.outcome == .passed else {
                    let how: String = switch result.outcome {
                    case .passed: "passed"
                    case .failed(let testCase): "failed: \(testCase.message ?? testCase.outcome.rawValue)"
                    case .couldNotRun(let reason): "did not run: \(reason)"
                    }
                    return FixVerification(testPasses: run - 1, testReruns: run, tests: tests.count, newFailures: [],
                                           suiteSummary: "not run", failureReason: "`\(test.id)` \(how) (rerun \(run) of \(reruns))")
                }
                // The code under verification runs inside the runner and could rewrite its
                // results; a pass must also be the runner's own exit status.
                guard result.process.exitCode == 0 else {
                    return FixVerification(testPasses: run - 1, testReruns: run, tests: tests.count, newFailures: [], suiteSummary: "not run",
                                           failureReason: "`\(test.id)`: its results say it passed, but the runner ended with "
                                               + "\(result.process.termination) (rerun \(run) of \(reruns)); results and exit status disagree")
                }
            }
        }
        return try await verifySuite(tests, passes: reruns, runs: reruns, at: commit, deployReport: deployReport)
    }

    /// A unit that did not build: it must build now (once — a build is deterministic), and the
    /// suite must run with no new failures. When the whole suite did not run at the deploy,
    /// there is nothing to compare with: it must run now and have no unit left unbuilt.
    private func verifyBuild(_ unit: TestTarget, at commit: ObjectID, deployReport: TestReport?) async throws -> FixVerification {
        let probe = try await runner.runBuild(at: commit.hex, unit: unit.id)
        guard probe.outcome == .pass else {
            return FixVerification(testPasses: 0, testReruns: 1, newFailures: [], suiteSummary: "not run",
                                   failureReason: "`\(unit.id)` still does not build with the fix: \(probe.output ?? "no answer")")
        }
        guard unit.id == TestRunner.wholeSuite else {
            return try await verifySuite([], passes: 1, runs: 1, at: commit, deployReport: deployReport)
        }
        let fixed = try await runner.runSuite(at: commit.hex, cached: false)
        guard let report = fixed.report, !report.tests.contains(where: { $0.outcome == .buildFailed }) else {
            return FixVerification(testPasses: 1, testReruns: 1, newFailures: [], suiteSummary: "could not run",
                                   failureReason: "the suite still does not run with the fix: \(fixed.couldNotRunReason ?? "a unit does not build")")
        }
        let failing = report.tests.count { $0.outcome.isFailure }
        return FixVerification(testPasses: 1, testReruns: 1, newFailures: [],
                               suiteSummary: "the suite builds and runs again (\(report.tests.count - failing) passed, \(failing) failing; it did not run at the deploy commit)",
                               failureReason: nil)
    }

    /// Only the suite at `commit` against `deployReport`: for a fix judged on something other
    /// than a test's reruns (eval scores).
    public func verifySuite(at commit: ObjectID, deployReport: TestReport?) async throws -> FixVerification {
        try await verifySuite([], passes: 0, runs: 0, at: commit, deployReport: deployReport)
    }

    /// The suite with the fix: each of `tests` passes in it, and no test that passed at the
    /// deploy commit fails.
    func verifySuite(_ tests: [TestTarget] = [], passes: Int, runs reruns: Int, at commit: ObjectID,
                      deployReport: TestReport?) async throws -> FixVerification {
        func failed(_ reason: String, suite: String, newFailures: [String] = []) -> FixVerification {
            FixVerification(testPasses: passes, testReruns: reruns, tests: max(1, tests.count), newFailures: newFailures,
                            suiteSummary: suite, failureReason: reason)
        }
        let fixed = try await runner.runSuite(at: commit.hex, cached: false)
        guard let fixedReport = fixed.report else {
            return failed("the suite did not run with the fix: \(fixed.couldNotRunReason ?? "no report")", suite: "could not run")
        }
        guard let before = deployReport else {
            return failed("the suite did not run at the deploy commit, so new failures cannot be ruled out", suite: "no baseline")
        }
        if let failing = tests.first(where: { fixedReport.test($0.id)?.outcome.isPass != true }) {
            return failed("`\(failing.id)` does not pass in the suite with the fix", suite: "a fixed test fails")
        }
        let newFailures = FixVerification.newFailures(deploy: before, fixed: fixedReport)
        let passed = fixedReport.tests.filter(\.outcome.isPass).count
        let failingBefore = before.tests.filter(\.outcome.isFailure).count
        guard newFailures.isEmpty else {
            let names = newFailures.prefix(5).map { "`\($0)`" }.joined(separator: ", ")
            return failed("the fix breaks \(newFailures.count) test(s) that passed at the deploy commit: \(names)",
                          suite: "\(newFailures.count) new failure(s)", newFailures: newFailures)
        }
        return FixVerification(testPasses: passes, testReruns: reruns, tests: max(1, tests.count), newFailures: [],
                               suiteSummary: "no new failures (\(passed) passed, \(failingBefore) failing at the deploy commit)",
                               failureReason: nil)
    }
}
