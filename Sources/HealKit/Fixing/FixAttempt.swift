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

    private var config: HealConfig { engine.config }
    private var deploy: String { request.deploy.hex }

    func run() async throws -> FixAttemptResult {
        let heal = try HealDirectory(repositoryPath: engine.repositoryPath)
        let runDirectory = try heal.makeRunDirectory(label: "fix-" + FixBranch.slug(request.verdict.test))
        let runner = try TestRunner(repositoryPath: engine.repositoryPath, config: config,
                                    cache: engine.store)
        let repositoryRoot = try Repository(discovering: engine.repositoryPath).workingDirectory
        let templates = TemplateLibrary(repositoryRoot: repositoryRoot)
        let inputs = try await writeInputs(runDirectory: runDirectory, runner: runner, templates: templates)

        return try await Worktrees(repositoryPath: engine.repositoryPath).withWorktree(at: deploy, label: "fix") { worktree in
            let task = AgentTask(test: request.verdict.test, testFile: request.target.file, worktree: worktree,
                                 deploy: request.deploy, causalBase: causalBase, causalHead: causalHead,
                                 causalDiff: request.verdict.causalDiff, branch: branch,
                                 promptFile: inputs.promptFile, failureFile: inputs.failureFile,
                                 causalDiffFile: inputs.causalDiffFile, editableFiles: inputs.rules.coverageArea.sorted(),
                                 runDirectory: runDirectory, timeout: config.fix.timeout)
            let boundary = try WorktreeBoundary(repositoryPath: engine.repositoryPath, worktree: worktree, fixBranch: branch)
            let agentRun = try await engine.agent.run(task)
            // Checked whatever the agent's ending: one that moved a ref and then crashed must
            // still be reported for what it did outside its worktree.
            if let rejected = try judge(boundary.check(), runDirectory: runDirectory, when: "the agent") {
                return rejected
            }
            if let reason = agentRun.failureReason {
                return .failed(.agentError, reason, runDirectory: runDirectory)
            }
            let workspace = try Repository(discovering: worktree)
            try workspace.addIgnoreRules(RunnerArtefacts.ignoreRules(config: config))
            let change = try ProposedChange.inWorktree(workspace, against: deploy)
            if change.isEmpty {
                return .failed(.agentError, "the agent finished without changing anything", runDirectory: runDirectory)
            }
            if let rejected = try judge(ScopeGuard.check(change, rules: inputs.rules), runDirectory: runDirectory,
                                        when: "the agent's change") {
                return rejected
            }
            let verification = try await FixVerifier(runner: runner, reruns: config.fix.verifyReruns)
                .verify(request.target, in: worktree) { try await runner.runSuite(at: deploy).report }
            if let rejected = try judge(boundary.check(), runDirectory: runDirectory,
                                        when: "verification (the project's code with the agent's change)") {
                return rejected
            }
            if let reason = verification.failureReason {
                return .failed(.verificationFailed, reason, runDirectory: runDirectory)
            }
            // Verification ran the project's own code in the worktree; judge what is there now,
            // which is exactly what gets committed.
            let final = try ProposedChange.inWorktree(workspace, against: deploy)
            if let rejected = try judge(ScopeGuard.check(final, rules: inputs.rules), runDirectory: runDirectory,
                                        when: "the worktree after verification") {
                return rejected
            }
            let commit = try await keep(workspace: workspace, worktree: worktree, summary: agentRun.summary)
            let repository = try Repository(discovering: engine.repositoryPath)
            try repository.createBranch(branch, at: commit.hex, force: true)
            let body = try renderBody(repository: repository, commit: commit, change: final, rules: inputs.rules,
                                      summary: agentRun.summary, failureOutput: inputs.failureOutput,
                                      verification: verification, templates: templates)
            let prBody = try PRStaging.stage(body, branch: branch, healDirectory: heal)
            guard let forge = engine.forge else {
                return FixAttemptResult(outcome: .staged, prBody: prBody, runDirectory: runDirectory)
            }
            let url = try await publish(body: body, forge: forge)
            return FixAttemptResult(outcome: .opened, prBody: prBody, pullRequest: url, runDirectory: runDirectory)
        }
    }

    // MARK: - Inputs

    struct Inputs {
        var promptFile: String
        var failureFile: String
        var causalDiffFile: String
        var failureOutput: String
        var rules: ScopeRules
    }

    /// The three inputs, written to the run directory (never into the worktree, where they
    /// would count as the agent's change): the failure output at the deploy, the causal diff,
    /// and the prompt rendered from the agent-prompt template.
    private func writeInputs(runDirectory: String, runner: TestRunner, templates: TemplateLibrary) async throws -> Inputs {
        let failure = try await runner.runTest(request.target, at: deploy)
        let failureOutput: String = switch failure.outcome {
        case .failed(let testCase):
            [testCase.message, testCase.output].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        case .passed:
            "(the test passed when heal re-ran it at the deploy commit; triage saw it fail)"
        case .couldNotRun(let reason):
            "(the test did not run at the deploy commit: \(reason))"
        }
        let causalDiff = UnifiedDiffText.render(request.verdict.causalDiff)
        let rules = FixScope.rules(config: config, verdict: request.verdict, testFile: request.target.file)
        let prompt = try templates.renderAgentPrompt(AgentPromptInput(
            test: .init(id: request.target.id, file: request.target.file,
                        command: testCommand),
            failureOutput: failureOutput, causalDiff: causalDiff, branch: branch,
            scope: FixScope.promptScope(rules, config: config)))
        let inputs = Inputs(promptFile: runDirectory + "/prompt.md", failureFile: runDirectory + "/failure.txt",
                            causalDiffFile: runDirectory + "/causal.diff", failureOutput: failureOutput, rules: rules)
        try prompt.write(toFile: inputs.promptFile, atomically: true, encoding: .utf8)
        try failureOutput.write(toFile: inputs.failureFile, atomically: true, encoding: .utf8)
        try causalDiff.write(toFile: inputs.causalDiffFile, atomically: true, encoding: .utf8)
        return inputs
    }

    // MARK: - Judging and keeping

    /// The verdict on `violations` (the scope guard's, or the worktree boundary's): nil when
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

    /// Commits the worktree's whole change as one commit on the deploy commit, with heal's
    /// trailers; an agent's own commits are folded into it.
    private func keep(workspace: Repository, worktree: String, summary: String?) async throws -> ObjectID {
        if try workspace.commit("HEAD").id != request.deploy {
            try await WorktreeHead.rewind(worktree: worktree, to: deploy)
        }
        let culprit = request.verdict.culprit?.id.hex ?? causalHead.hex
        var message = "heal: fix \(request.verdict.test)\n\n"
        if let summary, !summary.isEmpty { message += summary.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n" }
        message += "Heal-Test: \(request.verdict.test)\nHeal-Culprit: \(culprit)\nHeal-Attempt: \(number)\n"
        return try workspace.commitAll(message: message, author: Signature(name: config.fix.author.name, email: config.fix.author.email, time: Date()))
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
        return CommandTemplate.render(config.suite.test, target.placeholders(["results": "results.xml"]))
    }

    private func renderBody(repository: Repository, commit: ObjectID, change: ProposedChange, rules: ScopeRules,
                            summary: String?, failureOutput: String, verification: FixVerification,
                            templates: TemplateLibrary) throws -> String {
        let verdict = request.verdict
        let fixDiff = try repository.diff(from: deploy, to: commit.hex, options: DiffOptions(contextLines: 3, includeLines: true))
        let culprit = verdict.culprit
        let causalFiles = Set(verdict.causalDiff.map(\.path.string))
        let input = PRBodyInput(
            title: PRStaging.title(test: verdict.test, deploy: deploy),
            test: .init(id: verdict.test, file: request.target.file),
            eval: .init(baselineRevision: (request.baseline ?? causalBase).short(), deployRevision: request.deploy.short(),
                        baselineOutcome: "passed", deployOutcome: "failed", reruns: max(1, config.triage.reruns)),
            failureOutput: failureOutput,
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
                             testCommand: testCommand))
        return try templates.renderPRBody(input)
    }
}
