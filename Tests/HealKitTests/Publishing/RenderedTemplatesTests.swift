import Foundation
import HealKit
import Testing
import TestSupport

/// The default agent prompt and PR body, rendered from realistic inputs.
@Suite struct RenderedTemplatesTests {
    static let causalDiff = """
        diff --git a/src/calc.py b/src/calc.py
        --- a/src/calc.py
        +++ b/src/calc.py
        @@ -1,2 +1,2 @@
         def total(items):
        -    return sum(i.price for i in items if i.price >= 0)
        +    return sum(i.price for i in items if i.price > 0 and "<b>" != '&amp;')
        +# ```python fences inside a diff
        """

    static let failure = """
        >       assert total([Item(0)]) == 0
        E       AssertionError: assert None == 0
        ``` not a fence
        """

    static let promptInput = AgentPromptInput(
        test: .init(id: "tests/test_calc.py::test_total[zero]", file: "tests/test_calc.py",
                    command: "pytest -q tests/test_calc.py::test_total[zero]"),
        failureOutput: failure, causalDiff: causalDiff, branch: "heal/test-total-zero-1a2b3c4",
        instruction: "Use the project's style.",
        scope: .init(editableFiles: ["src/calc.py", "src/items.py"], allowGlobs: ["docs/**"],
                     testGlobs: ["tests/**"], offLimits: [".github/**", ".heal.yml"],
                     maxChangedLines: 200, maxChangedFiles: 10))

    static let prInput = PRBodyInput(
        title: "heal: fix tests/test_calc.py::test_total[zero] broken by 1a2b3c4",
        test: .init(id: "tests/test_calc.py::test_total[zero]", file: "tests/test_calc.py"),
        eval: .init(baselineRevision: "0f0f0f0", deployRevision: "1a2b3c4", baselineOutcome: "passed",
                    deployOutcome: "failed", reruns: 3),
        failureOutput: failure,
        culprit: .init(id: "1a2b3c4d5e6f", author: "Ada <ada@example.com>", subject: "Skip items with a zero price"),
        causalDiff: causalDiff,
        change: .init(agent: "revert", summary: "Restored `>=` so zero prices count.",
                      files: [.init(path: "src/calc.py", added: 1, removed: 2, reason: "in the causal diff")],
                      diff: "--- a/src/calc.py\n+++ b/src/calc.py\n@@ -2 +2 @@\n-    x > 0\n+    x >= 0\n",
                      maxChangedLines: 200, maxChangedFiles: 10),
        verification: .init(testPasses: 3, testReruns: 3, suiteSummary: "no new failures (41 passed)"),
        attempt: .init(number: 2, maximum: 3),
        reproduce: .init(branch: "heal/test-total-zero-1a2b3c4", deployRevision: "1a2b3c4",
                         testCommand: "pytest -q 'tests/test_calc.py::test_total[zero]'"))

