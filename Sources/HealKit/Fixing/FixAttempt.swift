import Foundation
import GitKit

/// One attempt's steps, from the agent's inputs to the staged fix. Created and run by
/// `FixEngine.dispatch`, which claims and records it.
struct FixAttempt {
    let engine: FixEngine
    let request: FixRequest
    let causalBase: ObjectID
    let causalHead: ObjectID
    let branch: String
    let number: Int
    let containment: Containment

    private var config: HealConfig { engine.config }
    private var deploy: String { request.deploy.hex }

    func run() async throws -> FixAttemptResult {
        let heal = try HealDirectory(repositoryPath: engine.repositoryPath)
        let runDirectory = try heal.makeRunDirectory(label: "fix-" + FixBranch.slug(request.verdict.test))
        var runner = try TestRunner(repositoryPath: engine.repositoryPath, config: config,
                                    cache: engine.store)
        runner.warm = WarmDirectory.enabled(healDirectory: heal)
        let templates = TemplateLibrary(repositoryPath: engine.repositoryPath, revision: deploy)
        // Everything verification compares with is taken now, before any agent runs.
        var deployReport = request.deployReport
        if deployReport == nil { deployReport = try await runner.runSuite(at: deploy).report }
        let area = try WorkArea(repositoryPath: engine.repositoryPath)
        let repository = try Repository(discovering: engine.repositoryPath)
        let workspace = try AgentWorkspace.create(in: area, repository: repository, deploy: try repository.commit(deploy),
                                                  withGit: !engine.agent.runsInHeal)
        // An external agent run unboxed could have written anything under heal's directory,
        // the build products later runs trust included: they are started over.
        let discardsWarm = containment.sandbox == nil && !engine.agent.runsInHeal
        do {
            let result = try await attempt(in: workspace, area: area, runDirectory: runDirectory, runner: runner,
                                           templates: templates, deployReport: deployReport)
            try area.remove(workspace.root)
            if discardsWarm { try? await runner.warm?.discard() }
            return result
        } catch {
            try? area.remove(workspace.root)
            if discardsWarm { try? await runner.warm?.discard() }
            throw error
        }
    }

    private func attempt(in workspace: AgentWorkspace, area: WorkArea, runDirectory: String, runner: TestRunner,
                         templates: TemplateLibrary, deployReport: TestReport?) async throws -> FixAttemptResult {
        let inputs = if let error = request.productionError {
            try errorInputs(error, to: workspace.inputs, runDirectory: runDirectory, templates: templates)
        } else {
            try await writeInputs(to: workspace.inputs, runDirectory: runDirectory, runner: runner, templates: templates,
                                  deployReport: deployReport)
        }
        let task = AgentTask(test: request.verdict.test, testFile: request.target.file, workspace: workspace.workspace,
                             outDirectory: workspace.out, repositoryPath: engine.repositoryPath,
                             deploy: request.deploy, causalBase: causalBase, causalHead: causalHead,
                             causalDiff: request.verdict.causalDiff, branch: branch,
                             promptFile: inputs.promptFile, failureFile: inputs.failureFile,
                             causalDiffFile: inputs.causalDiffFile, editableFiles: inputs.rules.coverageArea.sorted(),
                             runDirectory: runDirectory, timeout: config.fix.timeout, containment: containment)
        let boundary = try await AttemptBoundary.take(repositoryPath: engine.repositoryPath, fixBranch: branch, store: engine.store,
                                                      guardsHealState: containment.sandbox == nil)
        let agentRun = try await engine.agent.run(task)
        // Checked whatever the agent's ending: one that moved a ref and then crashed must
        // still be reported for what it did outside its workspace.
        if let rejected = try judge(await boundary.check(), runDirectory: runDirectory, when: "the agent") {
            return rejected
        }
        if let reason = agentRun.failureReason {
            return .failed(.agentError, reason, runDirectory: runDirectory)
        }
        let repository = try Repository(discovering: engine.repositoryPath)
        let contents = try workspace.readBack(repository: repository, ignoreRules: RunnerArtefacts.ignoreRules(config: config),
                                              area: area)
        if let rejected = try judge(contents.violations, runDirectory: runDirectory, when: "the agent's files") {
            return rejected
        }
        let candidate = try CandidateTree(contents, deployTree: workspace.deploy.treeID, in: repository)
        if candidate.change.isEmpty {
            return .failed(.agentError, "the agent finished without changing anything", runDirectory: runDirectory)
        }
        if let rejected = try judge(ScopeGuard.check(candidate.change, rules: inputs.rules) + SecretScan.violations(in: candidate.change),
                                    runDirectory: runDirectory, when: "the agent's change") {
            return rejected
        }
        // The commit is made now, from the judged tree, and verified as it is; the branch moves
        // only once it is verified.
        let commit = try repository.createCommit(tree: candidate.id, parents: [request.deploy],
                                                 message: commitMessage(summary: agentRun.summary),
                                                 author: Signature(name: config.fix.author.name, email: config.fix.author.email, time: Date()))
        // The fix is the agent's: it runs on a copy of the warm directory, never leaving anything there.
        var verifying = runner
        verifying.trustsWarmRuns = false
        let (verification, scores) = if let error = request.productionError {
            (try await verifyErrorFix(error, commit: commit, change: candidate.change, runner: verifying,
                                      deployReport: deployReport), nil as ScoreVerification?)
        } else {
            try await verify(commit, runner: verifying, deployReport: deployReport)
        }
        if let rejected = try judge(await boundary.check(), runDirectory: runDirectory,
                                    when: "verification (the project's code with the agent's change)") {
            return rejected
        }
        if let reason = scores?.failureReason ?? verification.failureReason {
            return .failed(.verificationFailed, reason, runDirectory: runDirectory)
        }
        try Repository(discovering: engine.repositoryPath).createBranch(branch, at: commit.hex, force: true)
        let publication = try await engine.publisher.publish(VerifiedFix(
            request: request, branch: branch, commit: commit, causalBase: causalBase, causalHead: causalHead,
            attempt: number, maxAttempts: config.fix.maxAttempts, agent: engine.agent.name, summary: agentRun.summary,
            change: candidate.change, rules: inputs.rules, failureOutputs: inputs.failureOutputs,
            verification: verification, testCommand: verification.reproducedBy.first.map { command(TestTarget(id: $0)) } ?? testCommand,
            triageReruns: max(1, config.triage.reruns),
            unboxedReason: containment.unboxedReason, scores: scores))
        return FixAttemptResult(outcome: publication.pullRequest == nil ? .staged : .opened, prBody: publication.prBody,
                                pullRequest: publication.pullRequest, runDirectory: runDirectory)
    }

