/// Everything a reviewer needs in a fix pull request's body, as plain values.
///
/// Rendered with the `pr-body` template by `TemplateLibrary.renderPRBody(_:)`.
public struct PRBodyInput: Sendable, Equatable {
    /// The regressed test.
    public typealias Test = TestReference

    /// The result that triggered the fix: the test's outcome at the baseline and at the deploy.
    public struct EvalResult: Sendable, Equatable {
        /// The baseline commit (short or full id).
        public var baselineRevision: String
        /// The deploy commit.
        public var deployRevision: String
        /// How it ended at the baseline, as a reader would say it: `passed`, `score 0.91`.
        public var baselineOutcome: String
        /// How it ended at the deploy: `failed`, `score 0.42 (threshold 0.80)`.
        public var deployOutcome: String
        /// How many fresh reruns at the deploy confirmed the deploy outcome (triage's reruns).
        public var reruns: Int

        public init(baselineRevision: String, deployRevision: String, baselineOutcome: String,
                    deployOutcome: String, reruns: Int) {
            self.baselineRevision = baselineRevision
            self.deployRevision = deployRevision
            self.baselineOutcome = baselineOutcome
            self.deployOutcome = deployOutcome
            self.reruns = reruns
        }
    }

    /// The commit of the deploy that introduced the regression.
    public typealias Culprit = CulpritSummary

    /// One file the agent changed, and why the scope guard let it through.
    public struct ChangedFile: Sendable, Equatable {
        public var path: String
        public var added: Int
        public var removed: Int
        /// Why this file is in scope: `covered by the failing test`, `in the causal diff`, …
        public var reason: String

        public init(path: String, added: Int, removed: Int, reason: String) {
            self.path = path
            self.added = added
            self.removed = removed
            self.reason = reason
        }
    }

    /// What the agent changed.
    public struct Change: Sendable, Equatable {
        /// The agent's name (`revert`, `claude`, …).
        public var agent: String
        /// The agent's own account of its change, when it gave one.
        public var summary: String?
        public var files: [ChangedFile]
        /// The fix as a unified diff (deploy → fix).
        public var diff: String
        /// The scope guard's limits the change was checked against.
        public var maxChangedLines: Int
        public var maxChangedFiles: Int

        public init(agent: String, summary: String? = nil, files: [ChangedFile], diff: String,
                    maxChangedLines: Int, maxChangedFiles: Int) {
            self.agent = agent
            self.summary = summary
            self.files = files
            self.diff = diff
            self.maxChangedLines = maxChangedLines
            self.maxChangedFiles = maxChangedFiles
        }
    }

    /// How the fix was verified.
    public struct Verification: Sendable, Equatable {
        /// How many reruns of the failing test passed with the fix, and how many ran.
        public var testPasses: Int
        public var testReruns: Int
        /// The suite's result with the fix: `no new failures (118 passed, 2 failing before too)`.
        public var suiteSummary: String
        /// What was checked, one line each, when it was not the failing test's reruns (a
        /// production error's fix); shown instead of the test and suite lines.
        public var statements: [String]

        public init(testPasses: Int, testReruns: Int, suiteSummary: String, statements: [String] = []) {
            self.testPasses = testPasses
            self.testReruns = testReruns
            self.suiteSummary = suiteSummary
            self.statements = statements
        }
    }

    /// Which attempt this is, of how many the circuit breaker allows.
    public struct Attempt: Sendable, Equatable {
        public var number: Int
        public var maximum: Int

        public init(number: Int, maximum: Int) {
            self.number = number
            self.maximum = maximum
        }
    }

    /// How to see the regression and the fix locally.
    public struct Reproduce: Sendable, Equatable {
        /// The fix branch (`heal/<test-slug>-<short-sha>`).
        public var branch: String
        /// The deploy commit, where the test fails.
        public var deployRevision: String
        /// The command that runs the failing test alone.
        public var testCommand: String
        /// Said instead of the commands when the regression is no test failing at the deploy
        /// (a production error: no test, or a new one that only the fix branch has).
        public var note: String?

        public init(branch: String, deployRevision: String, testCommand: String, note: String? = nil) {
            self.branch = branch
            self.deployRevision = deployRevision
            self.testCommand = testCommand
            self.note = note
        }
    }

    /// For a cause of eval cases: the scores instead of a test's reruns.
    public struct Scores: Sendable, Equatable {
        /// The table per case (baseline / deploy / with the fix), with the samples folded.
        public var table: String
        /// How each case held up with the fix, a Markdown list.
        public var verification: String

        public init(table: String, verification: String) {
            self.table = table
            self.verification = verification
        }
    }

    public var title: String
    /// The cause's representative.
    public var test: Test
    /// The cause's other tests, which the fix makes pass too.
    public var otherTests: [Test]
    public var eval: EvalResult
    /// The test's failure output at the deploy, shown folded; nil to leave it out.
    public var failureOutput: String?
    public var culprit: Culprit
    /// The causal hunks as a unified diff.
    public var causalDiff: String
    public var change: Change
    public var verification: Verification
    public var attempt: Attempt
    public var reproduce: Reproduce
    /// Why the agent and the verification ran without an OS sandbox, when they did: the
    /// reviewer is told before anything else.
    public var unboxedReason: String?
    /// Set for eval regressions (then `eval` and `verification` describe the suite only).
    public var scores: Scores?
    /// For a production error: its evidence as Markdown (`ErrorEvidenceMarkdown`), shown as the
    /// triggering result instead of a test's outcome.
    public var productionError: String?
    /// What the causal diff is, in a sentence; nil for a test's "smallest set whose revert makes
    /// the test pass".
    public var causalDiffIntro: String?

    public init(title: String, test: Test, otherTests: [Test] = [], eval: EvalResult, failureOutput: String? = nil,
                culprit: Culprit, causalDiff: String, change: Change, verification: Verification, attempt: Attempt,
                reproduce: Reproduce, unboxedReason: String? = nil, scores: Scores? = nil) {
        self.scores = scores
        self.title = title
        self.test = test
        self.otherTests = otherTests
        self.eval = eval
        self.failureOutput = failureOutput
        self.culprit = culprit
        self.causalDiff = causalDiff
        self.change = change
        self.verification = verification
        self.attempt = attempt
        self.reproduce = reproduce
        self.unboxedReason = unboxedReason
    }
}

extension PRBodyInput.ChangedFile {
    /// A file of an accepted change, with its line counts and the scope guard's reason.
    public init(_ file: ProposedChange.File, rules: ScopeRules) {
        self.init(path: file.path, added: file.addedLines.count, removed: file.removedLines.count,
                  reason: ScopeGuard.reason(inScope: file, rules: rules))
    }
}
