import Foundation
import GitKit
@testable import HealKit
import Testing
import TestSupport

/// Eval triage on the real Python harness (`EvalHarness`), which samples unseeded: every call
/// of the case command is a fresh process drawing new answers.
///
/// How often these may fail by chance (the harness is never seeded): the confirmation holds
/// each noise-only case to Holm-corrected alpha = 1e-8, so calling one introduced has
/// probability ≤ 2e-8 per run; a real drop (0.99 → 0.02 pass rate, 40 fresh samples a side)
/// misses alpha/5 with probability < 1e-10; a wrong probe needs two mislabelled samples in a
/// row (≈ 4e-4) and the search and the hunk check each need two of those to go wrong.
@Suite("Scenario: eval score regressions")
struct ScenarioEvalTests {
    static let options = ScoreTriageOptions(threshold: 0.6, delta: 0.1, alpha: 1e-8, confirmSamples: 40,
                                            probe: ScoreProbeOptions(batch: 5, maxSamples: 40))

    /// Baseline, then four commits: a harmless one, the summary's length drop (continuous
    /// scores), the arithmetic drop hidden among harmless hunks (0/1 scores), another harmless one.
    struct Deploy {
        let project: PythonProject
        let before: String, summaryCulprit: String, arithmeticCulprit: String, after: String
    }

    static func deploy() throws -> Deploy {
        let project = try PythonProject(files: EvalHarness.files(), coverage: false)
        let before = try project.repo.head()
        try project.write("README.md", "An assistant.\n")
        try project.commit("readme")
        var model = EvalHarness.Model()
        model.summaryWords = 4
        try project.write("src/assistant.py", EvalHarness.assistant(model))
        let summaryCulprit = try project.commit("shorter summaries")
        model.greeting = "Hi"
        model.arithmetic = 0.02
        try project.write("src/assistant.py", EvalHarness.assistant(model).replacingOccurrences(
            of: "def poem(topic):", with: "def poem(topic):\n    \"\"\"A few lines about topic.\"\"\""))
        let arithmeticCulprit = try project.commit("friendlier greeting, tidier arithmetic, poem docstring")
        try project.write("docs/usage.md", "Ask it things.\n")
        let after = try project.commit("docs")
        return Deploy(project: project, before: before, summaryCulprit: summaryCulprit,
                      arithmeticCulprit: arithmeticCulprit, after: after)
    }

    static func triage(_ project: PythonProject, before: String, after: String,
                       cases: [String]) async throws -> ScoreTriageOutcome {
        let evals = HealConfig.Evals(command: EvalHarness.command, caseCommand: EvalHarness.caseCommand, samples: 5)
        let config = HealConfig(evals: evals)
        let runner = try TestRunner(repositoryPath: project.path, config: config)
        let repository = try Repository(discovering: project.path)
        let (beforeID, afterID) = (try repository.commit(before).id, try repository.commit(after).id)
        let regressions = cases.map { Regression(test: $0, kind: .scoreDrop) }
        return try await WorkArea(repositoryPath: project.path).withExport(at: after, label: "triage") { export in
            let sampler = ExportEvalSampler(checkout: ExportTriageRunner(testRunner: runner, export: export),
                                            evals: EvalRunner(repositoryPath: project.path, config: config, evals: evals))
            return try await ScoreTriage(repositoryPath: project.path, before: beforeID, after: afterID, sampler: sampler,
                                         options: options).triage(regressions)
        }
    }

