import Foundation
import GitKit

/// heal's one orchestration of a deploy (DESIGN.md, The loop): detect → group → triage →
/// handle. `heal run` runs all of it; `heal triage` and `heal fix` stop after triage. Every
/// edge — the suite runner, triage's runner, the fix agent, the forge, the store, the clock —
/// comes in through `parts`.
///
/// Stages never call back into the pipeline; the user's checkout, index and branches are never
/// touched (fixes go on `heal/…` branches only).
public struct Pipeline: Sendable {
    public let setup: PipelineSetup
    public let parts: PipelineParts
    public let progress: RunProgress

    public init(setup: PipelineSetup, parts: PipelineParts, progress: @escaping RunProgress = { _ in }) {
        self.setup = setup
        self.parts = parts
        self.progress = progress
    }

    var config: HealConfig { setup.config }
    var range: DeployRange { setup.range }

    /// The suite's results on both sides of the deploy, and what regressed.
    public struct Detected: Sendable {
        public var baseline: TestReport
        public var current: TestReport
        public var detection: DetectionResult
        /// Whether heal ran the baseline just now (else it is a stored file, re-checked in triage).
        public var baselineIsFresh: Bool
        /// The production error logs judged, when the configuration has any (their regressions
        /// are in `detection` too).
        public var errors: ErrorLogGrader.Grade? = nil
    }

    /// Where the reports come from: heal runs the suite at both commits, or reads result files.
    public enum Reports: Sendable {
        case run
        case files(baseline: [String], current: [String])
    }

    /// Runs (or reads) the suite on both sides and detects the regressions.
    public func detect(_ reports: Reports = .run) async throws -> Detected {
        let baseline: TestReport, current: TestReport
        switch reports {
        case .run:
            baseline = try await addingEvals(to: config.runsSuite ? try await suite(at: range.before, side: "before") : TestReport(),
                                             at: range.before, side: "before")
            current = try await addingEvals(to: config.runsSuite ? try await suite(at: range.after, side: "after") : TestReport(),
                                            at: range.after, side: "after")
        case .files(let baselinePaths, let currentPaths):
            let loader = ReportLoader(repositoryRoot: setup.root)
            baseline = try loader.load(paths: baselinePaths, format: config.suite.format)
            current = try loader.load(paths: currentPaths, format: config.suite.format)
        }
        var detection = Detector.detect(baseline: baseline, current: current, options: DetectionOptions(config.detection))
        let errors = try await gradeErrors()
        detection.regressions += errors?.detection.regressions ?? []
        reportDetection(detection)
        let fresh = if case .run = reports { true } else { false }
        return Detected(baseline: baseline, current: current, detection: detection, baselineIsFresh: fresh, errors: errors)
    }

    /// Groups the regressions into causes and triages them in one scratch directory at the
    /// deploy; the deploy reruns go to the store's flake history.
    ///
    /// - Parameter coverage: a coverage report measured at the deploy; nil to measure it with
    ///   `coverage.command` when configured.
    public func triage(_ detected: Detected, coverage: CoverageMap? = nil) async throws -> TriageOutcome {
        // Production errors are triaged from their traces, without a runner, after the tests;
        // score drops have a triage of their own when the eval suite can be sampled.
        var detection = detected.detection
        detection.regressions.removeAll(where: \.kind.isProductionError)
        if parts.evals != nil { detection.regressions.removeAll { $0.kind == .scoreDrop } }
        let input = TriageInput(before: range.before.id, after: range.after.id, detection: detection,
                                baseline: detected.baseline, current: detected.current,
                                baselineIsFresh: detected.baselineIsFresh, coverage: coverage)
        let store = parts.store
        let repositoryID = setup.repositoryID
        let progress = progress
        var outcome = TriageOutcome()
        if !detection.regressions.isEmpty {
            outcome = try await parts.triageRunners.withTriageRunner(at: range.after.id) { runner in
                let engine = TriageEngine(repositoryPath: setup.root, runner: runner, options: TriageOptions(config.triage),
                                          flakeHistory: { try await store.flakeHistory(repository: repositoryID, test: $0) },
                                          progress: progress)
                return try await engine.triage(input)
            }
        }
        outcome = try await triagingScores(detected, outcome)
        for cause in outcome.causes { progress("  " + Self.describe(cause)) }
        for item in outcome.triaged where !item.deployReruns.isEmpty {
            try await store.recordObservation(TestObservation(
                repository: repositoryID, test: item.verdict.test, commit: range.after.id.hex,
                passes: item.deployReruns.count { $0 == .pass }, failures: item.deployReruns.count { $0 == .fail }))
        }
        return outcome.appending(try triageErrors(detected, taken: Set(outcome.causes.map(\.id))))
    }

