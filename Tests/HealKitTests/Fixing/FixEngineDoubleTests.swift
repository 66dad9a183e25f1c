import Foundation
import GitKit
import HealKit
import Testing
import TestSupport

/// Test-double agents (shell scripts standing in for LLM agents, named `agent-double-*.sh`)
/// that try every way out of scope; each must end with the right outcome, nothing left
/// behind, and the user's state untouched.
@Suite("FixEngine with agent doubles")
struct FixEngineDoubleTests {
    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        var script: String
        var outcome: FixDispatch.Outcome
        /// The scope rule the guard must name, for a scope violation.
        var rule: ScopeViolation.Rule?
        /// The agent's timeout: generous, since on a loaded 2-core machine a shell double can take
        /// seconds to start and a timeout would turn the outcome under test into "failed"; short
        /// only where running into it is the point.
        var timeout: Duration = .seconds(120)
        var testDescription: String { name }
    }

    static let fix = "sed -i 's/return a - b/return a + b/' calc/ops.py"

    static let scenarios: [Scenario] = [
        Scenario(name: "agent-double-correct-fix.sh", script: fix, outcome: .staged),
        Scenario(name: "agent-double-commits-its-fix.sh",
                 script: fix + "\ngit -c user.name=Agent -c user.email=agent@invalid commit -qam 'agent fix'", outcome: .staged),
        Scenario(name: "agent-double-does-nothing.sh", script: "true", outcome: .failed),
        Scenario(name: "agent-double-crashes.sh", script: fix + "\necho 'agent blew up' >&2\nexit 3", outcome: .failed),
        Scenario(name: "agent-double-hangs.sh", script: fix + "\nsleep 600 &\nsleep 600", outcome: .failed, timeout: .seconds(3)),
        Scenario(name: "agent-double-wrong-fix.sh", script: "sed -i 's/return a - b/return a * b/' calc/ops.py", outcome: .failed),
        Scenario(name: "agent-double-edits-the-test.sh",
                 script: "sed -i 's/== 5/== -1/' tests/test_ops.py", outcome: .scopeViolation, rule: .testTouched),
        Scenario(name: "agent-double-adds-a-skip.sh",
                 script: "sed -i 's/^def test_add/@pytest.mark.skip\\ndef test_add/' tests/test_ops.py\nsed -i '1i import pytest' tests/test_ops.py",
                 outcome: .scopeViolation, rule: .skipMarker),
        Scenario(name: "agent-double-adds-a-skip-in-code.sh",
                 script: fix + "\nprintf 'import pytest\\npytestmark = pytest.mark.skip\\n' >> calc/__init__.py",
                 outcome: .scopeViolation, rule: .skipMarker),
        Scenario(name: "agent-double-deletes-the-test.sh", script: "rm tests/test_ops.py", outcome: .scopeViolation, rule: .testTouched),
        Scenario(name: "agent-double-writes-outside-coverage.sh",
                 script: fix + "\nprintf 'X = 1\\n' > calc/other.py", outcome: .scopeViolation, rule: .outsideCoverage),
        Scenario(name: "agent-double-symlink.sh",
                 script: fix + "\nln -s ../../.. calc/up", outcome: .scopeViolation, rule: .symlink),
        Scenario(name: "agent-double-writes-through-symlink.sh",
                 script: fix + "\nd=$(mktemp -d)\nln -s \"$d\" calc/out\nprintf 'x\\n' > calc/out/evil.py",
                 outcome: .scopeViolation, rule: .symlink),
        Scenario(name: "agent-double-touches-ci.sh",
                 script: fix + "\nprintf 'on: push\\njobs: {skip: true}\\n' > .github/workflows/ci.yml",
                 outcome: .scopeViolation, rule: .offLimits),
        Scenario(name: "agent-double-touches-heal-config.sh",
                 script: fix + "\nprintf 'fix:\\n  max-attempts: 100\\n' > .heal.yml", outcome: .scopeViolation, rule: .offLimits),
        Scenario(name: "agent-double-5000-lines.sh",
                 script: fix + "\ni=0; while [ $i -lt 5000 ]; do echo \"X$i = $i\"; i=$((i+1)); done >> calc/ops.py",
                 outcome: .scopeViolation, rule: .tooManyLines),
    ]

    @Test(arguments: scenarios)
    func endsWithTheRightOutcomeAndLeavesNothingBehind(_ scenario: Scenario) async throws {
        let fixture = try FixEngineFixture()
        let before = try fixture.repo.userStateFingerprint()
        let script = try fixture.double(scenario.name, scenario.script)
        let config = fixture.config(agent: .command, command: script, timeout: scenario.timeout)
        let dispatch = try await fixture.dispatch(config, agent: AgentFactory.make(.command, config: config))

        #expect(dispatch.outcome == scenario.outcome, "\(dispatch.reason ?? "")")
        #expect(dispatch.agent == "command")
        #expect(dispatch.attempt == 1)
        if let rule = scenario.rule {
            #expect(dispatch.violations.contains { $0.contains("[\(rule.rawValue)]") }, "\(dispatch.violations)")
        }
        let staged = scenario.outcome == .staged
        #expect((dispatch.branch != nil) == staged)
        #expect((dispatch.prBody != nil) == staged)
        #expect(try fixture.leftovers(fixBranch: staged ? fixture.fixBranch : nil) == [])
        #expect(try fixture.repo.userStateFingerprint() == before)
        if staged {
            let content = try fixture.repo.git("show", "\(fixture.fixBranch):calc/ops.py")
            #expect(content.contains("return a + b"))
            let parents = try fixture.repo.git("log", "--format=%P", "-1", fixture.fixBranch)
            #expect(parents.trimmingCharacters(in: .whitespacesAndNewlines) == fixture.deploy.hex)
        }
    }

    @Test(arguments: [HealConfig.Sandbox.Mode.auto, .off])
    func aHungAgentIsKilledWithEverythingItStarted(sandbox: HealConfig.Sandbox.Mode) async throws {
        let fixture = try FixEngineFixture()
        let seconds = LiveProcesses.uniqueSleepSeconds()
        let script = try fixture.double("agent-double-hangs-with-child.sh", "sleep \(seconds) &\nwait")
        let config = fixture.config(agent: .command, command: script, timeout: .seconds(2), sandbox: sandbox)
        let dispatch = try await fixture.dispatch(config, agent: AgentFactory.make(.command, config: config))
        #expect(dispatch.outcome == .failed)
        #expect(dispatch.reason?.contains("timeout") == true, "\(dispatch.reason ?? "")")
        #expect(LiveProcesses.matching("sleep \(seconds)").isEmpty, "the agent's child outlived the timeout")
    }

    @Test func theAgentGetsItsInputsAsFilesAndEnvironment() async throws {
        let fixture = try FixEngineFixture()
        let script = try fixture.double("agent-double-records-inputs.sh", """
            {
              echo "test=$HEAL_TEST_ID"
              echo "workspace=$HEAL_WORKSPACE"
              echo "pwd=$(pwd -P)"
              grep -c 'tests/test_ops.py::test_add' "$HEAL_PROMPT_FILE"
              grep -c 'return a - b' "$HEAL_CAUSAL_DIFF_FILE"
              grep -c 'assert' "$HEAL_FAILURE_FILE"
            }
            """)
        let config = fixture.config(agent: .command, command: script)
        let dispatch = try await fixture.dispatch(config, agent: AgentFactory.make(.command, config: config))
        let runDirectory = try #require(dispatch.runDirectory)
        let lines = try String(contentsOfFile: runDirectory + "/agent.stdout", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines[0] == "test=\(FixEngineFixture.test)")
        #expect(lines[1].hasPrefix("workspace=\(fixture.repo.path)/.git/heal/work/fix-"))
        #expect(lines[2] == "pwd=" + lines[1].dropFirst("workspace=".count))
        #expect(lines[3...].allSatisfy { Int($0)! >= 1 }, "\(lines)")
    }
}

extension FixEngineDoubleTests {
    @Test func aFixMadeWithoutASandboxSaysSoAtTheTopOfItsPRBody() async throws {
        let fixture = try FixEngineFixture()
        let script = try fixture.double("agent-double-correct-fix.sh", Self.fix)
        for mode in [HealConfig.Sandbox.Mode.off, .auto] {
            let config = fixture.config(agent: .command, command: script, sandbox: mode)
            let dispatch = try await fixture.dispatch(config, agent: AgentFactory.make(.command, config: config))
            let body = try String(contentsOfFile: try #require(dispatch.prBody, "\(dispatch.reason ?? "")"), encoding: .utf8)
            #expect(body.contains("**No sandbox.**") == (mode == .off), "\(mode)")
            #expect(body.contains("`sandbox: off` in .heal.yml") == (mode == .off))
        }
    }
}