    /// The text between an opening fence line `fence + info` and the next line that is exactly `fence`.
    func fencedBlock(in text: String, opening: String) throws -> String {
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: opening), "no line \(opening)")
        let fence = String(opening.prefix { $0 == "`" })
        let end = try #require(lines[(start + 1)...].firstIndex { $0.hasPrefix("```") && $0.allSatisfy { $0 == "`" } })
        #expect(lines[end] == fence, "the first closing fence after \(opening) must be the matching one")
        return lines[(start + 1)..<end].joined(separator: "\n")
    }

    @Test func thePromptCarriesTheThreeInputsAndTheScopeRules() throws {
        let prompt = try TemplateLibrary(repositoryPath: nil).renderAgentPrompt(Self.promptInput)
        #expect(prompt.contains("`tests/test_calc.py::test_total[zero]`"))
        #expect(prompt.contains("`tests/test_calc.py`"))
        #expect(prompt.contains("pytest -q tests/test_calc.py::test_total[zero]"))
        #expect(try fencedBlock(in: prompt, opening: "````text") == Self.failure)
        #expect(try fencedBlock(in: prompt, opening: "````diff") == Self.causalDiff)
        #expect(prompt.contains("Use the project's style."))
        #expect(prompt.contains("heal/test-total-zero-1a2b3c4"))
        #expect(prompt.contains("  - `src/calc.py`\n  - `src/items.py`\n"))
        #expect(prompt.contains("`docs/**`"))
        #expect(prompt.contains("`tests/**`"))
        #expect(prompt.contains("`.github/**`, `.heal.yml`"))
        #expect(prompt.contains("At most 200 changed lines in at most 10 files."))
        #expect(prompt.contains("pytest.mark.skip"))
        #expect(!prompt.contains("&lt;") && !prompt.contains("&#39;") && !prompt.contains("&quot;"))
        #expect(!prompt.contains("{{") && !prompt.contains("\n\n\n"))
    }

    @Test func thePromptLeavesOutWhatIsNotKnown() throws {
        var input = Self.promptInput
        input.test = .init(id: "TestSum")
        input.instruction = nil
        input.scope.allowGlobs = []
        let prompt = try TemplateLibrary(repositoryPath: nil).renderAgentPrompt(input)
        #expect(!prompt.contains("Test file:"))
        #expect(!prompt.contains("Run it alone"))
        #expect(!prompt.contains("You may also change"))
        #expect(!prompt.contains("\n\n\n"))
    }

    @Test func thePRBodyHasEverythingAReviewerNeeds() throws {
        let body = try TemplateLibrary(repositoryPath: nil).renderPRBody(Self.prInput)
        #expect(body.hasPrefix("# heal: fix `tests/test_calc.py::test_total[zero]` broken by 1a2b3c4\n"))
        #expect(body.contains("Baseline `0f0f0f0`: passed"))
        #expect(body.contains("Deploy `1a2b3c4`: failed"))
        #expect(body.contains("on each of 3 fresh reruns"))
        #expect(body.contains("`1a2b3c4d5e6f` by Ada <ada@example.com>: Skip items with a zero price"))
        #expect(try fencedBlock(in: body, opening: "````diff") == Self.causalDiff)
        #expect(try fencedBlock(in: body, opening: "````text") == Self.failure)
        #expect(try fencedBlock(in: body, opening: "```diff").contains("+    x >= 0"))
        #expect(body.contains("Agent: `revert`."))
        #expect(body.contains("Restored `>=` so zero prices count."))
        #expect(body.contains("- `src/calc.py` (+1 -2): in the causal diff"))
        #expect(body.contains("3 changed lines in 1 files (limits: 200 lines, 10 files)"))
        #expect(body.contains("`tests/test_calc.py::test_total[zero]` (in `tests/test_calc.py`):\n"))
        #expect(body.contains("passed on 3 of 3 reruns"))
        #expect(body.contains("no new failures (41 passed)"))
        #expect(body.contains("Attempt 2 of 3."))
        #expect(body.contains("git checkout --detach 1a2b3c4\npytest -q 'tests/test_calc.py::test_total[zero]'    # fails"))
        #expect(body.contains("heal never merges"))
        #expect(!body.contains("&lt;") && !body.contains("&gt;") && !body.contains("&#39;") && !body.contains("&amp;amp;"))
        #expect(!body.contains("{{") && !body.contains("\n\n\n"))
    }

    /// An error's id comes from a log: in the heading, as everywhere, it is code, never a
    /// mention, a link or HTML.
    @Test func anIdFromALogIsCodeInTheHeading() throws {
        var input = Self.prInput
        input.test.id = "error: ping @octocat <img src=x> [here](https://evil.example)"
        input.title = "heal: fix \(input.test.id) (regressed in 1a2b3c4)"
        let body = try TemplateLibrary(repositoryPath: nil).renderPRBody(input)
        #expect(body.hasPrefix("# heal: fix `\(input.test.id)` (regressed in 1a2b3c4)\n"))
    }

    @Test func aRepositoryCanOverrideThePRBody() throws {
        let repo = try TempRepo()
        try repo.write(".heal/templates/pr-body.mustache", "{{title}} / attempt {{attempt.number}}\n")
        try repo.commitAll("override")
        let body = try TemplateLibrary(repositoryPath: repo.path).renderPRBody(Self.prInput)
        #expect(body == "heal: fix `tests/test_calc.py::test_total[zero]` broken by 1a2b3c4 / attempt 2\n")
    }

    @Test func thePromptScopeIsWhatTheGuardEnforces() {
        let rules = ScopeRules(coverageArea: ["src/calc.py", "tests/conftest.py", "pkg/test_calc.py", ".heal.yml"],
                               allow: [Glob("docs/**")], protectedFiles: ["pkg/test_calc.py"])
        let scope = AgentPromptInput.Scope(rules)
        #expect(scope.editableFiles == ["src/calc.py"])
        #expect(scope.allowGlobs == ["docs/**"])
        #expect(scope.testGlobs == ["tests/**", "pkg/test_calc.py"])
        #expect(scope.offLimits.contains(".github/**"))
        #expect(scope.maxChangedLines == 200 && scope.maxChangedFiles == 10)
    }
}
