import Foundation
import HealKit
import Testing
import TestSupport

/// `heal run --json` on a project with a pytest suite and an unseeded eval harness
/// (`EvalHarness`): the arithmetic cases (0/1 scores) drop in one commit among harmless hunks,
/// or the summary (continuous scores) does.
///
/// Chance failures (the harness samples unseeded): a noise-only case is confirmed introduced
/// with probability ≤ 1e-8 (Holm-corrected alpha); the real drop (pass rate 0.99 → 0.02, 40
/// fresh samples a side) misses it with probability < 1e-10; the fix's verification needs the
/// fixed samples not significantly below the baseline's (≤ 1e-8 to fail by chance) and far
/// above the deploy's (< 1e-12 to fail); a probe errs with two mislabelled samples in a row
/// (≈ 4e-4) and the search needs two such errors to settle wrong. The summary's drop (10 → 4
/// words, Gaussian spread 0.6) leaves the two sides' scores disjoint: Mann-Whitney's p at
/// confirmation is 1 / C(80, 40) ≈ 9e-24, and a baseline sample scoring like the deploy's needs a
/// 5.8-sigma draw. The noise-only cases are flagged by detection only by chance (a threshold
/// crossing in 10 samples: one of them was in 4 of 5 runs measured), so their verdict is checked
/// when they are.
@Suite("heal run with evals")
struct RunEvalsCommandTests {
    static let pytest = "PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python3 -m pytest -q -p no:cacheprovider"

    /// The suite and the evals.
    static let config = """
        suite:
          command: "\(pytest) --junitxml={results}"
          test: "\(pytest) {id} --junitxml={results}"
          format: junit

        """ + evalsOnly

    /// The evals alone: `suite:` is optional then.
    static let evalsOnly = """
        evals:
          command: "\(EvalHarness.command)"
          case: "\(EvalHarness.caseCommand)"
          samples: 10
          confirm-samples: 40
        detection:
          score-threshold: 0.6
          score-delta: 0.1
          alpha: 0.00000001

        """

