extension HealConfig {
    /// `suite:` the deterministic grader. Commands run with `/bin/sh -c` in a scratch
    /// directory holding the commit's files.
    public struct Suite: Sendable, Equatable {
        /// `command`: the whole suite; writes its results to `{results}`.
        public var command: String
        /// `format`: how to read the results (`auto` decides by content).
        public var format: ReportFormat
        /// `test`: one test; its placeholders (`TestTarget.placeholders`) and `{results}` become
        /// exactly their values, bare or inside quotes.
        public var test: String
        /// `build`: builds (compiles, collects) the suite without running it; exit status 0 means
        /// it builds. The oracle that triages a deploy that breaks the build; nil when the
        /// project has no such step.
        public var build: String?
        /// `timeout` (seconds): a whole-suite run's process group is killed after this.
        public var timeout: Duration
        /// `test-timeout` (seconds): a single-test run's process group is killed after this.
        public var testTimeout: Duration

        public init(command: String = "pytest -q --junitxml={results}", format: ReportFormat = .auto,
                    test: String = "pytest -q {id} --junitxml={results}", build: String? = nil,
                    timeout: Duration = .seconds(1800), testTimeout: Duration = .seconds(300)) {
            self.command = command
            self.format = format
            self.test = test
            self.build = build
            self.timeout = timeout
            self.testTimeout = testTimeout
        }
    }

    /// `coverage:` which lines each test executes.
    public struct Coverage: Sendable, Equatable {
        /// `command`: writes coverage to `{coverage}`; nil when the project has none.
        public var command: String?
        /// `format`: how to read the coverage report (`auto` decides by content).
        public var format: CoverageFormat
        /// `per-test`: whether the report names the test behind each covered line.
        public var perTest: Bool
        /// `test`: coverage of ONE test, written to `{coverage}`, with the single-test
        /// placeholders (`{id}`, `{name_re}`, …): the lines the failing test itself runs, on
        /// stacks whose coverage is not per test. Preferred to `command` when both are set.
        public var test: String?

        public init(command: String? = nil, format: CoverageFormat = .auto, perTest: Bool = true, test: String? = nil) {
            self.command = command
            self.format = format
            self.perTest = perTest
            self.test = test
        }
    }

    /// `triage:` how hard triage looks before it decides.
    public struct Triage: Sendable, Equatable {
        /// `reruns`: fresh reruns of a failing test at the deploy (and of a passing one at the
        /// baseline) before calling it introduced.
        public var reruns: Int
        /// `flake-rate`: the flake rate the culprit search assumes for a test that flaked but
        /// has no history.
        public var flakeRate: Double
        /// `culprit-confidence`: posterior probability at which the culprit search stops.
        public var culpritConfidence: Double
        /// `culprit-max-runs`: test runs the culprit search may spend.
        public var culpritMaxRuns: Int
        /// `minimize-max-runs`: test runs delta debugging may spend on the causal hunks.
        public var minimizeMaxRuns: Int

        public init(reruns: Int = 3, flakeRate: Double = 0.3, culpritConfidence: Double = 0.99,
                    culpritMaxRuns: Int = 40, minimizeMaxRuns: Int = 32) {
            self.reruns = reruns
            self.flakeRate = flakeRate
            self.culpritConfidence = culpritConfidence
            self.culpritMaxRuns = culpritMaxRuns
            self.minimizeMaxRuns = minimizeMaxRuns
        }
    }

    /// `detection:` what counts as a regression.
    public struct Detection: Sendable, Equatable {
        /// `missing-is-regression`: whether a test that existed at the baseline and is gone now
        /// counts as a regression (it is always reported).
        public var missingIsRegression: Bool
        /// `score-threshold`: an eval score below this is a regression; nil for none.
        public var scoreThreshold: Double?
        /// `score-delta`: an eval score that drops by more than this is a regression.
        public var scoreDelta: Double
        /// `alpha`: significance of the one-sided Mann-Whitney U test on several score samples.
        public var alpha: Double
        /// `infra-fraction`: when more than this fraction of baseline-passing tests fail at
        /// once, the run is infra-suspect.
        public var infraFraction: Double

        public init(missingIsRegression: Bool = false, scoreThreshold: Double? = nil,
                    scoreDelta: Double = 0.05, alpha: Double = 0.05, infraFraction: Double = 0.8) {
            self.missingIsRegression = missingIsRegression
            self.scoreThreshold = scoreThreshold
            self.scoreDelta = scoreDelta
            self.alpha = alpha
            self.infraFraction = infraFraction
        }
    }