    /// The whole suite at one side of the deploy (from the cache when this tree already ran).
    private func suite(at commit: Commit, side: String) async throws -> TestReport {
        progress("running the suite at \(commit.id.short()) (\(side))…")
        let run = try await parts.suites.runSuite(at: commit.id.hex, cached: true)
        guard let report = run.report else {
            // It ran at the baseline and writes nothing at the deploy: the deploy broke the build
            // (or the collection) of the whole suite — a regression, not a configuration error.
            if side == "after", run.process?.timedOut == false {
                progress("  the suite wrote no results: a build failure of the whole suite")
                return WholeSuiteBuildFailure.report(run)
            }
            throw SuiteDidNotRunError(revision: side, commit: commit.id.hex, reason: run.couldNotRunReason ?? "no results")
        }
        // As `heal detect` shows them: a duplicate id merged is two tests reported as one.
        if !report.problems.isEmpty {
            progress("  \(report.problems.count) entr\(report.problems.count == 1 ? "y" : "ies") of the results could not be used as is:")
            for problem in report.problems.first { progress("    \(problem)") }
            if report.problems.count > report.problems.first.count {
                progress("    … and \(report.problems.count - report.problems.first.count) more")
            }
        }
        let failing = report.tests.count { $0.outcome.isFailure }
        progress("  \(report.tests.count) test\(report.tests.count == 1 ? "" : "s"), \(failing) failing"
                 + (run.fromCache ? " (cached: this tree already ran with this command)" : ""))
        return report
    }

    private func reportDetection(_ detection: DetectionResult) {
        let count = detection.regressions.count
        guard count > 0 else {
            progress("no regressions")
            return
        }
        progress("\(count) regression\(count == 1 ? "" : "s"): "
                 + detection.regressions.map { "\($0.test) (\($0.kind.rawValue))" }.joined(separator: ", "))
        if detection.infraSuspect {
            progress("  most of the suite failed at once: suspect the infrastructure, not the code")
        }
    }

    /// One line about a cause: its tests, its verdict and what triage pinned down.
    static func describe(_ cause: Cause) -> String {
        let verdict = cause.verdict
        let tests = cause.tests.count == 1 ? cause.tests[0] : "\(cause.tests[0]) and \(cause.tests.count - 1) more"
        switch verdict.verdict {
        case .introduced:
            var parts = ["\(tests): introduced"]
            if let culprit = verdict.culprit {
                parts.append("culprit \(culprit.id.short()) “\(culprit.summary)”")
            } else if !verdict.culpritCandidates.isEmpty {
                parts.append("culprit one of \(verdict.culpritCandidates.map { $0.short() }.joined(separator: ", "))")
            }
            let hunks = verdict.causalDiff.reduce(0) { $0 + $1.hunks.count }
            let files = verdict.causalDiff.map(\.path.string).joined(separator: ", ")
            parts.append("\(hunks) causal hunk\(hunks == 1 ? "" : "s")" + (files.isEmpty ? "" : " in \(files)"))
            parts.append("\(verdict.testRuns) test runs")
            return parts.joined(separator: ", ")
        case .ambiguous, .preExisting, .noise:
            return "\(tests): \(verdict.reason)"
        }
    }
}

extension DetectionOptions {
    /// The `detection:` section of a configuration.
    init(_ config: HealConfig.Detection) {
        self.init(missingIsRegression: config.missingIsRegression, scoreThreshold: config.scoreThreshold,
                  scoreDelta: config.scoreDelta, alpha: config.alpha, infraSuspectFraction: config.infraFraction)
    }
}
