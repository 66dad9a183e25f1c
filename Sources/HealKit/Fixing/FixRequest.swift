import GitKit

/// One cause to fix: triage's verdict for it, every test it breaks, and the deploy it
/// regressed in.
public struct FixRequest: Sendable {
    /// An `introduced` verdict with its culprit, causal base and head, and causal hunks — for a
    /// cause, the representative's verdict with the union of hunks that makes every member pass.
    public var verdict: TestVerdict
    /// The cause's id (the branch is named after it).
    public var cause: String
    /// The deploy commit: the fix base.
    public var deploy: ObjectID
    /// The pre-deploy baseline, for the PR body; nil when unknown.
    public var baseline: ObjectID?
    /// The representative failing test as the runner takes it.
    public var target: TestTarget
    /// The suite's report at the deploy, as detection saw it: what verification compares the
    /// fix with. nil has heal run (or take from its cache) the suite at the deploy itself,
    /// before any agent runs — never afterwards, when an agent could have written the cache.
    public var deployReport: TestReport?
    /// Every failing test of the cause, the representative first: the agent gets them all, and
    /// verification needs every one to pass.
    public var members: [TestTarget]
    /// The `heal run` this dispatch belongs to, for the per-run budget; nil outside a run.
    public var runID: Int64?
    /// Whether a verified fix already on the cause's branch for this deploy ends the dispatch
    /// (`already-staged`): `heal run` sets it, so a repeated run spends no attempt; `heal fix`,
    /// a human asking for another attempt, does not.
    public var keepsStagedFix: Bool
    /// For a cause of eval cases: each case's confirmed samples and test (`ScoreEvidence`), by
    /// case id. The fix is then verified by score, not by rerunning a test; empty for tests.
    public var scores: [String: ScoreEvidence] = [:]
    /// Set when the cause is a production error: there is no failing test to run, so the
    /// agent adds one and verification checks it (or, for the revert, the trace).
    var productionError: ProductionErrorFix?

    /// A request for a single regression's verdict (a cause of one test).
    public init(verdict: TestVerdict, deploy: ObjectID, baseline: ObjectID?, target: TestTarget? = nil,
                deployReport: TestReport? = nil) {
        let target = target ?? TestTarget(id: verdict.test)
        self.init(verdict: verdict, cause: verdict.cause ?? Cause.id(representative: verdict.test), deploy: deploy,
                  baseline: baseline, members: [target], deployReport: deployReport)
    }

    /// A request for a cause: `members` are its tests, the representative first.
    public init(verdict: TestVerdict, cause: String, deploy: ObjectID, baseline: ObjectID?, members: [TestTarget],
                deployReport: TestReport? = nil, runID: Int64? = nil, keepsStagedFix: Bool = false) {
        self.keepsStagedFix = keepsStagedFix
        self.deployReport = deployReport
        self.verdict = verdict
        self.cause = cause
        self.deploy = deploy
        self.baseline = baseline
        self.members = members.isEmpty ? [TestTarget(id: verdict.test)] : members
        target = self.members[0]
        self.runID = runID
    }

    /// The members' test ids, the representative first.
    public var tests: [String] { members.map(\.id) }
}

/// A regression heal cannot dispatch a fix for, and what to do instead.
public struct FixRequestError: UserInputError, Equatable {
    public var test: String
    public var problem: String
    public var fix: String
    public var description: String { "\(test): \(problem); \(fix)" }
}
