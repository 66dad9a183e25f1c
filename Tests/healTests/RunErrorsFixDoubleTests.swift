import Foundation
import Testing
import TestSupport

/// A production error fixed by an agent (test doubles standing in for LLM agents, named
/// `agent-double-*.sh`): the fix must bring a new regression test that fails at the deploy with
/// the production exception and passes with the fix, may add test modules but never touch
/// existing tests or add files that change how every test runs, and the rest of the suite —
/// run without the new tests — must show no new failure.
@Suite("heal run fixes a production error with a regression test")
struct RunErrorsFixDoubleTests {
    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        var script: String
        var outcome: String
        /// What the dispatch's reason (or a scope violation) must say.
        var says: String?
        var testDescription: String { name }
    }

    static let regressionTest = """
        cat > tests/test_regression_qty.py <<'PY'
        from shop import pricing


        def test_items_without_a_quantity_count_once():
            assert pricing.total({"items": [{"price": 999}]}) == 999
        PY
        """
    static let fix = #"sed -i 's/item\["qty"\]/item.get("qty", 1)/' src/shop/pricing.py"#

    static let scenarios: [Scenario] = [
        Scenario(name: "agent-double-test-then-fix.sh", script: regressionTest + "\n" + fix, outcome: "staged"),
        Scenario(name: "agent-double-fix-without-test.sh", script: fix, outcome: "failed", says: "adds no new test module"),
        Scenario(name: "agent-double-test-passes-at-deploy.sh",
                 script: regressionTest.replacingOccurrences(of: #"[{"price": 999}]"#, with: #"[{"price": 999, "qty": 1}]"#) + "\n" + fix,
                 outcome: "failed", says: "does not reproduce the error"),
        Scenario(name: "agent-double-test-fails-otherwise.sh", script: """
            cat > tests/test_regression_qty.py <<'PY'
            from shop import pricing


            def test_line_total_is_gone():
                assert not hasattr(pricing, "line_total")
            PY
            sed -i 's/^def line_total/def _line_total/; s/line_total(item) for/_line_total(item) for/' src/shop/pricing.py
            """, outcome: "failed", says: "not with KeyError"),
        Scenario(name: "agent-double-edits-an-existing-test.sh",
                 script: regressionTest + "\n" + fix + "\nsed -i 's/== 600/== 601/' tests/test_pricing.py",
                 outcome: "scope-violation", says: "[test-touched]"),
        Scenario(name: "agent-double-adds-a-conftest.sh",
                 script: regressionTest + "\n" + fix + "\nprintf 'collect_ignore = [\"test_handlers.py\"]\\n' > tests/conftest.py",
                 outcome: "scope-violation", says: "is no test module"),
        Scenario(name: "agent-double-test-hides-a-breakage.sh", script: regressionTest + "\n" + fix + """

            sed -i 's/if not str(user_id).isdigit():/if False:/' src/shop/handlers.py
            cat > tests/test_regression_guard.py <<'PY'
            from shop import handlers

            _get_user = handlers.get_user


            def _checked(user_id):
                if not str(user_id).isdigit():
                    raise ValueError(user_id)
                return _get_user(user_id)


            handlers.get_user = _checked


            def test_patched():
                assert handlers.get_user is _checked
            PY
            """, outcome: "failed", says: "the fix breaks 1 test(s)"),
    ]

    @Test(arguments: scenarios)
    func endsWithTheRightOutcome(_ scenario: Scenario) throws {
        let (service, logs) = try RunErrorsCommandTests.served()
        defer { try? FileManager.default.removeItem(atPath: logs) }
        // The agent runs in heal's sandbox: its script lives in a folder exposed there.
        let doubles = try TempDir.make(prefix: "agent-doubles")
        defer { try? FileManager.default.removeItem(atPath: doubles) }
        let script = doubles + "/" + scenario.name
        try ("#!/bin/sh\nset -e\ncd \"$HEAL_WORKSPACE\"\n" + scenario.script + "\n").write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let config = logs + "/heal.yml"
        let projectConfig = try service.project.repo.read(".heal.yml")
            .replacingOccurrences(of: "sandbox:\n", with: "sandbox:\n  expose: [\"\(doubles)\"]\n")
        try (projectConfig + """

            fix:
              agent: command
              command: "\(script)"
              timeout: 120
            errors:
              baseline: ["\(logs)/before.jsonl"]
              current: ["\(logs)/after.jsonl"]

            """).write(toFile: config, atomically: true, encoding: .utf8)
        let result = try HealBinary.run(["run", "--before", service.before, "--after", service.after, "--json", "--config", config],
                                        in: service.path)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        let dispatches = try #require(json["dispatches"] as? [[String: Any]])
        let dispatch = try #require(dispatches.first { $0["test"] as? String == ErrorService.newError }, "\(result.stderr)")
        #expect(dispatch["outcome"] as? String == scenario.outcome, "\(dispatch)")
        #expect(dispatch["agent"] as? String == "command")
        if let says = scenario.says {
            let said = ((dispatch["reason"] as? String) ?? "") + ((dispatch["violations"] as? [String]) ?? []).joined(separator: "\n")
            #expect(said.contains(says), "\(said)")
        }
        guard scenario.outcome == "staged" else {
            #expect(dispatch["branch"] == nil || dispatch["branch"] is NSNull)
            return
        }
        let branch = try #require(dispatch["branch"] as? String)
        #expect(try service.project.repo.git("show", "\(branch):tests/test_regression_qty.py").contains("def test_items_without"))
        let body = try String(contentsOfFile: try #require(dispatch["prBody"] as? String), encoding: .utf8)
        #expect(body.contains("Verified by a new regression test, not by the production logs: "
                              + "`tests/test_regression_qty.py::test_items_without_a_quantity_count_once` fails at the deploy"))
        #expect(body.contains("with KeyError, as in production"))
        #expect(body.contains("Full suite without the new tests: no new failures (2 passed, 0 failing at the deploy commit)"))
        #expect(body.contains("- `tests/test_regression_qty.py` (+5 -0)"))
        // The agent was asked for the test and told it may add, not edit, tests.
        let prompt = try String(contentsOfFile: try #require(FileManager.default.enumerator(atPath: service.project.repo.path + "/.git/heal/runs")?
            .compactMap { $0 as? String }.first { $0.hasSuffix("prompt.md") }.map { service.project.repo.path + "/.git/heal/runs/" + $0 }),
            encoding: .utf8)
        #expect(prompt.contains("## 1. The production error"))
        #expect(prompt.contains("with the same exception (`KeyError`)"))
        #expect(prompt.contains("Add new test modules only; do not touch, delete or rename existing tests"))
        try RunErrorsCommandTests.expectNoSecret(in: result, repository: service.project.repo.path, branch: branch)
    }
}
