import Foundation
import GitKit

/// The steps of an attempt that differ for a production error, which has no failing test:
/// the agent gets the error's evidence and is asked for a regression test, may add (never
/// edit) test modules, and the fix is verified by that test — or, for the revert, by the trace.
extension FixAttempt {
    func errorInputs(_ error: ProductionErrorFix, to directory: String, runDirectory: String,
                     templates: TemplateLibrary) throws -> Inputs {
        let failureOutput = error.text
        let causalDiff = UnifiedDiffText.render(request.verdict.causalDiff)
        var rules = FixScope.rules(config: engine.config, verdict: request.verdict, testFiles: [])
        rules.coverageArea.formUnion(error.traceFiles)
        rules.addsTests = !(engine.agent is RevertAgent)
        var input = AgentPromptInput(test: .init(id: request.verdict.test), failureOutput: failureOutput,
                                     causalDiff: causalDiff, branch: branch,
                                     scope: FixScope.promptScope(rules, config: engine.config))
        input.productionError = ErrorEvidenceMarkdown.render(error.regression)
        input.errorType = error.regression.errors?.type
        let prompt = SecretRedactor.redactTokens(try templates.renderAgentPrompt(input))
        return try Inputs.write(prompt: prompt, failureOutputs: [failureOutput], of: [request.verdict.test],
                                causalDiff: causalDiff, rules: rules, to: directory, runDirectory: runDirectory)
    }

    func verifyErrorFix(_ error: ProductionErrorFix, commit: ObjectID, change: ProposedChange, runner: TestRunner,
                        deployReport: TestReport?) async throws -> FixVerification {
        let author = engine.config.fix.author
        let verifier = ErrorFixVerifier(runner: runner, reruns: engine.config.fix.verifyReruns,
                                        repository: try Repository(discovering: engine.repositoryPath),
                                        author: Signature(name: author.name, email: author.email, time: Date()))
        if engine.agent is RevertAgent {
            return try await verifier.verifyRevert(error, commit: commit, baseline: request.baseline ?? causalBase,
                                                   deploy: request.deploy, deployReport: deployReport)
        }
        return try await verifier.verifyReproduction(error, commit: commit, change: change, deploy: request.deploy,
                                                     deployReport: deployReport)
    }
}
