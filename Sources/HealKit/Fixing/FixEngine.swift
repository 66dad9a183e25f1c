import Foundation
import GitKit

/// Dispatches one fix attempt for a cause and keeps it only if it is in scope and verified:
/// claim the attempt from the breaker → workspace holding the deploy's files → agent → scope
/// guard → verify every test of the cause → commit on the fix branch → hand the verified fix
/// to the publisher (PR body staged; optionally the branch pushed and a draft PR opened or
/// updated) → record the outcome. The workspace is removed whatever happened.
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
    /// Where verified fixes are proposed (`PRPublisher`).
    public let publisher: any FixPublishing
    /// The `heal run` this dispatch belongs to, for the per-run budget.
    public let runID: Int64?
    /// The repository's id in breaker keys, taken once before any agent ran (an agent that
    /// rewrote `origin` must not move the attempts to another key); nil takes it per dispatch.
    public let repositoryID: String?

    public init(repositoryPath: String, config: HealConfig, agent: any FixAgent, store: any HealStore,
                publisher: any FixPublishing, runID: Int64? = nil, repositoryID: String? = nil) {
        self.repositoryPath = repositoryPath
        self.config = config
        self.agent = agent
        self.store = store
        self.publisher = publisher
        self.runID = runID
        self.repositoryID = repositoryID
    }

    /// The breaker limits from `fix:`; the lease outlives the agent's timeout plus verifying
    /// `tests` failing tests.
    public func policy(tests count: Int = 1) -> BreakerPolicy {
        let timeout = Double(config.fix.timeout.components.seconds)
        let tests = Double(config.suite.testTimeout.components.seconds) * Double(config.fix.verifyReruns * max(1, count) + 1)
        let suites = Double(config.suite.timeout.components.seconds) * 2
        return BreakerPolicy(maxAttempts: config.fix.maxAttempts, dispatchesPerRun: config.fix.maxPerRun,
                             dispatchesPerDay: config.fix.maxPerDay, attemptLease: timeout + tests + suites + 600)
    }

    /// Runs one attempt for `request` and says how it ended. Failures of the agent, the scope
    /// guard and verification are outcomes; thrown errors are heal's own failures (and are
    /// recorded as failed attempts too, so the breaker still counts them). With
    /// `keepsStagedFix`, a cause whose branch already holds a verified fix on this deploy is not
    /// dispatched again.
    public func dispatch(_ request: FixRequest) async throws -> FixDispatch {
        let (base, head) = try Self.checked(request)
        let repository = try Repository(discovering: repositoryPath)
        let test = request.verdict.test
        let branch = FixBranch.name(cause: request.cause, culprit: request.verdict.culprit?.id ?? head)
        func dispatch(attempt: Int, branch: String?, outcome: FixDispatch.Outcome, prBody: String? = nil,
                      reason: String? = nil) -> FixDispatch {
            FixDispatch(test: test, cause: request.cause, tests: request.tests, agent: agent.name, attempt: attempt,
                        branch: branch, outcome: outcome, prBody: prBody, reason: reason)
        }
        if request.keepsStagedFix, let staged = try alreadyStaged(branch: branch, deploy: request.deploy, in: repository) {
            return dispatch(attempt: 0, branch: branch, outcome: .alreadyStaged, prBody: staged,
                            reason: "\(branch) already holds a verified fix on \(request.deploy.short()); nothing dispatched")
        }
        let repositoryID = try self.repositoryID ?? RepositoryID.of(repository)
        let key = BreakerKey(repository: repositoryID, test: test)
        // A configuration that cannot box the agent in is the user's to fix, not a failed attempt.
        let containment = try await Containment.resolve(repositoryPath: repositoryPath, settings: config.sandbox)
        if !agent.runsInHeal, let refusal = containment.agentRefusal { throw refusal }
        let limits = policy(tests: request.members.count)
        // One attempt on the cause counts against the breaker of each of its tests.
        let members = request.tests.dropFirst().map { BreakerKey(repository: repositoryID, test: $0) }
        let claim = try await store.claimAttempt(
            AttemptClaim(key: key, members: members, runID: request.runID ?? runID, agent: agent.name, branch: branch),
            policy: limits)
        guard case .dispatch(let number) = claim.decision, let record = claim.attempt else {
            guard case .refused(let refusal) = claim.decision else {
                return dispatch(attempt: claim.state.consecutiveFailures, branch: nil, outcome: .breakerOpen, reason: "refused")
            }
            let outcome: FixDispatch.Outcome = switch refusal {
            case .runBudgetExhausted, .dayBudgetExhausted: .budgetSpent
            case .breakerOpen, .attemptsInFlight: .breakerOpen
            }
            return dispatch(attempt: claim.state.consecutiveFailures, branch: nil, outcome: outcome,
                            reason: refusal.description)
        }
        let attempt = FixAttempt(engine: self, request: request, causalBase: base, causalHead: head,
                                 branch: branch, number: number, containment: containment)
        var result: FixAttemptResult
        do {
            result = try await attempt.run()
        } catch {
            _ = try? await store.finishAttempt(id: record.id, outcome: .agentError, reason: SecretRedactor.redact("heal failed: \(error)"),
                                               branch: nil, at: Date(), policy: limits)
            throw error
        }
        // Reasons and findings quote the agent and the project's output: no secret goes on.
        result.reason = result.reason.map(SecretRedactor.redact)
        result.violations = result.violations.map(SecretRedactor.redact)
        _ = try await store.finishAttempt(id: record.id, outcome: result.outcome, reason: result.reason,
                                          branch: result.kept ? branch : nil, at: Date(), policy: limits)
        return FixDispatch(test: test, cause: request.cause, tests: request.tests, agent: agent.name, attempt: number,
                           branch: result.kept ? branch : nil, outcome: result.dispatchOutcome, prBody: result.prBody,
                           reason: result.reason, violations: result.violations, pullRequest: result.pullRequest,
                           runDirectory: result.runDirectory)
    }

    /// The staged PR body of `branch` when the branch's fix is a commit on `deploy` itself — a
    /// verified fix of this cause on this deploy — else nil.
    private func alreadyStaged(branch: String, deploy: ObjectID, in repository: Repository) throws -> String? {
        guard let tip = try? repository.commit("refs/heads/" + branch), tip.parents == [deploy] else { return nil }
        let body = PRStaging.path(healDirectory: try HealDirectory(repositoryPath: repositoryPath), branch: branch)
        return FileManager.default.fileExists(atPath: body) ? body : nil
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