    @Test("the dropping cases are introduced with their culprit and hunk, one verified fix is staged for the cause, noise is left alone")
    func evalRegressionFixed() throws {
        let project = try PythonProject(files: EvalHarness.files(), coverage: false)
        try project.write(".heal.yml", Self.config)
        let before = try project.commit("baseline with evals")
        try project.write("README.md", "An assistant.\n")
        try project.commit("readme")
        var model = EvalHarness.Model()
        model.greeting = "Hi"
        model.arithmetic = 0.02
        try project.write("src/assistant.py", EvalHarness.assistant(model).replacingOccurrences(
            of: "def poem(topic):", with: "def poem(topic):\n    \"\"\"A few lines about topic.\"\"\""))
        let culprit = try project.commit("friendlier greeting, tidier arithmetic, poem docstring")
        let fingerprint = try project.repo.userStateFingerprint()

        let clock = ContinuousClock()
        let started = clock.now
        let result = try HealBinary.run(["run", "--before", before, "--json"], in: project.path)
        print("heal run with evals took \(clock.now - started)")

        #expect(result.status == 0, "\(result.stderr)")
        let json = try jsonObject(result)
        let verdicts = try #require(json["verdicts"] as? [[String: Any]])
        let byCase = Dictionary(uniqueKeysWithValues: verdicts.compactMap { v in (v["test"] as? String).map { ($0, v) } })
        let arithmeticLine = try Self.line(of: "ARITHMETIC = 0.02", in: project, at: culprit)
        for id in ["arith-add", "arith-mul"] {
            let verdict = try #require(byCase[id], "\(result.stderr)")
            #expect(verdict["verdict"] as? String == "introduced")
            #expect(verdict["culprit"] as? String == culprit)
            #expect(Self.changedLines(verdict) == ["src/assistant.py": [arithmeticLine]],
                    "the arithmetic hunk, not the greeting's or the docstring's")
            let scores = verdict["scores"] as? [String: Any]
            #expect(scores?["confirmation"] as? String == "introduced")
            #expect(scores?["test"] as? String == "fisher-exact")
            #expect(try #require(scores?["pValue"] as? Double) < 1e-8)
        }
        for (id, verdict) in byCase where !id.hasPrefix("arith-") {
            #expect(verdict["verdict"] as? String != "introduced", "\(id): \(verdict["reason"] ?? "")")
        }
        let causes = try #require(json["causes"] as? [[String: Any]])
        let arithmetic = causes.filter { ($0["tests"] as? [String])?.contains("arith-add") == true }
        #expect(arithmetic.count == 1)
        #expect(Set(arithmetic.first?["tests"] as? [String] ?? []) == ["arith-add", "arith-mul"])
        let dispatches = try #require(json["dispatches"] as? [[String: Any]])
        #expect(dispatches.count == 1)
        let dispatch = try #require(dispatches.first)
        #expect(dispatch["outcome"] as? String == "staged", "\(dispatch["reason"] ?? "")")
        #expect(Set(dispatch["tests"] as? [String] ?? []) == ["arith-add", "arith-mul"], "one fix serves the cause")
        let branch = try #require(dispatch["branch"] as? String)
        let fixed = try project.repo.git("show", "\(branch):src/assistant.py")
        #expect(fixed.contains("ARITHMETIC = 0.99") && fixed.contains("GREETING = \"Hi\""),
                "the arithmetic hunk reverted, the harmless ones kept")
        let body = try String(contentsOfFile: try #require(dispatch["prBody"] as? String), encoding: .utf8)
        #expect(body.contains("| Case | Baseline `\(before.prefix(7))` | Deploy `\(culprit.prefix(7))` | With the fix | Drop confirmed by |"))
        for id in ["arith-add", "arith-mul"] {
            let row = body.split(separator: "\n").first { $0.hasPrefix("| `\(id)` |") }
            #expect(row?.components(separatedBy: "(n=40)").count == 4, "baseline, deploy and with the fix: mean (n=40)")
            #expect(row?.contains("fisher-exact p=") == true)
            #expect(body.contains("\(id) baseline: ") && body.contains("\(id) with fix: "), "the samples")
        }
        #expect(body.contains("not significantly below the baseline (fisher-exact p="))
        #expect(body.contains("restores the baseline's scores"))
        #expect(body.contains("+ARITHMETIC = 0.02"))
        // The noise-only cases: flagged by detection only by chance (a threshold crossing in 10
        // samples), then confirmed as noise or pre-existing — never dispatched or escalated.
        #expect((json["escalations"] as? [Any])?.isEmpty == true)
        for id in EvalHarness.noiseCases {
            guard let verdict = byCase[id] else { continue }
            #expect(["noise", "pre-existing"].contains(verdict["verdict"] as? String), "\(id): \(verdict["reason"] ?? "")")
        }
        print("noise-only cases flagged and left alone: \(EvalHarness.noiseCases.filter { byCase[$0] != nil })")
        #expect(try project.repo.userStateFingerprint() == fingerprint)
    }

    @Test("evals alone, a continuous score drop (summary length) among harmless hunks: culprit and hunk, Mann-Whitney, one verified fix")
    func continuousScoreDropFixed() throws {
        let project = try PythonProject(files: EvalHarness.files(), coverage: false)
        try project.write(".heal.yml", Self.evalsOnly)
        let before = try project.commit("baseline with evals")
        var model = EvalHarness.Model()
        model.greeting = "Hi"
        model.summaryWords = 4
        try project.write("src/assistant.py", EvalHarness.assistant(model))
        let culprit = try project.commit("friendlier greeting, shorter summaries")
        try project.write("docs/usage.md", "Ask it things.\n")
        try project.commit("docs")

        let result = try HealBinary.run(["run", "--before", before, "--json"], in: project.path)

        #expect(result.status == 0, "\(result.stderr)")
        let json = try jsonObject(result)
        let verdict = try #require((json["verdicts"] as? [[String: Any]])?.first { $0["test"] as? String == "summary" },
                                   "\(result.stderr)")
        #expect(verdict["verdict"] as? String == "introduced")
        #expect(verdict["culprit"] as? String == culprit)
        #expect(Self.changedLines(verdict) == ["src/assistant.py": [try Self.line(of: "SUMMARY_WORDS = 4", in: project, at: culprit)]])
        let scores = verdict["scores"] as? [String: Any]
        #expect((scores?["test"] as? String)?.hasPrefix("mann-whitney") == true)
        let dispatches = try #require(json["dispatches"] as? [[String: Any]])
        #expect(dispatches.count == 1)
        #expect(dispatches.first?["outcome"] as? String == "staged", "\(dispatches.first?["reason"] ?? "")")
        #expect(dispatches.first?["tests"] as? [String] == ["summary"])
        let branch = try #require(dispatches.first?["branch"] as? String)
        let fixed = try project.repo.git("show", "\(branch):src/assistant.py")
        #expect(fixed.contains("SUMMARY_WORDS = 10") && fixed.contains("GREETING = \"Hi\""))
        let body = try String(contentsOfFile: try #require(dispatches.first?["prBody"] as? String), encoding: .utf8)
        #expect(body.contains("| `summary` |") && body.contains("With the fix"))
        #expect(body.contains("not significantly below the baseline (mann-whitney"))
        #expect(body.contains("Full suite: no test suite configured"))
    }

    @Test("a deploy that relabels an eval case: introduced, culprit and hunk in the eval's file, escalated as the eval changing, never dispatched")
    func relabeledEvalEscalates() throws {
        let project = try PythonProject(files: EvalHarness.files(), coverage: false)
        try project.write(".heal.yml", Self.config)
        let before = try project.commit("baseline with evals")
        try project.write("evals/cases.jsonl", EvalHarness.cases(spelling: "recieve"))
        let relabel = try project.commit("spelling case: new expected answer")

        let result = try HealBinary.run(["run", "--before", before, "--json"], in: project.path)

        #expect(result.status == 0, "\(result.stderr)")
        let json = try jsonObject(result)
        let verdict = try #require((json["verdicts"] as? [[String: Any]])?.first { $0["test"] as? String == "spell-receive" })
        #expect(verdict["verdict"] as? String == "introduced")
        #expect(verdict["culprit"] as? String == relabel)
        let files = (verdict["causalDiff"] as? [String: Any])?["files"] as? [[String: Any]]
        #expect(files?.map { $0["path"] as? String } == ["evals/cases.jsonl"])
        #expect((json["dispatches"] as? [Any])?.isEmpty == true)
        let escalation = try #require((json["escalations"] as? [[String: Any]])?.first { $0["test"] as? String == "spell-receive" })
        #expect((escalation["reason"] as? String)?.hasPrefix("the eval changed between deploys") == true)
        #expect(try project.repo.git("for-each-ref", "refs/heads/heal/").isEmpty)
        let ticket = try String(contentsOfFile: try #require(escalation["ticket"] as? String), encoding: .utf8)
        #expect(ticket.contains("## Eval scores"))
        #expect(ticket.contains("| `spell-receive` |") && ticket.contains("fisher-exact p="))
        #expect(ticket.contains("+{\"id\": \"spell-receive\"") && ticket.contains("\"expected\": \"recieve\"}"))
    }

    @Test("a deploy that changes a unit test's own expectation: escalated as such, never dispatched")
    func changedTestExpectationEscalates() throws {
        let project = try PythonProject(files: EvalHarness.files(), coverage: false)
        try project.write(".heal.yml", Self.config)
        let before = try project.commit("baseline with evals")
        try project.replace(in: "tests/test_assistant.py", "endswith(\", Ada!\")", with: "endswith(\", Grace!\")")
        try project.commit("greeting test: new expectation")

        let result = try HealBinary.run(["run", "--before", before, "--json"], in: project.path)

        #expect(result.status == 0, "\(result.stderr)")
        let json = try jsonObject(result)
        let test = "tests/test_assistant.py::test_greet"
        let verdict = try #require((json["verdicts"] as? [[String: Any]])?.first { $0["test"] as? String == test }, "\(result.stderr)")
        #expect(verdict["verdict"] as? String == "introduced")
        #expect((json["dispatches"] as? [Any])?.isEmpty == true)
        let escalation = try #require((json["escalations"] as? [[String: Any]])?.first { $0["test"] as? String == test })
        #expect((escalation["reason"] as? String)?.hasPrefix("the test's own expectation changed in the deploy") == true)
    }

    /// The new-side lines each causal hunk of a verdict's JSON replaces, by file.
    static func changedLines(_ verdict: [String: Any]) -> [String: [Int]] {
        let files = (verdict["causalDiff"] as? [String: Any])?["files"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: files.map { file in
            (file["path"] as? String ?? "", (file["hunks"] as? [[String: Any]] ?? []).map { $0["newStart"] as? Int ?? 0 })
        })
    }

    /// The 1-based line of `text` in `src/assistant.py` at `commit`.
    static func line(of text: String, in project: PythonProject, at commit: String) throws -> Int {
        let lines = try project.repo.git("show", "\(commit):src/assistant.py").components(separatedBy: "\n")
        return try #require(lines.firstIndex(of: text)) + 1
    }
}
