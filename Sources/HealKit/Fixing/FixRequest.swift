import GitKit

/// One regression to fix: triage's verdict for it and the deploy it regressed in.
public struct FixRequest: Sendable {
    /// An `introduced` verdict with its culprit, causal base and head, and causal hunks.
    public var verdict: TestVerdict
    /// The deploy commit: the fix base.
    public var deploy: ObjectID
    /// The pre-deploy baseline, for the PR body; nil when unknown.
    public var baseline: ObjectID?
    /// The failing test as the runner takes it.
    public var target: TestTarget
    /// The suite's report at the deploy, as detection saw it: what verification compares the
    /// fix with. nil has heal run (or take from its cache) the suite at the deploy itself,
    /// before any agent runs — never afterwards, when an agent could have written the cache.
    public var deployReport: TestReport?

    public init(verdict: TestVerdict, deploy: ObjectID, baseline: ObjectID?, target: TestTarget? = nil,
                deployReport: TestReport? = nil) {
        self.verdict = verdict
        self.deploy = deploy
        self.baseline = baseline
        self.target = target ?? TestTarget(id: verdict.test)
        self.deployReport = deployReport
    }
}

/// A regression heal cannot dispatch a fix for, and what to do instead.
public struct FixRequestError: UserInputError, Equatable {
    public var test: String
    public var problem: String
    public var fix: String
    public var description: String { "\(test): \(problem); \(fix)" }
}
