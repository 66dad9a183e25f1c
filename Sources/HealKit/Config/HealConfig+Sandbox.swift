extension HealConfig {
    /// `sandbox:` the OS sandbox around the fix agent and every project command heal runs
    /// (DESIGN.md, "Trust boundary"). `sandbox: off` (or `auto`) is also accepted as a scalar.
    public struct Sandbox: Sendable, Equatable {
        /// How heal boxes processes in.
        public enum Mode: String, Sendable, Equatable, CaseIterable {
            /// bubblewrap on Linux, sandbox-exec on macOS, when it works here; otherwise project
            /// commands run unboxed (said in every PR body) and external agents are refused.
            case auto
            /// No sandbox, by the user's explicit choice: said in every PR body.
            case off
            /// bubblewrap, or an error when it does not work here.
            case bubblewrap
            /// macOS's sandbox-exec, or an error when it is not there.
            case sandboxExec = "sandbox-exec"
        }

        /// Who gets the network.
        public enum Network: String, Sendable, Equatable, CaseIterable {
            /// Nobody: every process has only a private loopback.
            case none
            /// The agent (for its model's API); never the project's commands, verification included.
            case agent
        }

        /// `mode`
        public var mode: Mode
        /// `network`
        public var network: Network
        /// `env`: names of environment variables passed in besides heal's allow-list (PATH, LANG,
        /// LC_*, TERM, TZ, USER, LOGNAME, HEAL_*, and toolchain locations such as PYENV_ROOT).
        public var environment: [String]
        /// `expose`: paths (`~` allowed) made visible read-only inside the box, for what lives
        /// in the hidden home directory: an agent's config (`~/.claude`), a toolchain.
        public var expose: [String]
        /// `writable`: paths (`~` allowed) project commands may write to besides their scratch
        /// directory (a shared cache the suite needs).
        public var writable: [String]
        /// `tmp-size` (MiB): the private `/tmp` and home's size.
        public var tmpMiB: Int
        /// `file-size` (MiB): the largest file a boxed process may write.
        public var fileMiB: Int

        public init(mode: Mode = .auto, network: Network = .none, environment: [String] = [], expose: [String] = [],
                    writable: [String] = [], tmpMiB: Int = 1024, fileMiB: Int = 512) {
            self.mode = mode
            self.network = network
            self.environment = environment
            self.expose = expose
            self.writable = writable
            self.tmpMiB = tmpMiB
            self.fileMiB = fileMiB
        }

        static let keys = ["mode", "network", "env", "expose", "writable", "tmp-size", "file-size"]

        static func read(_ node: ConfigNode) throws -> Sandbox {
            if case .scalar = node.node { return Sandbox(mode: try node.choice(Mode.self)) }
            let keys = try node.entries(known: Self.keys)
            var sandbox = Sandbox()
            if let value = keys["mode"] { sandbox.mode = try value.choice(Mode.self) }
            if let value = keys["network"] { sandbox.network = try value.choice(Network.self) }
            if let value = keys["env"] { sandbox.environment = try value.strings() }
            if let value = keys["expose"] { sandbox.expose = try value.strings() }
            if let value = keys["writable"] { sandbox.writable = try value.strings() }
            if let value = keys["tmp-size"] { sandbox.tmpMiB = try value.int(atLeast: 16) }
            if let value = keys["file-size"] { sandbox.fileMiB = try value.int(atLeast: 1) }
            return sandbox
        }

        /// The section as `.heal.yml` lines.
        func render() -> [String] {
            [
                "# The OS sandbox around the fix agent and every project command heal runs: the file",
                "# system read-only but for the scratch directory, your checkout, git directory and home",
                "# hidden, a private /tmp, no network, an allow-listed environment, every process killed",
                "# with heal. auto: bubblewrap (Linux) or sandbox-exec (macOS); off says so in every PR body.",
                "sandbox:",
                "  # \(Mode.allCases.map(\.rawValue).joined(separator: " | "))",
                "  mode: \(mode.rawValue)",
                "  # none | agent (the agent reaches its model's API; verification never has the network)",
                "  network: \(network.rawValue)",
                "  # Environment variables passed in besides PATH, LANG, TERM, HEAL_* …, e.g. an API key.",
                "  env: \(YAMLText.list(environment))",
                "  # Read-only paths inside the box (your home is hidden), e.g. an agent's config: ~/.claude",
                "  expose: \(YAMLText.list(expose))",
                "  # Paths project commands may write besides their scratch directory, e.g. a shared cache.",
                "  writable: \(YAMLText.list(writable))",
                "  # MiB: the private /tmp and home, and the largest file a boxed process may write.",
                "  tmp-size: \(tmpMiB)",
                "  file-size: \(fileMiB)",
            ]
        }
    }
}
