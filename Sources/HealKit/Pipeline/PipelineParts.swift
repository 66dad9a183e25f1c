import Foundation
import GitKit

/// Runs the whole suite at a commit, from a cache when that tree already ran and `cached`
/// (`TestRunner`).
public protocol SuiteRunning: Sendable {
    func runSuite(at revision: String, cached: Bool) async throws -> SuiteRun
}

/// Lends triage a runner of single tests working in a directory heal owns, holding `commit`'s
/// tree at first, for the time of `body`.
public protocol TriageRunnerSource: Sendable {
    func withTriageRunner<T: Sendable>(at commit: ObjectID,
                                       _ body: (any TriageTestRunner) async throws -> T) async throws -> T
}

/// Dispatches one fix attempt for a cause (`FixEngine`, with its agent and forge).
public protocol FixDispatching: Sendable {
    /// The agent's name, for progress lines.
    var agentName: String { get }
    func dispatch(_ request: FixRequest) async throws -> FixDispatch
}

/// Reads and judges the production error logs of a deploy (`ErrorLogGrader`).
public protocol ErrorLogGrading: Sendable {
    /// The logs of `settings` judged, frames mapped onto the files of `deploy` in the
    /// repository at `repositoryPath` (where relative log paths start, too).
    func grade(_ settings: HealConfig.Errors, deploy: ObjectID, repositoryPath: String) async throws -> ErrorLogGrader.Grade
}

/// Writes (or updates) a cause's escalation ticket (`EscalationWriter`, with its forge).
public protocol EscalationWriting: Sendable {
    func write(_ escalation: EscalationRequest) async throws -> Escalation
}

/// The collaborators of a `Pipeline`: the edges it reaches the world through, passed in so that
/// the stages can be tested with real git and processes, and the agent and the forge — which
/// cannot run here — with doubles.
public struct PipelineParts: Sendable {
    public var suites: any SuiteRunning
    public var triageRunners: any TriageRunnerSource
    public var fixer: any FixDispatching
    public var escalations: any EscalationWriting
    public var store: any HealStore
    /// Reads and judges the production error logs (when the configuration has `errors:`).
    public var errorLogs: any ErrorLogGrading
    /// The eval suite; nil when the project has no `evals:`.
    public var evals: (any EvalSource)?
    /// The time a run is detected, staged and finished at.
    public var clock: @Sendable () -> Date

    public init(suites: any SuiteRunning, triageRunners: any TriageRunnerSource, fixer: any FixDispatching,
                escalations: any EscalationWriting, store: any HealStore,
                errorLogs: any ErrorLogGrading = ErrorLogFiles(), evals: (any EvalSource)? = nil,
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.suites = suites
        self.evals = evals
        self.triageRunners = triageRunners
        self.fixer = fixer
        self.escalations = escalations
        self.store = store
        self.errorLogs = errorLogs
        self.clock = clock
    }

    /// The real ones for `setup`: the configured runner (results cached in `store`), agent and
    /// forge, and tickets under heal's directory.
    public static func live(setup: PipelineSetup, store: any HealStore, agent: (any FixAgent)? = nil) throws -> PipelineParts {
        var runner = try TestRunner(repositoryPath: setup.root, config: setup.config, cache: store)
        runner.warm = WarmDirectory.enabled(healDirectory: setup.healDirectory)
        let forge = try ForgeKind.forge(publish: setup.config.publish.rawValue, workingDirectory: setup.root)
        let fixer = FixEngine(repositoryPath: setup.root, config: setup.config,
                              agent: agent ?? AgentFactory.make(setup.config.fix.agent, config: setup.config),
                              store: store, publisher: PRPublisher(repositoryPath: setup.root, config: setup.config, forge: forge),
                              repositoryID: setup.repositoryID)
        return PipelineParts(
            suites: runner, triageRunners: ExportTriageRunners(testRunner: runner), fixer: fixer,
            escalations: EscalationWriter(repositoryID: setup.repositoryID, commonDirectory: setup.commonDirectory,
                                          repositoryRoot: setup.root, store: store, forge: forge),
            store: store,
            evals: setup.config.evals.map {
                ExportEvalSource(evals: EvalRunner(repositoryPath: setup.root, config: setup.config, evals: $0), testRunner: runner)
            })
    }
}

extension TestRunner: SuiteRunning {}

extension FixEngine: FixDispatching {
    public var agentName: String { agent.name }
}

/// Triage runners in the runner's warm directory (or a fresh scratch directory of the
/// repository's `WorkArea`), so a probe costs an incremental build.
struct ExportTriageRunners: TriageRunnerSource {
    let testRunner: TestRunner

    func withTriageRunner<T: Sendable>(at commit: ObjectID,
                                       _ body: (any TriageTestRunner) async throws -> T) async throws -> T {
        try await testRunner.withTree(at: commit.hex, label: "triage") { export in
            try await body(ExportTriageRunner(testRunner: testRunner, export: export))
        }
    }
}
