import GitKit

/// What a reviewer is told about a verified fix, gathered into the `pr-body` template's input:
/// the tests of the cause, the triggering result, the culprit and causal diff, the agent's
/// change and why each file was in scope, how it was verified, the attempt, how to reproduce.
enum PRBodyAssembly {
    static func input(for fix: VerifiedFix, repositoryPath: String) throws -> PRBodyInput {
        let request = fix.request
        let verdict = request.verdict
        let deploy = request.deploy
        let repository = try Repository(discovering: repositoryPath)
        let fixDiff = try repository.diff(from: deploy.hex, to: fix.commit.hex, options: DiffOptions(contextLines: 3, includeLines: true))
        let culprit = verdict.culprit
        let causalFiles = Set(verdict.causalDiff.map(\.path.string))
        let baselineRevision = (request.baseline ?? fix.causalBase).short()
        let covered = request.members.count > 1 ? "covered by the failing tests" : "covered by the failing test"
        var input = PRBodyInput(
            title: PRStaging.title(test: verdict.test, others: request.members.count - 1, deploy: deploy.hex),
            test: .init(id: request.target.id, file: request.target.file),
            otherTests: request.members.dropFirst().map { TestReference(id: $0.id, file: $0.file) },
            eval: .init(baselineRevision: baselineRevision, deployRevision: deploy.short(),
                        baselineOutcome: "passed", deployOutcome: "failed", reruns: fix.triageReruns),
            failureOutput: fix.scores == nil ? fix.failureOutputs.first : nil,
            culprit: .init(id: (culprit?.id ?? fix.causalHead).short(12),
                           author: culprit.map { "\($0.author.name) <\($0.author.email)>" } ?? "unknown",
                           subject: culprit?.summary ?? "(no single culprit commit)"),
            causalDiff: UnifiedDiffText.render(verdict.causalDiff),
            change: .init(agent: fix.agent, summary: fix.summary.map(AgentText.clean),
                          files: fix.change.files.map { file in
                              let reason = causalFiles.contains(file.path) ? "in the causal diff"
                                  : fix.rules.coverageArea.contains(file.path) ? covered : "matches `scope.allow`"
                              return .init(path: file.path, added: file.addedLines.count, removed: file.removedLines.count, reason: reason)
                          },
                          diff: UnifiedDiffText.render(fixDiff.files),
                          maxChangedLines: fix.rules.maxChangedLines, maxChangedFiles: fix.rules.maxChangedFiles),
            verification: .init(testPasses: fix.verification.testPasses, testReruns: fix.verification.testReruns,
                                suiteSummary: fix.verification.suiteSummary),
            attempt: .init(number: fix.attempt, maximum: fix.maxAttempts),
            reproduce: .init(branch: fix.branch, deployRevision: deploy.short(12), testCommand: fix.testCommand),
            unboxedReason: fix.unboxedReason,
            scores: fix.scores.map { checks in
                PRBodyInput.Scores(
                    table: ScoreEvidenceMarkdown.render(order: request.tests, cases: request.scores,
                                                        fixed: Dictionary(uniqueKeysWithValues: checks.cases.map { ($0.id, $0) }),
                                                        baselineRevision: baselineRevision, deployRevision: deploy.short()),
                    verification: ScoreEvidenceMarkdown.verification(checks.cases))
            })
        if let error = request.productionError { describeErrorFix(error, fix: fix, in: &input) }
        return input
    }
}
