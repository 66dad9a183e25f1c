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
        let repositoryRoot = try Repository(discovering: engine.repositoryPath).workingDirectory
        let templates = TemplateLibrary(repositoryRoot: repositoryRoot)
        // Everything verification compares with is taken now, before any agent runs.
        var deployReport = request.deployReport
        if deployReport == nil { deployReport = try await runner.runSuite(at: deploy).report }
        let area = try WorkArea(repositoryPath: engine.repositoryPath)
        let repository = try Repository(discovering: engine.repositoryPath)
        let workspace = try AgentWorkspace.create(in: area, repository: repository, deploy: try repository.commit(deploy),
                                                  withGit: !engine.agent.runsInHeal)
        do {
            let result = try await attempt(in: workspace, area: area, runDirectory: runDirectory, runner: runner,
                                           templates: templates, deployReport: deployReport, heal: heal)
            try area.remove(workspace.root)
            return result
        } catch {
            try? area.remove(workspace.root)
            throw error
        }
    }

    private func attempt(in workspace: AgentWorkspace, area: WorkArea, runDirectory: String, runner: TestRunner,
                         templates: TemplateLibrary, deployReport: TestReport?, heal: HealDirectory) async throws -> FixAttemptResult {
        let inputs = if let error = request.productionError {
            try errorInputs(error, to: workspace.inputs, runDirectory: runDirectory, templates: templates)
        } else {
            try await writeInputs(to: workspace.inputs, runDirectory: runDirectory, runner: runner, templates: templates)
        }
        let task = AgentTask(test: request.verdict.test, testFile: request.target.file, workspace: workspace.workspace,
                             outDirectory: workspace.out, repositoryPath: engine.repositoryPath,
                             deploy: request.deploy, causalBase: causalBase, causalHead: causalHead,
                             causalDiff: request.verdict.causalDiff, branch: branch,
                             promptFile: inputs.promptFile, failureFile: inputs.failureFile,
                             causalDiffFile: inputs.causalDiffFile, editableFiles: inputs.rules.coverageArea.sorted(),
                             runDirectory: runDirectory, timeout: config.fix.timeout, containment: containment)
        let boundary = try RepositoryBoundary(repositoryPath: engine.repositoryPath, fixBranch: branch)
        let agentRun = try await engine.agent.run(task)
        // Checked whatever the agent's ending: one that moved a ref and then crashed must
        // still be reported for what it did outside its workspace.
        if let rejected = try judge(boundary.check(), runDirectory: runDirectory, when: "the agent") {
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
        if let rejected = try judge(ScopeGuard.check(candidate.change, rules: inputs.rules), runDirectory: runDirectory,
                                    when: "the agent's change") {
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
        if let rejected = try judge(boundary.check(), runDirectory: runDirectory,
                                    when: "verification (the project's code with the agent's change)") {
            return rejected
        }
        if let reason = scores?.failureReason ?? verification.failureReason {
            return .failed(.verificationFailed, reason, runDirectory: runDirectory)
        }
        try Repository(discovering: engine.repositoryPath).createBranch(branch, at: commit.hex, force: true)
        let body = try renderBody(repository: repository, commit: commit, change: candidate.change, rules: inputs.rules,
                                  summary: agentRun.summary, failureOutput: inputs.failureOutput,
                                  verification: verification, scores: scores, templates: templates)
        let prBody = try PRStaging.stage(body, branch: branch, healDirectory: heal)
        guard let forge = engine.forge else {
            return FixAttemptResult(outcome: .staged, prBody: prBody, runDirectory: runDirectory)
        }
        let url = try await publish(body: body, forge: forge)
        return FixAttemptResult(outcome: .opened, prBody: prBody, pullRequest: url, runDirectory: runDirectory)
    }

    // MARK: - Inputs

    struct Inputs {
        var promptFile: String
        var failureFile: String
        var causalDiffFile: String
        var failureOutput: String
        var rules: ScopeRules

        /// Writes the three inputs into `directory` (beside the workspace) and, for the record,
        /// into `runDirectory`.
        static func write(prompt: String, failureOutput: String, causalDiff: String, rules: ScopeRules,
                          to directory: String, runDirectory: String) throws -> Inputs {
            let inputs = Inputs(promptFile: directory + "/prompt.md", failureFile: directory + "/failure.txt",
                                causalDiffFile: directory + "/causal.diff", failureOutput: failureOutput, rules: rules)
            for (path, text) in [(inputs.promptFile, prompt), (inputs.failureFile, failureOutput), (inputs.causalDiffFile, causalDiff)] {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                try text.write(toFile: runDirectory + "/" + (path as NSString).lastPathComponent, atomically: true, encoding: .utf8)
            }
            return inputs
        }
    }

    /// The three inputs, written beside the agent's workspace (never into it, where they would
    /// count as the agent's change) and copied to the run directory for the record: the
    /// failure output at the deploy, the causal diff, and the prompt rendered from the
    /// agent-prompt template.
    private func writeInputs(to directory: String, runDirectory: String, runner: TestRunner,
                             templates: TemplateLibrary) async throws -> Inputs {
        let failureOutput = try await failureOutput(runner: runner)
        let causalDiff = UnifiedDiffText.render(request.verdict.causalDiff)
        let rules = FixScope.rules(config: config, verdict: request.verdict, testFile: request.target.file)
        let prompt = try templates.renderAgentPrompt(AgentPromptInput(
            test: .init(id: request.target.id, file: request.target.file,
                        command: testCommand),
            failureOutput: failureOutput, causalDiff: causalDiff, branch: branch,
            scope: FixScope.promptScope(rules, config: config)))
        return try Inputs.write(prompt: prompt, failureOutput: failureOutput, causalDiff: causalDiff, rules: rules,
                                to: directory, runDirectory: runDirectory)
    }

    /// What the agent is told failed: the test's output at the deploy, or for eval cases the
    /// scores triage measured.
    private func failureOutput(runner: TestRunner) async throws -> String {
        if !request.scores.isEmpty {
            return "The eval scores dropped after the deploy:\n\n" + scoreTable(fixed: [:])
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

    private func scoreTable(fixed: [String: ScoreVerification.CaseCheck]) -> String {
        ScoreEvidenceMarkdown.render(order: request.tests, cases: request.scores, fixed: fixed,
                                     baselineRevision: (request.baseline ?? causalBase).short(), deployRevision: request.deploy.short())
    }

    // MARK: - Verification

    /// A test's fix: its reruns and the suite. An eval cause's: every case by score
    /// (`ScoreFixVerifier`) and the suite (when there is one) for new failures.
    private func verify(_ commit: ObjectID, runner: TestRunner,
                        deployReport: TestReport?) async throws -> (FixVerification, ScoreVerification?) {
        let verifier = FixVerifier(runner: runner, reruns: config.fix.verifyReruns)
        guard !request.scores.isEmpty else {
            return (try await verifier.verify(request.target, at: commit, deployReport: deployReport), nil)
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
        let lines = violations.map(\.description)
        try (lines.joined(separator: "\n") + "\n").write(toFile: runDirectory + "/scope-violations.txt",
                                                         atomically: true, encoding: .utf8)
        let more = violations.count > 1 ? " (and \(violations.count - 1) more)" : ""
        return FixAttemptResult(outcome: .scopeViolation, reason: "\(when) breaks the scope rules: \(first)\(more)",
                                violations: lines, runDirectory: runDirectory)
    }

    /// The fix commit's message: heal's subject, the agent's summary, heal's trailers.
    private func commitMessage(summary: String?) -> String {
        let culprit = request.verdict.culprit?.id.hex ?? causalHead.hex
        var message = "heal: fix \(request.verdict.test)\n\n"
        if let summary, !summary.isEmpty { message += summary.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n" }
        message += "Heal-Test: \(request.verdict.test)\nHeal-Culprit: \(culprit)\nHeal-Attempt: \(number)\n"
        return message
    }

    private func publish(body: String, forge: any Forge) async throws -> String {
        let base = try await baseBranch()
        try await BranchPublisher(repositoryPath: engine.repositoryPath, baseBranch: base).push(branch)
        return try await forge.upsertDraftPullRequest(
            title: PRStaging.title(test: request.verdict.test, deploy: deploy), body: body, base: base, head: branch)
    }

    private func baseBranch() async throws -> String {
        if let configured = config.baseBranch { return configured }
        if let current = try await BranchPublisher.checkedOutBranch(repositoryPath: engine.repositoryPath) { return current }
        throw FixRequestError(test: request.verdict.test, problem: "the repository's HEAD is detached, so the PR's base branch is unknown",
                              fix: "set `base-branch:` in .heal.yml")
    }

    // MARK: - PR body

    /// The command that runs the failing test alone, as a human would type it.
    private var testCommand: String {
        let target = request.target
        if !request.scores.isEmpty, let evals = config.evals {
            return CommandTemplate.render(evals.caseCommand, ["id": target.id, "samples": String(evals.samples),
                                                              "results": "scores.jsonl"])
        }
        return CommandTemplate.render(config.suite.test, target.placeholders(["results": "results.xml"]))
    }

    private func renderBody(repository: Repository, commit: ObjectID, change: ProposedChange, rules: ScopeRules,
                            summary: String?, failureOutput: String, verification: FixVerification,
                            scores: ScoreVerification?, templates: TemplateLibrary) throws -> String {
        let verdict = request.verdict
        let fixDiff = try repository.diff(from: deploy, to: commit.hex, options: DiffOptions(contextLines: 3, includeLines: true))
        let culprit = verdict.culprit
        let causalFiles = Set(verdict.causalDiff.map(\.path.string))
        var input = PRBodyInput(
            title: PRStaging.title(test: verdict.test, deploy: deploy),
            test: .init(id: verdict.test, file: request.target.file),
            eval: .init(baselineRevision: (request.baseline ?? causalBase).short(), deployRevision: request.deploy.short(),
                        baselineOutcome: "passed", deployOutcome: "failed", reruns: max(1, config.triage.reruns)),
            failureOutput: scores == nil ? failureOutput : nil,
            culprit: .init(id: (culprit?.id ?? causalHead).short(12), author: culprit.map { "\($0.author.name) <\($0.author.email)>" } ?? "unknown",
                           subject: culprit?.summary ?? "(no single culprit commit)"),
            causalDiff: UnifiedDiffText.render(verdict.causalDiff),
            change: .init(agent: engine.agent.name, summary: summary,
                          files: change.files.map { file in
                              let reason = causalFiles.contains(file.path) ? "in the causal diff"
                                  : rules.coverageArea.contains(file.path) ? "covered by the failing test" : "matches `scope.allow`"
                              return .init(path: file.path, added: file.addedLines.count, removed: file.removedLines.count, reason: reason)
                          },
                          diff: UnifiedDiffText.render(fixDiff.files),
                          maxChangedLines: rules.maxChangedLines, maxChangedFiles: rules.maxChangedFiles),
            verification: .init(testPasses: verification.testPasses, testReruns: verification.testReruns,
                                suiteSummary: verification.suiteSummary),
            attempt: .init(number: number, maximum: config.fix.maxAttempts),
            reproduce: .init(branch: branch, deployRevision: request.deploy.short(12),
                             testCommand: testCommand),
            unboxedReason: containment.unboxedReason,
            scores: scores.map { checks in
                PRBodyInput.Scores(table: scoreTable(fixed: Dictionary(uniqueKeysWithValues: checks.cases.map { ($0.id, $0) })),
                                   verification: ScoreEvidenceMarkdown.verification(checks.cases))
            })
        if let error = request.productionError { describeErrorFix(error, verification: verification, in: &input) }
        return try templates.renderPRBody(input)
    }
}
