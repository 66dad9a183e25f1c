import GitKit
import HealKit
import Testing
import TestSupport

/// The headless command lines of the external agents (no agent needs to be installed).
@Suite("Agent invocations")
struct AgentInvocationTests {
    func task() async throws -> AgentTask {
        let repo = try TempRepo(prefix: "invocation")
        let containment = try await Containment.resolve(repositoryPath: repo.path, settings: HealConfig.Sandbox(mode: .off))
        return AgentTask(test: "tests/test_x.py::test_a", testFile: "tests/test_x.py", workspace: "/wt",
                              outDirectory: "/out", repositoryPath: "/repo", deploy: ObjectID(hex: String(repeating: "a", count: 40))!,
                         causalBase: ObjectID(hex: String(repeating: "b", count: 40))!,
                         causalHead: ObjectID(hex: String(repeating: "a", count: 40))!, causalDiff: [],
                         branch: "heal/x-aaaaaaa", promptFile: "/run/prompt.md", failureFile: "/run/failure.txt",
                         causalDiffFile: "/run/causal.diff", editableFiles: ["src/x.py"], runDirectory: "/run",
                         timeout: .seconds(30), containment: containment)
    }

    func spec(_ agent: HealConfig.Fix.Agent, agents: HealConfig.Agents = HealConfig.Agents(), command: String? = nil) async throws -> ProcessSpec {
        try AgentInvocation.spec(for: agent, task: try await task(), prompt: "PROMPT", agents: agents, command: command)
    }

    @Test func claudeRunsHeadlessWithEditsAllowedAndPushAndWebDisallowed() async throws {
        let spec = try await spec(.claude, agents: HealConfig.Agents(claude: .init(path: "/opt/claude", arguments: ["--model", "x"])))
        #expect(spec.executable == "/opt/claude")
        #expect(spec.arguments.starts(with: ["-p", "--output-format", "json", "--permission-mode", "acceptEdits"]))
        let disallowed = try #require(spec.arguments.firstIndex(of: "--disallowedTools")).advanced(by: 1)
        #expect(spec.arguments[disallowed].contains("Bash(git push:*)"))
        #expect(spec.arguments[disallowed].contains("WebFetch"))
        #expect(spec.arguments.suffix(2) == ["--model", "x"])
        #expect(spec.input == .text("PROMPT"))
        #expect(spec.workingDirectory == "/wt")
        #expect(spec.timeout == .seconds(30))
    }

    @Test func codexRunsInTheWorkspaceWriteSandboxNeverAsking() async throws {
        let spec = try await spec(.codex)
        #expect(spec.arguments.starts(with: ["exec", "-s", "workspace-write", "-a", "never", "-C", "/wt"]))
        #expect(spec.arguments.contains("/out/agent.last-message"))
        #expect(spec.arguments.last == "PROMPT")
        #expect(spec.input == .null)
    }

    @Test func aiderGetsTheMessageFileTheEditableFilesAndNoAutoCommits() async throws {
        let spec = try await spec(.aider)
        #expect(spec.arguments.starts(with: ["--message-file", "/run/prompt.md", "--yes-always", "--no-auto-commits"]))
        #expect(spec.arguments.contains("--no-detect-urls"))
        #expect(spec.arguments.contains("--no-gitignore"))
        #expect(spec.arguments.contains("/out/aider.chat.history.md"))
        #expect(!spec.arguments.contains { $0.hasPrefix("/wt") && $0.contains("aider") },
                "aider's history files go to out/, never into the workspace")
        #expect(spec.arguments.suffix(2) == ["--file", "src/x.py"])
    }

    @Test func commandGetsItsInputsInTheEnvironment() async throws {
        let spec = try await spec(.command, command: "./fix.sh --fast")
        #expect(spec.arguments == ["-c", "./fix.sh --fast"])
        #expect(spec.environment["HEAL_PROMPT_FILE"] == "/run/prompt.md")
        #expect(spec.environment["HEAL_TEST_ID"] == "tests/test_x.py::test_a")
        #expect(spec.environment["HEAL_FAILURE_FILE"] == "/run/failure.txt")
        #expect(spec.environment["HEAL_CAUSAL_DIFF_FILE"] == "/run/causal.diff")
        #expect(spec.environment["HEAL_WORKSPACE"] == "/wt")
        #expect(spec.environment["HEAL_WORKTREE"] == "/wt")
        #expect(!spec.environment.values.contains { $0?.contains("/repo") == true }, "never told where the repository is")
        #expect(spec.stdoutFile == "/run/agent.stdout")
        await #expect(throws: AgentConfigurationError.self) { try await self.spec(.command, command: nil) }
    }
}
