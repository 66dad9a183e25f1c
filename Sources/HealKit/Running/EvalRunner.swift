import Foundation

/// Runs the `evals:` commands: every case (`command`) or one case (`case`), each call a fresh
/// process. An eval suite is a suite whose results are scores, so every call goes through
/// `TestRunner`'s edge (run folder with the command and log, timeout killing the process
/// group, results read from `{results}` rather than the exit code); `{samples}` and `{id}` are
/// substituted first. Never cached: each call is a new sample of noisy scores.
public struct EvalRunner: Sendable {
    public let repositoryPath: String
    public let evals: HealConfig.Evals
    private let config: HealConfig

    public init(repositoryPath: String, config: HealConfig, evals: HealConfig.Evals) {
        self.repositoryPath = repositoryPath
        self.config = config
        self.evals = evals
    }

    /// Every case at `revision`, in a fresh worktree, `evals.samples` samples each.
    public func runAll(at revision: String) async throws -> EvalRun {
        try await runner(evals.command, values: ["samples": String(evals.samples)]).runSuite(at: revision).evalRun
    }

    /// Every case in `directory` (a worktree the caller prepared, e.g. with a fix applied).
    public func runAll(in directory: String) async throws -> EvalRun {
        try await runner(evals.command, values: ["samples": String(evals.samples)]).runSuite(in: directory).evalRun
    }

    /// `count` fresh samples of case `id` in `directory`; the run's samples of that case, or
    /// why there are none (the case is not in the results at that commit, say).
    public func sample(case id: String, count: Int, in directory: String) async throws -> EvalRun {
        one(id, try await caseRunner(id, count).runSuite(in: directory).evalRun)
    }

    /// `count` fresh samples of case `id` at `revision`, in a fresh directory of its own.
    public func sample(case id: String, count: Int, at revision: String) async throws -> EvalRun {
        one(id, try await caseRunner(id, count).runSuite(at: revision, cached: false).evalRun)
    }

    private func caseRunner(_ id: String, _ count: Int) throws -> TestRunner {
        try runner(evals.caseCommand, values: ["id": id, "samples": String(max(count, 1))])
    }

    /// The run cut down to case `id`.
    private func one(_ id: String, _ run: EvalRun) -> EvalRun {
        guard let cases = run.evals else { return run }
        guard let found = cases.first(where: { $0.id == id }) else {
            return EvalRun(evals: nil, couldNotRunReason: "the results have no case \(id) (\(cases.count) other case\(cases.count == 1 ? "" : "s"))",
                           runDirectory: run.runDirectory)
        }
        return EvalRun(evals: [found], couldNotRunReason: nil, runDirectory: run.runDirectory)
    }

    /// A `TestRunner` whose suite is this eval command, uncached.
    private func runner(_ template: String, values: [String: String]) throws -> TestRunner {
        var eval = config
        eval.suite = HealConfig.Suite(command: CommandTemplate.render(template, values), format: .scores,
                                      test: config.suite.test, timeout: evals.timeout, testTimeout: evals.timeout)
        return try TestRunner(repositoryPath: repositoryPath, config: eval, cache: nil)
    }
}

extension SuiteRun {
    /// The run's eval cases, checked: scores in [0, 1] and at least one case.
    var evalRun: EvalRun {
        guard let report else { return EvalRun(evals: nil, couldNotRunReason: couldNotRunReason, runDirectory: runDirectory) }
        if report.evals.isEmpty {
            return EvalRun(evals: nil, couldNotRunReason: "the results hold no scores (\(report.tests.count) test results instead)",
                           runDirectory: runDirectory)
        }
        for eval in report.evals {
            if let bad = eval.scores.first(where: { !(0...1).contains($0) }) {
                return EvalRun(evals: nil, couldNotRunReason: "case \(eval.id) has a score \(bad) outside [0, 1]",
                               runDirectory: runDirectory)
            }
        }
        return EvalRun(evals: report.evals, couldNotRunReason: nil, runDirectory: runDirectory)
    }
}