    // MARK: - Inputs

    struct Inputs {
        var promptFile: String
        var failureFile: String
        var causalDiffFile: String
        /// Each test's failure output at the deploy, in `request.members` order.
        var failureOutputs: [String]
        var rules: ScopeRules

        /// Writes the three inputs into `directory` (beside the workspace) and, for the record,
        /// into `runDirectory`; `failure.txt` heads each test's output with its id when there are several.
        static func write(prompt: String, failureOutputs: [String], of tests: [String], causalDiff: String, rules: ScopeRules,
                          to directory: String, runDirectory: String) throws -> Inputs {
            let failures = failureOutputs.count == 1 ? failureOutputs[0]
                : zip(tests, failureOutputs).map { "== \($0.0)\n\($0.1)" }.joined(separator: "\n\n")
            let inputs = Inputs(promptFile: directory + "/prompt.md", failureFile: directory + "/failure.txt",
                                causalDiffFile: directory + "/causal.diff", failureOutputs: failureOutputs, rules: rules)
            for (path, text) in [(inputs.promptFile, prompt), (inputs.failureFile, failures), (inputs.causalDiffFile, causalDiff)] {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                try text.write(toFile: runDirectory + "/" + (path as NSString).lastPathComponent, atomically: true, encoding: .utf8)
            }
            return inputs
        }
    }

    /// Other tests of a cause whose failure outputs the prompt shows; the rest it names only.
    static let promptedOutputs = 10

    /// The three inputs, written beside the agent's workspace (never into it, where they would
    /// count as the agent's change) and copied to the run directory for the record: the
    /// failure outputs at the deploy — the representative's from a fresh run, the other tests'
    /// from the deploy's report —, the causal diff, and the prompt rendered from the
    /// agent-prompt template.
    private func writeInputs(to directory: String, runDirectory: String, runner: TestRunner,
                             templates: TemplateLibrary, deployReport: TestReport?) async throws -> Inputs {
        // Test output can print what the environment holds; the prompt and the PR body never do.
        let failureOutput = SecretRedactor.redact(try await failureOutput(runner: runner))
        // An eval cause's table already shows every case.
        let others = request.members.dropFirst().map { member in
            !request.scores.isEmpty ? "(its scores are in the table above)"
                : deployReport?.test(member.id).map { SecretRedactor.redact([$0.message, $0.output].compactMap { $0 }
                    .filter { !$0.isEmpty }.joined(separator: "\n\n")) } ?? "(no failure output in the deploy's report)"
        }
        let causalDiff = UnifiedDiffText.render(request.verdict.causalDiff)
        let rules = FixScope.rules(config: config, verdict: request.verdict, testFiles: request.members.compactMap(\.file))
        let prompt = SecretRedactor.redactTokens(try templates.renderAgentPrompt(AgentPromptInput(
            test: .init(id: request.target.id, file: request.target.file,
                        command: testCommand),
            failureOutput: failureOutput,
            otherTests: zip(request.members.dropFirst(), others).enumerated().map { index, pair in
                .init(id: pair.0.id, file: pair.0.file, failureOutput: index < Self.promptedOutputs ? pair.1 : nil)
            },
            causalDiff: causalDiff, branch: branch, scope: FixScope.promptScope(rules, config: config))))
        return try Inputs.write(prompt: prompt, failureOutputs: [failureOutput] + others, of: request.tests,
                                causalDiff: causalDiff, rules: rules, to: directory, runDirectory: runDirectory)
    }

