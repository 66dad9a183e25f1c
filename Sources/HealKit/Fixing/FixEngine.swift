import Foundation
import GitKit

/// Dispatches one fix attempt for a regression and keeps it only if it is in scope and
/// verified: claim the attempt from the breaker → workspace holding the deploy's files → agent →
/// scope guard → verify → commit on the fix branch → stage the PR body → (optionally) push the
/// fix branch and open or update the draft PR → record the outcome. The workspace is removed
/// whatever happened.
///
/// The human gate is structural: the only ref this writes is the fix branch (`heal/…`), the
/// only push is of that branch, and the user's checkout, index and base branch are never
/// touched — agents work in a scratch directory of their own, and heal builds the fix commit
/// itself from the files it read back there.
public struct FixEngine: Sendable {
    public let repositoryPath: String
    public let config: HealConfig
    public let agent: any FixAgent
    public let store: any HealStore
    /// Where fixes are proposed; nil stages them locally only.
    public let forge: (any Forge)?
    /// The `heal run` this dispatch belongs to, for the per-run budget.
    public let runID: Int64?

    public init(repositoryPath: String, config: HealConfig, agent: any FixAgent, store: any HealStore,
                forge: (any Forge)? = nil, runID: Int64? = nil) {
        self.repositoryPath = repositoryPath
        self.config = config
        self.agent = agent
        self.store = store
        self.forge = forge
        self.runID = runID
    }

    /// The breaker limits from `fix:`; the lease outlives the agent's timeout plus verification.
    public var policy: BreakerPolicy {
        let timeout = Double(config.fix.timeout.components.seconds)
        let tests = Double(config.suite.testTimeout.components.seconds) * Double(config.fix.verifyReruns + 1)
        let suites = Double(config.suite.timeout.components.seconds) * 2
        return BreakerPolicy(maxAttempts: config.fix.maxAttempts, dispatchesPerRun: config.fix.maxPerRun,
                             dispatchesPerDay: config.fix.maxPerDay, attemptLease: timeout + tests + suites + 600)
    }

    /// Runs one attempt for `request` and says how it ended. Failures of the agent, the scope
    /// guard and verification are outcomes; thrown errors are heal's own failures (and are
    /// recorded as failed attempts too, so the breaker still counts them).
    public func dispatch(_ request: FixRequest) async throws -> FixDispatch {
        let (base, head) = try Self.checked(request)
        let repository = try Repository(discovering: repositoryPath)
        let test = request.verdict.test
        let branch = FixBranch.name(test: test, deploy: request.deploy)
        let key = BreakerKey(repository: try RepositoryID.of(repository), test: test)
        let claim = try await store.claimAttempt(
            AttemptClaim(key: key, runID: runID, agent: agent.name, branch: branch), policy: policy)
        guard case .dispatch(let number) = claim.decision, let record = claim.attempt else {
            let reason: String
            if case .refused(let refusal) = claim.decision { reason = refusal.description } else { reason = "refused" }
            return FixDispatch(test: test, agent: agent.name, attempt: claim.state.consecutiveFailures, branch: nil,
                               outcome: .breakerOpen, prBody: nil, reason: reason)
        }
        let attempt = FixAttempt(engine: self, request: request, causalBase: base, causalHead: head,
                                 branch: branch, number: number)
        let result: FixAttemptResult
        do {
            result = try await attempt.run()
        } catch {
            _ = try? await store.finishAttempt(id: record.id, outcome: .agentError, reason: "heal failed: \(error)",
                                               branch: nil, at: Date(), policy: policy)
            throw error
        }
        _ = try await store.finishAttempt(id: record.id, outcome: result.outcome, reason: result.reason,
                                          branch: result.kept ? branch : nil, at: Date(), policy: policy)
        return FixDispatch(test: test, agent: agent.name, attempt: number, branch: result.kept ? branch : nil,
                           outcome: result.dispatchOutcome, prBody: result.prBody, reason: result.reason,
                           violations: result.violations, pullRequest: result.pullRequest,
                           runDirectory: result.runDirectory)
    }

    /// The causal base and head of a verdict fit to dispatch on.
    static func checked(_ request: FixRequest) throws(FixRequestError) -> (ObjectID, ObjectID) {
        let verdict = request.verdict
        guard verdict.verdict == .introduced else {
            throw FixRequestError(test: verdict.test, problem: "triage found it \(verdict.verdict.rawValue) (\(verdict.reason))",
                                  fix: "only regressions the deploy introduced are dispatched; escalate it to a human")
        }
        guard let base = verdict.causalBase, let head = verdict.causalHead, !verdict.causalDiff.isEmpty else {
            throw FixRequestError(test: verdict.test, problem: "the verdict has no causal diff",
                                  fix: "run `heal triage` again so it narrows the failure to causal hunks")
        }
        return (base, head)
    }
}
