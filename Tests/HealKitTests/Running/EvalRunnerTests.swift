import Foundation
import HealKit
import Testing
import TestSupport

@Suite("EvalRunner")
struct EvalRunnerTests {
    private func runner(_ project: PythonProject, command: String = EvalHarness.command,
                        caseCommand: String = EvalHarness.caseCommand) -> EvalRunner {
        let evals = HealConfig.Evals(command: command, caseCommand: caseCommand, samples: 4, timeout: .seconds(120))
        return EvalRunner(repositoryPath: project.path, config: HealConfig(evals: evals), evals: evals)
    }

    @Test("every case sampled `samples` times in a fresh worktree: 0/1 and continuous scores in [0, 1]")
    func runAll() async throws {
        let project = try PythonProject(files: EvalHarness.files(), coverage: false)
        let fingerprint = try project.repo.userStateFingerprint()
        let run = try await runner(project).runAll(at: "HEAD")
        let evals = try #require(run.evals, "\(run.couldNotRunReason ?? "")")
        #expect(evals.map(\.id).sorted() == ["arith-add", "arith-mul", "poem", "spell-receive", "summary", "trivia-peru"])
        #expect(evals.allSatisfy { $0.scores.count == 4 && $0.scores.allSatisfy { (0...1).contains($0) } })
        #expect(evals.first { $0.id == "arith-add" }!.scores.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(try project.repo.userStateFingerprint() == fingerprint)
    }

    @Test("one case, as many samples as asked; a case that is not there could not run")
    func sampleOneCase() async throws {
        let project = try PythonProject(files: EvalHarness.files(), coverage: false)
        let scores = try await runner(project).sample(case: "summary", count: 7, in: project.path)
        #expect(scores.evals?.first?.scores.count == 7)
        let missing = try await runner(project).sample(case: "no-such-case", count: 3, in: project.path)
        #expect(missing.evals == nil)
        #expect(missing.couldNotRunReason?.contains("no results written") == true)
    }

    @Test("a score outside [0, 1] or results without scores could not run, and say why")
    func badScores() async throws {
        let project = try PythonProject(files: ["evals/bad.sh": "echo '{\"id\": \"a\", \"score\": 1.5}' > \"$1\"\n",
                                                "evals/junit.sh": "echo '<testsuite><testcase name=\"t\"/></testsuite>' > \"$1\"\n"],
                                        coverage: false)
        let outside = try await runner(project, command: "sh evals/bad.sh {results}").runAll(in: project.path)
        #expect(outside.evals == nil)
        #expect(outside.couldNotRunReason == "case a has a score 1.5 outside [0, 1]")
        let tests = try await runner(project, command: "sh evals/junit.sh {results}").runAll(in: project.path)
        #expect(tests.evals == nil)
        #expect(tests.couldNotRunReason?.contains("the results hold no") == true, "\(tests.couldNotRunReason ?? "")")
    }
}
