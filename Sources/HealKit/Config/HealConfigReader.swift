/// Turns the YAML document of `.heal.yml` into a `HealConfig`, key by key, starting from the
/// defaults so an absent key keeps its default.
enum HealConfigReader {
    static func read(_ document: ConfigNode) throws -> HealConfig {
        let top = try document.entries(known: ["suite", "evals", "coverage", "triage", "detection", "fix", "scope",
                                               "agents", "errors", "sandbox", "deploy-tags", "store", "publish", "base-branch"])
        var config = HealConfig()
        if let node = top["suite"] { config.suite = try suite(node) }
        if let node = top["evals"] {
            config.evals = try HealConfig.Evals.read(node)
            config.runsSuite = top["suite"] != nil
        }
        if let node = top["coverage"] { config.coverage = try coverage(node) }
        if let node = top["triage"] { config.triage = try triage(node) }
        if let node = top["detection"] { config.detection = try detection(node) }
        if let node = top["fix"] { config.fix = try fix(node) }
        if let node = top["scope"] { config.scope = try scope(node) }
        if let node = top["agents"] { config.agents = try agents(node) }
        if let node = top["errors"] { config.errors = try HealConfig.Errors.read(node) }
        if let node = top["sandbox"] { config.sandbox = try HealConfig.Sandbox.read(node) }
        if let node = top["deploy-tags"] { config.deployTags = try nonEmpty(node) }
        if let node = top["store"] { config.store = try store(node) }
        if let node = top["publish"] { config.publish = try node.choice(HealConfig.Publish.self) }
        if let node = top["base-branch"] { config.baseBranch = try nonEmpty(node) }
        return config
    }

    private static func suite(_ node: ConfigNode) throws -> HealConfig.Suite {
        let keys = try node.entries(known: ["command", "format", "test", "build", "timeout", "test-timeout"])
        var suite = HealConfig.Suite()
        if let value = keys["command"] { suite.command = try command(value, placeholder: "results") }
        if let value = keys["format"] { suite.format = try value.choice(ReportFormat.self) }
        if let value = keys["test"] { suite.test = try command(value, placeholder: "results") }
        if let value = keys["build"] { suite.build = try nonEmpty(value) }
        if let value = keys["timeout"] { suite.timeout = try value.seconds() }
        if let value = keys["test-timeout"] { suite.testTimeout = try value.seconds() }
        return suite
    }

    private static func coverage(_ node: ConfigNode) throws -> HealConfig.Coverage {
        let keys = try node.entries(known: ["command", "format", "per-test", "test"])
        var coverage = HealConfig.Coverage()
        if let value = keys["command"] { coverage.command = try command(value, placeholder: "coverage") }
        if let value = keys["format"] { coverage.format = try value.choice(CoverageFormat.self) }
        if let value = keys["per-test"] { coverage.perTest = try value.bool() }
        if let value = keys["test"] { coverage.test = try command(value, placeholder: "coverage") }
        return coverage
    }

    private static func triage(_ node: ConfigNode) throws -> HealConfig.Triage {
        let keys = try node.entries(known: ["reruns", "flake-rate", "culprit-confidence", "culprit-max-runs",
                                            "minimize-max-runs"])
        var triage = HealConfig.Triage()
        if let value = keys["reruns"] { triage.reruns = try value.int(atLeast: 1) }
        if let value = keys["flake-rate"] { triage.flakeRate = try value.double(in: 0...0.95) }
        if let value = keys["culprit-confidence"] { triage.culpritConfidence = try value.double(in: 0.5...1) }
        if let value = keys["culprit-max-runs"] { triage.culpritMaxRuns = try value.int(atLeast: 1) }
        if let value = keys["minimize-max-runs"] { triage.minimizeMaxRuns = try value.int(atLeast: 1) }
        return triage
    }

    private static func detection(_ node: ConfigNode) throws -> HealConfig.Detection {
        let keys = try node.entries(known: ["missing-is-regression", "score-threshold", "score-delta", "alpha",
                                            "infra-fraction"])
        var detection = HealConfig.Detection()
        if let value = keys["missing-is-regression"] { detection.missingIsRegression = try value.bool() }
        if let value = keys["score-threshold"] { detection.scoreThreshold = try value.double(in: -1e12...1e12) }
        if let value = keys["score-delta"] { detection.scoreDelta = try value.double(in: 0...1e12) }
        if let value = keys["alpha"] { detection.alpha = try value.double(in: 0...1) }
        if let value = keys["infra-fraction"] { detection.infraFraction = try value.double(in: 0...1) }
        return detection
    }