    /// What the agent is told failed: the representative test's output at the deploy, or for
    /// eval cases the scores triage measured.
    private func failureOutput(runner: TestRunner) async throws -> String {
        if !request.scores.isEmpty {
            return "The eval scores dropped after the deploy:\n\n" + ScoreEvidenceMarkdown.render(
                order: request.tests, cases: request.scores,
                baselineRevision: (request.baseline ?? causalBase).short(), deployRevision: request.deploy.short())
        }
        let failure = try await runner.runTest(request.target, at: deploy)
        return switch failure.outcome {
        case .failed(let testCase):
            [testCase.message, testCase.output].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        case .passed:
            "(the test passed when heal re-ran it at the deploy commit; triage saw it fail)"
        case .couldNotRun(let reason):
            "(the test did not run at the deploy commit: \(reason))"
        }
    }

    // MARK: - Verification

    /// A test cause's fix: every member's reruns and the suite. An eval cause's: every case by
    /// score (`ScoreFixVerifier`) and the suite (when there is one) for new failures.
    private func verify(_ commit: ObjectID, runner: TestRunner,
                        deployReport: TestReport?) async throws -> (FixVerification, ScoreVerification?) {
        let verifier = FixVerifier(runner: runner, reruns: config.fix.verifyReruns)
        guard !request.scores.isEmpty else {
            return (try await verifier.verify(request.members, at: commit, deployReport: deployReport), nil)
        }
        guard let evals = config.evals else {
            throw FixRequestError(test: request.verdict.test, problem: "an eval regression, but the configuration has no `evals:`",
                                  fix: "keep the `evals:` section the regression was detected with")
        }
        let cases = request.tests.compactMap { id in
            request.scores[id].map { (id: id, baseline: $0.confirmation.baseline.samples, deploy: $0.confirmation.deploy.samples) }
        }
        let scores = try await ScoreFixVerifier(evals: EvalRunner(repositoryPath: engine.repositoryPath, config: config, evals: evals),
                                                samples: evals.confirmSamples, detection: DetectionOptions(config.detection))
            .verify(cases, at: commit, deployCommit: request.deploy, deployEvals: deployReport?.evals ?? [])
        guard scores.failureReason == nil, config.runsSuite else {
            let summary = config.runsSuite ? "not run" : "no test suite configured"
            return (FixVerification(testPasses: 0, testReruns: 0, newFailures: [], suiteSummary: summary, failureReason: nil), scores)
        }
        return (try await verifier.verifySuite(at: commit, deployReport: deployReport), scores)
    }

    // MARK: - Judging and keeping

    /// The verdict on `violations` (the scope guard's, the read-back's, or the boundary's): nil when
    /// there are none, else the failed attempt, with the findings written to `scope-violations.txt`.
    private func judge(_ violations: [ScopeViolation], runDirectory: String, when: String) throws -> FixAttemptResult? {
        guard let first = violations.first else { return nil }
        let lines = violations.map { SecretRedactor.redact($0.description) }
        try (lines.joined(separator: "\n") + "\n").write(toFile: runDirectory + "/scope-violations.txt",
                                                         atomically: true, encoding: .utf8)
        let more = violations.count > 1 ? " (and \(violations.count - 1) more)" : ""
        return FixAttemptResult(outcome: .scopeViolation, reason: "\(when) breaks the scope rules: \(first)\(more)",
                                violations: lines, runDirectory: runDirectory)
    }

    /// The fix commit's message: heal's subject, the agent's summary, heal's trailers.
    private func commitMessage(summary: String?) -> String {
        let culprit = request.verdict.culprit?.id.hex ?? causalHead.hex
        let others = request.members.count - 1
        var message = "heal: fix \(request.verdict.test)" + (others > 0 ? " and \(others) more" : "") + "\n\n"
        if let summary = summary.map(AgentText.clean), !summary.isEmpty { message += summary + "\n\n" }
        message += request.tests.map { "Heal-Test: \($0)\n" }.joined()
        message += "Heal-Cause: \(request.cause)\nHeal-Culprit: \(culprit)\nHeal-Attempt: \(number)\n"
        return message
    }

    /// The command that runs the representative failing test alone, as a human would type it.
    private var testCommand: String {
        let target = request.target
        if !request.scores.isEmpty, let evals = config.evals {
            return CommandTemplate.render(evals.caseCommand, ["id": target.id, "samples": String(evals.samples),
                                                              "results": "scores.jsonl"])
        }
        return command(target)
    }

    /// The command that runs `target` alone (for a production error, the regression test the
    /// fix added).
    private func command(_ target: TestTarget) -> String {
        CommandTemplate.render(config.suite.test, target.placeholders(["results": "results.xml"]))
    }
}
