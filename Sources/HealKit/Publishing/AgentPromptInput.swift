/// What the fix agent is told: the three inputs (the failing test, the causal diff, the fix-PR
/// instruction) and the scope rules its change will be checked against.
///
/// Rendered with the `agent-prompt` template by `TemplateLibrary.renderAgentPrompt(_:)`.
public struct AgentPromptInput: Sendable, Equatable {
    /// The test that regressed.
    public struct FailingTest: Sendable, Equatable {
        /// The id the project's runner accepts (`tests/test_x.py::test_a`).
        public var id: String
        /// The test's file, relative to the repository root, when known.
        public var file: String?
        /// The command that runs only this test, when known.
        public var command: String?

        public init(id: String, file: String? = nil, command: String? = nil) {
            self.id = id
            self.file = file
            self.command = command
        }
    }

    /// The scope rules, spelled out for the agent.
    public struct Scope: Sendable, Equatable {
        /// The files the agent may change: the failing test's coverage area.
        public var editableFiles: [String]
        /// Further globs the agent may change.
        public var allowGlobs: [String]
        /// Globs of tests, which the agent may not touch.
        public var testGlobs: [String]
        /// Globs of CI configuration, hooks and heal's own configuration.
        public var offLimits: [String]
        public var maxChangedLines: Int
        public var maxChangedFiles: Int

        public init(editableFiles: [String], allowGlobs: [String], testGlobs: [String], offLimits: [String],
                    maxChangedLines: Int, maxChangedFiles: Int) {
            self.editableFiles = editableFiles
            self.allowGlobs = allowGlobs
            self.testGlobs = testGlobs
            self.offLimits = offLimits
            self.maxChangedLines = maxChangedLines
            self.maxChangedFiles = maxChangedFiles
        }
    }

    /// Another test the same cause breaks, which the fix must make pass too.
    public struct OtherTest: Sendable, Equatable {
        public var id: String
        public var file: String?
        /// What it printed when it failed at the deploy commit; nil to name it only (a cause of
        /// many tests shows the first few outputs).
        public var failureOutput: String?

        public init(id: String, file: String? = nil, failureOutput: String? = nil) {
            self.id = id
            self.file = file
            self.failureOutput = failureOutput
        }
    }

    /// The cause's representative test.
    public var test: FailingTest
    /// What the test printed when it failed at the deploy commit.
    public var failureOutput: String
    /// The cause's other failing tests.
    public var otherTests: [OtherTest]
    /// The causal hunks as a unified diff (deploy base → deploy).
    public var causalDiff: String
    /// The fix branch the agent's change is for (`heal/<test-slug>-<short-sha>`).
    public var branch: String
    /// Extra instructions from the configuration, appended to the built-in ones.
    public var instruction: String?
    public var scope: Scope
    /// For a production error (no failing test yet): its evidence as Markdown, and its
    /// exception type, which the agent's new regression test must reproduce.
    public var productionError: String?
    public var errorType: String?

    public init(test: FailingTest, failureOutput: String, otherTests: [OtherTest] = [], causalDiff: String,
                branch: String, instruction: String? = nil, scope: Scope) {
        self.test = test
        self.failureOutput = failureOutput
        self.otherTests = otherTests
        self.causalDiff = causalDiff
        self.branch = branch
        self.instruction = instruction
        self.scope = scope
    }
}

extension AgentPromptInput.Scope {
    /// The scope rules as the agent is told them: the editable files are the coverage area less
    /// anything the guard would refuse there anyway (tests, off-limits paths), and the failing
    /// test's own file is listed with the test globs.
    public init(_ rules: ScopeRules) {
        let editable = rules.coverageArea.filter { path in
            !rules.protectedFiles.contains(path)
                && !rules.tests.contains { $0.matches(path) }
                && !rules.offLimits.contains { $0.matches(path) }
        }
        self.init(editableFiles: editable.sorted(), allowGlobs: rules.allow.map(\.pattern),
                  testGlobs: rules.tests.map(\.pattern) + rules.protectedFiles.sorted(),
                  offLimits: rules.offLimits.map(\.pattern),
                  maxChangedLines: rules.maxChangedLines, maxChangedFiles: rules.maxChangedFiles)
    }
}