    private static func fix(_ node: ConfigNode) throws -> HealConfig.Fix {
        let keys = try node.entries(known: ["agent", "command", "timeout", "max-attempts", "max-per-run",
                                            "max-per-day", "verify-reruns", "author"])
        var fix = HealConfig.Fix()
        if let value = keys["agent"] { fix.agent = try value.choice(HealConfig.Fix.Agent.self) }
        if let value = keys["command"] { fix.command = try nonEmpty(value) }
        if let value = keys["timeout"] { fix.timeout = try value.seconds() }
        if let value = keys["max-attempts"] { fix.maxAttempts = try value.int(atLeast: 1) }
        if let value = keys["max-per-run"] { fix.maxPerRun = try value.int(atLeast: 0) }
        if let value = keys["max-per-day"] { fix.maxPerDay = try value.int(atLeast: 0) }
        if let value = keys["verify-reruns"] { fix.verifyReruns = try value.int(atLeast: 1) }
        if let value = keys["author"] {
            guard let author = HealConfig.CommitAuthor(try value.string()) else {
                throw value.error("expected `Name <email>` (who heal's fix commits are by), e.g. `heal[bot] <heal@example.com>`")
            }
            fix.author = author
        }
        if fix.agent == .command, fix.command == nil {
            throw (keys["agent"] ?? node).error("`agent: command` needs `fix.command`: the executable to run as the agent")
        }
        return fix
    }

    private static func scope(_ node: ConfigNode) throws -> HealConfig.Scope {
        let keys = try node.entries(known: ["tests", "allow", "max-lines", "max-files", "ignore"])
        var scope = HealConfig.Scope()
        if let value = keys["tests"] { scope.tests = try value.strings() }
        if let value = keys["allow"] { scope.allow = try value.strings() }
        if let value = keys["max-lines"] { scope.maxLines = try value.int(atLeast: 1) }
        if let value = keys["max-files"] { scope.maxFiles = try value.int(atLeast: 1) }
        if let value = keys["ignore"] { scope.ignore = try value.strings() }
        return scope
    }

    private static func agents(_ node: ConfigNode) throws -> HealConfig.Agents {
        let keys = try node.entries(known: ["claude", "codex", "aider"])
        var agents = HealConfig.Agents()
        if let value = keys["claude"] { agents.claude = try agent(value, default: agents.claude) }
        if let value = keys["codex"] { agents.codex = try agent(value, default: agents.codex) }
        if let value = keys["aider"] { agents.aider = try agent(value, default: agents.aider) }
        return agents
    }

    private static func agent(_ node: ConfigNode, default fallback: HealConfig.AgentCommand) throws -> HealConfig.AgentCommand {
        let keys = try node.entries(known: ["path", "args"])
        var agent = fallback
        if let value = keys["path"] { agent.path = try nonEmpty(value) }
        if let value = keys["args"] { agent.arguments = try value.strings() }
        return agent
    }

    private static func store(_ node: ConfigNode) throws -> HealConfig.Store {
        let value = try node.string()
        if value == "sqlite" { return .sqlite }
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") { return .postgres(url: value) }
        throw node.error("expected `sqlite` or a URL starting with postgres://, got `\(value)`")
    }

    private static func nonEmpty(_ node: ConfigNode) throws -> String {
        let value = try node.string()
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw node.error("expected a non-empty string") }
        return value
    }

    /// A shell command that must name where it writes its output, since heal reads the result
    /// from that file rather than trusting the exit code.
    static func command(_ node: ConfigNode, placeholder: String) throws -> String {
        let value = try nonEmpty(node)
        // `{results_dir}` for runners that write a folder of files (Maven Surefire, Gradle).
        guard value.contains("{\(placeholder)}") || value.contains("{\(placeholder)_dir}") else {
            throw node.error("the command must write to `{\(placeholder)}` (heal substitutes a path and reads the file), "
                             + "e.g. `pytest -q --junitxml={\(placeholder)}`")
        }
        return value
    }
}
