import Foundation

/// An external agent run as a process (`claude`, `codex`, `aider`, `command`): started
/// headless in its workspace inside the sandbox (it may write only the workspace and its
/// `out/` directory, and read its inputs), killed with everything it started at the timeout,
/// its output kept in the run directory.
public struct ProcessAgent: FixAgent {
    public let agent: HealConfig.Fix.Agent
    public let agents: HealConfig.Agents
    public let command: String?

    public var name: String { agent.rawValue }

    public init(_ agent: HealConfig.Fix.Agent, agents: HealConfig.Agents, command: String?) {
        self.agent = agent
        self.agents = agents
        self.command = command
    }

    public func run(_ task: AgentTask) async throws -> AgentRun {
        let prompt = try String(contentsOfFile: task.promptFile, encoding: .utf8)
        let spec = try AgentInvocation.spec(for: agent, task: task, prompt: prompt, agents: agents, command: command)
        let logs = [spec.stdoutFile, spec.stderrFile].compactMap { $0 }
        let inputs = Set([task.promptFile, task.failureFile, task.causalDiffFile].map { ($0 as NSString).deletingLastPathComponent })
        let outcome = try await task.containment.run(spec, as: .agent, writable: [task.workspace, task.outDirectory],
                                                     readOnly: inputs.sorted())
        // The agent may print what it was given (a `sandbox.env` token, a key it found).
        for log in logs { SecretRedactor.redactLog(at: log) }
        if outcome.timedOut {
            return AgentRun(ending: .timedOut(task.timeout), logFiles: logs)
        }
        let report = AgentReport.read(agent: agent, task: task, stdoutFile: spec.stdoutFile)
        if let error = report.error {
            return AgentRun(ending: .failed("\(name) reported an error: \(error)"), summary: report.summary, logFiles: logs)
        }
        guard outcome.termination == .exited(0) else {
            let tail = AgentReport.tail(of: spec.stderrFile)
            return AgentRun(ending: .failed("\(name) ended with \(outcome.termination)" + (tail.isEmpty ? "" : ": \(tail)")),
                            summary: report.summary, logFiles: logs)
        }
        return AgentRun(ending: .finished, summary: report.summary, logFiles: logs)
    }
}

/// What an agent said about its own run, where its CLI writes something heal can read.
struct AgentReport {
    var summary: String?
    var error: String?

    static func read(agent: HealConfig.Fix.Agent, task: AgentTask, stdoutFile: String?) -> AgentReport {
        switch agent {
        case .claude:
            // `--output-format json`: {"is_error", "result", …}
            guard let path = stdoutFile, let data = FileManager.default.contents(atPath: path),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return AgentReport() }
            let result = object["result"] as? String
            return (object["is_error"] as? Bool) == true ? AgentReport(summary: nil, error: result ?? "is_error") : AgentReport(summary: result)
        case .codex:
            let message = try? String(contentsOfFile: task.outDirectory + "/agent.last-message", encoding: .utf8)
            return AgentReport(summary: message?.trimmingCharacters(in: .whitespacesAndNewlines))
        case .aider, .command, .revert:
            return AgentReport()
        }
    }

    /// The last line of a log, for a one-line failure reason.
    static func tail(of path: String?) -> String {
        guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "" }
        let last = text.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        return String(last.prefix(300))
    }
}
