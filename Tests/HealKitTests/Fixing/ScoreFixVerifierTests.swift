import Foundation
import GitKit
@testable import HealKit
import Testing
import TestSupport

/// The verifier on the real unseeded harness. Chance failures: the fix's 40 samples of a case
/// at pass rate 0.99 against the baseline's (0.99) are "significantly worse" at alpha = 1e-6
/// with probability ≤ 1e-6; better than the deploy's (0.02) fails to show with probability
/// < 1e-12; a flagged other case is confirmed a drop with probability ≤ 1e-6.
@Suite("ScoreFixVerifier")
struct ScoreFixVerifierTests {
    @Test("a fix that restores the arithmetic verifies; one that leaves it broken does not")
    func verifies() async throws {
        let project = try PythonProject(files: EvalHarness.files(), coverage: false)
        let before = try project.repo.head()
        var model = EvalHarness.Model()
        model.arithmetic = 0.02
        model.greeting = "Hi"
        try project.write("src/assistant.py", EvalHarness.assistant(model))
        let deploy = try project.commit("tidier arithmetic")
        try project.write("README.md", "not a fix\n")
        let notFix = try project.commit("not a fix")
        model.arithmetic = 0.99
        try project.write("src/assistant.py", EvalHarness.assistant(model))
        let fix = try project.commit("revert the arithmetic")
        let evals = HealConfig.Evals(command: EvalHarness.command, caseCommand: EvalHarness.caseCommand, samples: 10)
        let runner = EvalRunner(repositoryPath: project.path, config: HealConfig(evals: evals), evals: evals)
        let verifier = ScoreFixVerifier(evals: runner, samples: 40,
                                        detection: DetectionOptions(scoreThreshold: 0.6, scoreDelta: 0.1, alpha: 1e-6))
        let repository = try Repository(discovering: project.path)
        func samples(_ id: String, at revision: String) async throws -> [Double] {
            var all: [Double] = []
            for _ in 0..<4 { all += try #require(try await runner.sample(case: id, count: 10, at: revision).evals?.first?.scores) }
            return all
        }
        let cases = [("arith-add", try await samples("arith-add", at: before), try await samples("arith-add", at: deploy))]
        let deployEvals = try #require(try await runner.runAll(at: deploy).evals)
        let verified = try await verifier.verify(cases, at: try repository.commit(fix).id,
                                                 deployCommit: try repository.commit(deploy).id, deployEvals: deployEvals)
        #expect(verified.failureReason == nil)
        #expect(verified.cases.first?.fixed.n == 40)
        let broken = try await verifier.verify(cases, at: try repository.commit(notFix).id,
                                               deployCommit: try repository.commit(deploy).id, deployEvals: deployEvals)
        #expect(broken.failureReason?.hasPrefix("arith-add: still significantly below the baseline") == true)
    }
}