    /// `fix:` the agent and the limits around it.
    public struct Fix: Sendable, Equatable {
        /// `agent`: which agent writes the fix.
        public var agent: Agent
        /// `command`: the executable (and arguments) for `agent: command`.
        public var command: String?
        /// `timeout` (seconds): the agent's process group is killed after this.
        public var timeout: Duration
        /// `max-attempts`: consecutive failed attempts after which the breaker opens.
        public var maxAttempts: Int
        /// `max-per-run`: dispatches in one `heal run`.
        public var maxPerRun: Int
        /// `max-per-day`: dispatches per repository in 24 hours.
        public var maxPerDay: Int
        /// `verify-reruns`: the fixed test must pass this many fresh runs.
        public var verifyReruns: Int
        /// `author`: who heal's fix commits are by (`Name <email>`); heal signs them itself and
        /// never reads or writes git's user configuration.
        public var author: CommitAuthor

        public init(agent: Agent = .revert, command: String? = nil, timeout: Duration = .seconds(900),
                    maxAttempts: Int = 3, maxPerRun: Int = 3, maxPerDay: Int = 10, verifyReruns: Int = 3,
                    author: CommitAuthor = .heal) {
            self.agent = agent
            self.command = command
            self.timeout = timeout
            self.maxAttempts = maxAttempts
            self.maxPerRun = maxPerRun
            self.maxPerDay = maxPerDay
            self.verifyReruns = verifyReruns
            self.author = author
        }

        /// The agents heal knows.
        public enum Agent: String, Sendable, Equatable, CaseIterable {
            /// Reverts the minimal causal hunks; offline, no LLM.
            case revert
            /// Claude Code, headless (`claude -p`).
            case claude
            /// Codex CLI (`codex exec`).
            case codex
            /// Aider (`aider --message`).
            case aider
            /// Any executable, given `fix.command`.
            case command
        }
    }

    /// `scope:` the limits the scope guard enforces on a fix.
    public struct Scope: Sendable, Equatable {
        /// `tests`: globs (see `Glob`) of test files a fix may never touch.
        public var tests: [String]
        /// `allow`: globs a fix may change besides the failing test's coverage area.
        public var allow: [String]
        /// `max-lines`: changed lines (added + removed) a fix may have.
        public var maxLines: Int
        /// `max-files`: files a fix may change.
        public var maxFiles: Int
        /// `ignore`: gitignore patterns of files the suite leaves behind that are never part of a
        /// fix, on top of heal's own list (`RunnerArtefacts.defaults`).
        public var ignore: [String]

        public init(tests: [String] = Scope.commonTestGlobs, allow: [String] = [], maxLines: Int = 200,
                    maxFiles: Int = 10, ignore: [String] = []) {
            self.tests = tests
            self.allow = allow
            self.maxLines = maxLines
            self.maxFiles = maxFiles
            self.ignore = ignore
        }

        /// Where tests live in the common ecosystems; the default of `scope.tests`, so a project
        /// without a `.heal.yml` still keeps its tests — and its eval cases and graders — out of
        /// an agent's reach.
        public static let commonTestGlobs = [
            "tests/**", "test/**", "Tests/**", "spec/**", "**/__tests__/**", "evals/**", "eval/**",
            "**/test_*.py", "**/*_test.py", "**/conftest.py",
            "**/*_test.go", "**/testdata/**", "**/*.test.*", "**/*.spec.*",
        ]

        /// `tests` compiled.
        public var testGlobs: [Glob] { tests.map(Glob.init) }
        /// `allow` compiled.
        public var allowGlobs: [Glob] { allow.map(Glob.init) }
    }

    /// `agents:` how to start each external agent.
    public struct Agents: Sendable, Equatable {
        /// `claude`
        public var claude: AgentCommand
        /// `codex`
        public var codex: AgentCommand
        /// `aider`
        public var aider: AgentCommand

        public init(claude: AgentCommand = AgentCommand(path: "claude"),
                    codex: AgentCommand = AgentCommand(path: "codex"),
                    aider: AgentCommand = AgentCommand(path: "aider")) {
            self.claude = claude
            self.codex = codex
            self.aider = aider
        }
    }

    /// One external agent's executable and the extra arguments heal adds to its own.
    public struct AgentCommand: Sendable, Equatable {
        /// `path`: an executable name on PATH, or a path.
        public var path: String
        /// `args`: extra arguments, appended after heal's.
        public var arguments: [String]

        public init(path: String, arguments: [String] = []) {
            self.path = path
            self.arguments = arguments
        }
    }
}