    @Test("two drops in two commits: each case's culprit and causal hunk; the noise-only cases are not blamed")
    func dropsFoundNoiseLeftAlone() async throws {
        let deploy = try Self.deploy()
        let outcome = try await Self.triage(deploy.project, before: deploy.before, after: deploy.after,
                                            cases: ["arith-add", "arith-mul", "summary"] + EvalHarness.noiseCases)
        let byCase = Dictionary(uniqueKeysWithValues: outcome.triaged.map { ($0.verdict.test, $0) })
        for id in EvalHarness.noiseCases {
            #expect(byCase[id]?.verdict.verdict != .introduced, "\(byCase[id]?.verdict.reason ?? "")")
        }
        let arithmetic = try #require(outcome.groups.first { $0.cases.contains("arith-add") })
        #expect(Set(arithmetic.cases) == ["arith-add", "arith-mul"])
        #expect(arithmetic.verdict.culprit?.id.hex == deploy.arithmeticCulprit)
        #expect(arithmetic.verdict.causalDiff.map(\.path.string) == ["src/assistant.py"])
        let hunk = try #require(arithmetic.verdict.causalDiff.first?.hunks.first)
        #expect(arithmetic.verdict.causalDiff[0].hunks.count == 1)
        #expect(hunk.lines.contains { $0.origin == .added && $0.content.contains("ARITHMETIC = 0.02") })
        let summary = try #require(outcome.groups.first { $0.cases == ["summary"] })
        #expect(summary.verdict.culprit?.id.hex == deploy.summaryCulprit)
        #expect(summary.verdict.causalDiff.first?.hunks.count == 1)
        #expect(summary.verdict.causalDiff.first?.hunks.first?.lines.contains { $0.content.contains("SUMMARY_WORDS = 4") } == true)
        let evidence = try #require(byCase["arith-add"]?.scores)
        #expect(evidence.confirmation.test.method == .fisherExact)
        #expect(evidence.confirmation.baseline.n == 40 && evidence.confirmation.deploy.n == 40)
        #expect(byCase["summary"]?.scores?.confirmation.test.method == .mannWhitneyExact)
    }

    @Test("a deploy that changes the eval's label: found in evals/cases.jsonl, which scope.tests keeps from a fix")
    func relabeledEval() async throws {
        let project = try PythonProject(files: EvalHarness.files(), coverage: false)
        let before = try project.repo.head()
        try project.write("README.md", "An assistant.\n")
        try project.commit("readme")
        try project.write("evals/cases.jsonl", EvalHarness.cases(spelling: "recieve"))
        let relabel = try project.commit("spelling case: new expected answer")
        let outcome = try await Self.triage(project, before: before, after: relabel, cases: ["spell-receive"])
        let group = try #require(outcome.groups.first)
        #expect(group.verdict.culprit?.id.hex == relabel)
        let files = group.verdict.causalDiff.map(\.path.string)
        #expect(files == ["evals/cases.jsonl"])
        let reason = GraderChange.escalationReason(causalFiles: files, tests: HealConfig.Scope().testGlobs, isEval: true)
        #expect(reason?.hasPrefix("the eval changed between deploys") == true)
    }

    @Test("noise only: over 20 fresh detections and confirmations of a harmless deploy, no case is ever introduced")
    func noiseOnly() async throws {
        let project = try PythonProject(files: EvalHarness.files(), coverage: false)
        let before = try project.repo.head()
        var model = EvalHarness.Model()
        model.greeting = "Hi"
        try project.write("src/assistant.py", EvalHarness.assistant(model))
        let after = try project.commit("friendlier greeting")
        let evals = HealConfig.Evals(command: EvalHarness.command, caseCommand: EvalHarness.caseCommand, samples: 10)
        let runner = EvalRunner(repositoryPath: project.path, config: HealConfig(evals: evals), evals: evals)
        let detection = DetectionOptions(scoreThreshold: Self.options.threshold, scoreDelta: Self.options.delta,
                                         alpha: Self.options.alpha)
        var flagged = 0
        for _ in 0..<20 {
            let baseline = try #require(try await runner.runAll(at: before).evals)
            let current = try #require(try await runner.runAll(at: after).evals)
            let drops = Detector.detect(baseline: TestReport(evals: baseline), current: TestReport(evals: current),
                                        options: detection).regressions
            flagged += drops.count
            guard !drops.isEmpty else { continue }
            let outcome = try await Self.triage(project, before: before, after: after, cases: drops.map(\.test))
            #expect(outcome.triaged.allSatisfy { $0.verdict.verdict != .introduced })
            #expect(outcome.groups.isEmpty)
        }
        print("noise only: \(flagged) case flags in 20 detections, every one confirmed as noise or pre-existing")
    }
}
