/// The agent `fix.agent` (or `--agent`) names, configured from `.heal.yml`.
public enum AgentFactory {
    public static func make(_ agent: HealConfig.Fix.Agent, config: HealConfig) -> any FixAgent {
        switch agent {
        case .revert: RevertAgent()
        case .claude, .codex, .aider, .command: ProcessAgent(agent, agents: config.agents, command: config.fix.command)
        }
    }

    /// The agent for a name given on the command line.
    ///
    /// - Throws: `AgentConfigurationError` for a name heal does not know.
    public static func make(named name: String, config: HealConfig) throws(AgentConfigurationError) -> any FixAgent {
        guard let agent = HealConfig.Fix.Agent(rawValue: name) else {
            let known = HealConfig.Fix.Agent.allCases.map(\.rawValue).joined(separator: ", ")
            throw AgentConfigurationError(problem: "unknown agent `\(name)`", fix: "use one of: \(known)")
        }
        return make(agent, config: config)
    }
}
