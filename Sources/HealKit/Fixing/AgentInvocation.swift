/// How each external agent is started headless: pure, so the flags are testable without the
/// agents installed (DESIGN.md "Fix", notes/formats.md "Fix agents, headless").
///
/// Every agent runs in its workspace with the inputs in `HEAL_*` variables as well, edits
/// allowed, and git push and network tools disallowed where its CLI can say so.
public enum AgentInvocation {
    /// Tools Claude Code may not use: pushing or fetching with git, and the web tools.
    static let claudeDisallowedTools = [
        "Bash(git push:*)", "Bash(git fetch:*)", "Bash(git pull:*)", "Bash(git remote:*)",
        "Bash(curl:*)", "Bash(wget:*)", "WebFetch", "WebSearch",
    ]
    static let claudeAllowedTools = ["Read", "Edit", "MultiEdit", "Write", "Glob", "Grep", "LS", "Bash"]

    /// The process for `agent` on `task`. `prompt` is the rendered prompt (also in
    /// `task.promptFile`); `command` is `fix.command` for the `command` agent.
    public static func spec(for agent: HealConfig.Fix.Agent, task: AgentTask, prompt: String,
                            agents: HealConfig.Agents, command: String?) throws(AgentConfigurationError) -> ProcessSpec {
        let stdout = task.runDirectory + "/agent.stdout"
        let stderr = task.runDirectory + "/agent.stderr"
        let environment = self.environment(task)
        switch agent {
        case .revert:
            throw AgentConfigurationError(problem: "the revert agent runs in heal itself, not as a process",
                                          fix: "use RevertAgent")
        case .claude:
            // The prompt goes on standard input: a long causal diff can pass the kernel's
            // 128 KiB limit on a single argument.
            let arguments = ["-p", "--output-format", "json", "--permission-mode", "acceptEdits",
                             "--allowedTools", claudeAllowedTools.joined(separator: ","),
                             "--disallowedTools", claudeDisallowedTools.joined(separator: ","),
                             "--max-turns", "50"] + agents.claude.arguments
            return ProcessSpec(agents.claude.path, arguments: arguments, workingDirectory: task.workspace,
                               environment: environment, timeout: task.timeout,
                               stdoutFile: stdout, stderrFile: stderr, input: .text(prompt))
        case .codex:
            // workspace-write keeps the sandbox's network off; `-a never` never waits for a human.
            let arguments = ["exec", "-s", "workspace-write", "-a", "never", "-C", task.workspace,
                             "-o", task.outDirectory + "/agent.last-message"] + agents.codex.arguments + [prompt]
            return ProcessSpec(agents.codex.path, arguments: arguments, workingDirectory: task.workspace,
                               environment: environment, timeout: task.timeout,
                               stdoutFile: stdout, stderrFile: stderr, input: .null)
        case .aider:
            // Its own files (chat and input history, the `.aider*` line it adds to .gitignore)
            // would be part of the change: they go to out/, the .gitignore stays as it is.
            // No analytics and no model warnings: nothing but the model API needs the network.
            let arguments = ["--message-file", task.promptFile, "--yes-always", "--no-auto-commits",
                             "--no-check-update", "--no-detect-urls", "--no-show-release-notes",
                             "--no-pretty", "--no-stream", "--no-gitignore", "--analytics-disable",
                             "--no-show-model-warnings",
                             "--chat-history-file", task.outDirectory + "/aider.chat.history.md",
                             "--input-history-file", task.outDirectory + "/aider.input.history"]
                + task.editableFiles.flatMap { ["--file", $0] } + agents.aider.arguments
            return ProcessSpec(agents.aider.path, arguments: arguments, workingDirectory: task.workspace,
                               environment: environment, timeout: task.timeout,
                               stdoutFile: stdout, stderrFile: stderr, input: .null)
        case .command:
            guard let command, !command.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw AgentConfigurationError(problem: "`fix.agent: command` needs `fix.command`",
                                              fix: "set `fix.command:` in .heal.yml to the executable (and arguments) to run")
            }
            return .shell(command, workingDirectory: task.workspace, environment: environment,
                          timeout: task.timeout, stdoutFile: stdout, stderrFile: stderr)
        }
    }

    /// The `HEAL_*` inputs, and git kept from prompting for credentials.
    static func environment(_ task: AgentTask) -> [String: String?] {
        [
            "HEAL_PROMPT_FILE": task.promptFile,
            "HEAL_TEST_ID": task.test,
            "HEAL_FAILURE_FILE": task.failureFile,
            "HEAL_CAUSAL_DIFF_FILE": task.causalDiffFile,
            "HEAL_WORKSPACE": task.workspace,
            // The name agents written for earlier versions of heal read.
            "HEAL_WORKTREE": task.workspace,
            "HEAL_BRANCH": task.branch,
            "GIT_TERMINAL_PROMPT": "0",
        ]
    }
}

/// An agent that cannot be started as configured.
public struct AgentConfigurationError: UserInputError, Equatable {
    public var problem: String
    public var fix: String
    public var description: String { "\(problem); \(fix)" }
}
