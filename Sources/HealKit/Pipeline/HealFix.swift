import Foundation
import GitKit

/// What `heal fix` asks for: the test whose cause to fix, and where its verdict comes from.
public struct FixOptions: Sendable {
    public var repositoryPath: String
    /// Any test of the cause, as triage printed it.
    public var test: String
    public var verdicts: VerdictSource
    public var configPath: String?
    /// `--agent`, overriding `fix.agent`.
    public var agent: String?

    /// Where the cause's verdict comes from.
    public enum VerdictSource: Sendable {
        /// A `heal triage --json` (or `heal run --json`) file; the revisions, when given,
        /// override the file's.
        case triageFile(String, before: String?, after: String?)
        /// Triage `before`..`after` now.
        case triage(before: String, after: String)
    }

    public init(repositoryPath: String, test: String, verdicts: VerdictSource, configPath: String? = nil,
                agent: String? = nil) {
        self.repositoryPath = repositoryPath
        self.test = test
        self.verdicts = verdicts
        self.configPath = configPath
        self.agent = agent
    }
}

/// `heal fix`: one dispatch for the cause of one test, its verdict read from a triage file or
/// found by triaging the deploy now.
public enum HealFix {
    public static func run(_ options: FixOptions, progress: @escaping RunProgress = { _ in }) async throws -> FixDispatch {
        switch options.verdicts {
        case .triageFile(let file, let before, let after):
            let repository = try Repository(discovering: options.repositoryPath)
            let triaged = try TriageFile.load(path: file, test: options.test, repository: repository)
            guard let deploy = try after.map({ try repository.commit($0).id }) ?? triaged.after ?? triaged.verdict.causalHead else {
                throw TriageUsageError(description: "the triage file names no deploy commit; pass --after REV")
            }
            let baseline = try before.map { try repository.commit($0).id } ?? triaged.before
            let setup = try PipelineSetup(repositoryPath: options.repositoryPath, before: (baseline ?? deploy).hex,
                                          after: deploy.hex, configPath: options.configPath)
            return try await dispatch(FixRequest(verdict: triaged.verdict, cause: triaged.cause, deploy: deploy,
                                                 baseline: baseline, members: triaged.tests.map { TestTarget(id: $0) }),
                                      setup: setup, agent: options.agent)
        case .triage(let before, let after):
            let report = try await HealTriage.run(TriageRequest(repositoryPath: options.repositoryPath, before: before,
                                                                after: after, configPath: options.configPath),
                                                  progress: progress)
            guard let cause = report.causes.first(where: { $0.tests.contains(options.test) }) else {
                let found = report.triaged.map(\.verdict.test).prefix(10).joined(separator: ", ")
                throw TriageUsageError(description: "triage of \(before)..\(after) found no regression `\(options.test)` "
                                       + "(found: \(found.isEmpty ? "none" : found))")
            }
            let setup = try PipelineSetup(repositoryPath: options.repositoryPath, before: report.before.id.hex,
                                          after: report.after.id.hex, configPath: options.configPath)
            return try await dispatch(FixRequest(verdict: cause.verdict, cause: cause.id, deploy: report.after.id,
                                                 baseline: report.before.id, members: cause.tests.map { TestTarget(id: $0) }),
                                      setup: setup, agent: options.agent)
        }
    }

    private static func dispatch(_ request: FixRequest, setup: PipelineSetup, agent: String?) async throws -> FixDispatch {
        let fixAgent = try agent.map { try AgentFactory.make(named: $0, config: setup.config) }
        return try await HealTriage.withStore(setup) { store in
            try await PipelineParts.live(setup: setup, store: store, agent: fixAgent).fixer.dispatch(request)
        }
    }
}
