import Foundation
import GitKit

/// What `heal triage` (and `heal run`'s triage stage) asks for.
public struct TriageRequest: Sendable {
    /// Any path inside the repository (its working tree).
    public var repositoryPath: String
    /// The revisions as the user named them.
    public var before: String
    public var after: String
    public var config: HealConfig
    /// Result files or folders of each side; both empty to have heal run the suite at both commits.
    public var baselinePaths: [String]
    public var currentPaths: [String]
    /// A coverage report measured at `after`; nil to use `coverage.command` when configured.
    public var coveragePath: String?

    public init(repositoryPath: String, before: String, after: String, config: HealConfig,
                baselinePaths: [String] = [], currentPaths: [String] = [], coveragePath: String? = nil) {
        self.repositoryPath = repositoryPath
        self.before = before
        self.after = after
        self.config = config
        self.baselinePaths = baselinePaths
        self.currentPaths = currentPaths
        self.coveragePath = coveragePath
    }
}

/// What triage found: the commits, detection's regressions and a verdict per regression.
public struct TriageReport: Sendable {
    public var before: Commit
    public var after: Commit
    public var detection: DetectionResult
    /// In the order of `detection.regressions`.
    public var triaged: [TriagedRegression]
}

/// Detect then triage for a deploy range: reads the given result files or runs the suite at
/// both commits, detects regressions, and triages them in one scratch directory that is removed
/// afterwards. With a store, flake history feeds the verdicts and the deploy reruns are
/// recorded as new observations.
public enum TriageSession {
    public static func run(_ request: TriageRequest, store: (any HealStore)? = nil) async throws -> TriageReport {
        let repository = try Repository(discovering: request.repositoryPath)
        guard let root = repository.workingDirectory else {
            throw GitError(kind: .notARepository, call: "heal triage",
                           message: "\(request.repositoryPath) is a bare repository; run heal in a working tree")
        }
        let before = try repository.commit(request.before)
        let after = try repository.commit(request.after)
        let runner = try TestRunner(repositoryPath: root, config: request.config, cache: store as? any SuiteResultCache)

        let baseline: TestReport, current: TestReport
        let fresh = request.baselinePaths.isEmpty && request.currentPaths.isEmpty
        if fresh {
            baseline = try await suite(at: request.before, commit: before, runner: runner)
            current = try await suite(at: request.after, commit: after, runner: runner)
        } else {
            let loader = ReportLoader(repositoryRoot: root)
            baseline = try loader.load(paths: request.baselinePaths, format: request.config.suite.format)
            current = try loader.load(paths: request.currentPaths, format: request.config.suite.format)
        }
        let detection = Detector.detect(baseline: baseline, current: current, options: detectionOptions(request.config.detection))
        let coverage = try request.coveragePath.map {
            try CoverageLoader(repositoryRoot: root).load(path: $0, format: request.config.coverage.format)
        }
        guard !detection.regressions.isEmpty else {
            return TriageReport(before: before, after: after, detection: detection, triaged: [])
        }

        let repositoryID = try store.map { _ in try RepositoryID.of(repository) }
        let input = TriageInput(before: before.id, after: after.id, detection: detection, baseline: baseline,
                                current: current, baselineIsFresh: fresh, coverage: coverage)
        let triaged = try await WorkArea(repositoryPath: root).withExport(at: after.id.hex, label: "triage") { export in
            let engine = TriageEngine(
                repositoryPath: root, runner: ExportTriageRunner(testRunner: runner, export: export),
                options: TriageOptions(request.config.triage),
                flakeHistory: { test in
                    guard let store, let repositoryID else { return nil }
                    return try await store.flakeHistory(repository: repositoryID, test: test)
                })
            return try await engine.triage(input)
        }
        if let store, let repositoryID {
            for item in triaged where !item.deployReruns.isEmpty {
                try await store.recordObservation(TestObservation(
                    repository: repositoryID, test: item.verdict.test, commit: after.id.hex,
                    passes: item.deployReruns.count { $0 == .pass }, failures: item.deployReruns.count { $0 == .fail }))
            }
        }
        return TriageReport(before: before, after: after, detection: detection, triaged: triaged)
    }

    private static func detectionOptions(_ config: HealConfig.Detection) -> DetectionOptions {
        DetectionOptions(missingIsRegression: config.missingIsRegression, scoreThreshold: config.scoreThreshold,
                         scoreDelta: config.scoreDelta, alpha: config.alpha, infraSuspectFraction: config.infraFraction)
    }

    private static func suite(at revision: String, commit: Commit, runner: TestRunner) async throws -> TestReport {
        let run = try await runner.runSuite(at: commit.id.hex)
        guard let report = run.report else {
            throw SuiteDidNotRunError(revision: revision, commit: commit.id.hex, reason: run.couldNotRunReason ?? "no results")
        }
        return report
    }
}
