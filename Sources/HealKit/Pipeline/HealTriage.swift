import Foundation
import GitKit

/// What `heal triage` asks for.
public struct TriageRequest: Sendable {
    /// Any path inside the repository (its working tree).
    public var repositoryPath: String
    /// The revisions as the user named them.
    public var before: String
    public var after: String
    /// `--config`; nil for `.heal.yml` at the repository root.
    public var configPath: String?
    /// Result files or folders of each side; both empty to have heal run the suite at both commits.
    public var baselinePaths: [String]
    public var currentPaths: [String]
    /// A coverage report measured at `after`; nil to use `coverage.command` when configured.
    public var coveragePath: String?
    /// The error-log flags, over `errors:`.
    public var errors: ErrorLogOverrides

    public init(repositoryPath: String, before: String, after: String, configPath: String? = nil,
                baselinePaths: [String] = [], currentPaths: [String] = [], coveragePath: String? = nil,
                errors: ErrorLogOverrides = ErrorLogOverrides()) {
        self.repositoryPath = repositoryPath
        self.before = before
        self.after = after
        self.configPath = configPath
        self.baselinePaths = baselinePaths
        self.currentPaths = currentPaths
        self.coveragePath = coveragePath
        self.errors = errors
    }
}

/// What triage found: the commits, detection's regressions, the causes and a verdict per
/// regression.
public struct TriageReport: Sendable {
    public var before: Commit
    public var after: Commit
    public var detection: DetectionResult
    /// In the order of their first regression.
    public var causes: [Cause]
    /// In the order of `detection.regressions`.
    public var triaged: [TriagedRegression]
}

/// `heal triage` (and `heal fix`'s own triage): the `Pipeline` up to triage, with the store of
/// the configuration (flake history in, deploy reruns out).
public enum HealTriage {
    /// - Throws: `UserInputError`s for bad revisions, configuration or result files.
    public static func run(_ request: TriageRequest, progress: @escaping RunProgress = { _ in }) async throws -> TriageReport {
        var setup = try PipelineSetup(repositoryPath: request.repositoryPath, before: request.before,
                                      after: request.after, configPath: request.configPath)
        setup.config.errors = request.errors.apply(to: setup.config.errors)
        let coverage = try request.coveragePath.map {
            try CoverageLoader(repositoryRoot: setup.root).load(path: $0, format: setup.config.coverage.format)
        }
        guard request.baselinePaths.isEmpty == request.currentPaths.isEmpty else {
            throw TriageUsageError(description: "--baseline and --current go together: pass result files for both sides, "
                                   + "or neither to have heal run the suite at both commits")
        }
        return try await withStore(setup) { store in
            let pipeline = Pipeline(setup: setup, parts: try .live(setup: setup, store: store), progress: progress)
            let reports: Pipeline.Reports = request.baselinePaths.isEmpty
                ? .run : .files(baseline: request.baselinePaths, current: request.currentPaths)
            let detected = try await pipeline.detect(reports)
            let outcome = try await pipeline.triage(detected, coverage: coverage)
            return TriageReport(before: setup.range.before, after: setup.range.after, detection: detected.detection,
                                causes: outcome.causes, triaged: outcome.triaged)
        }
    }

    /// Runs `body` with the configuration's store open, and closes it whatever happens.
    static func withStore<T: Sendable>(_ setup: PipelineSetup, _ body: (any HealStore) async throws -> T) async throws -> T {
        let store = try await StoreFactory.open(setting: setup.config.store.yamlValue, commonDirectory: setup.commonDirectory)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

/// A usage mistake the user fixes on the command line (exit 2, as the contract says).
public struct TriageUsageError: UserInputError, Equatable {
    public var description: String
}
