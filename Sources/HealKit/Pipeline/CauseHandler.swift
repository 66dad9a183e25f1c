import Foundation
import GitKit

/// Acts on one triaged cause and records what became of each of its regressions (DESIGN.md,
/// The loop): pre-existing → logged; ambiguous → escalated; introduced → a fix dispatched for
/// the whole cause → staged, or escalated once a member's breaker is open, or left open (a
/// failed attempt with the breakers closed, a spent budget, a dry run).
struct CauseHandler: Sendable {
    let setup: PipelineSetup
    let fixer: any FixDispatching
    let escalations: any EscalationWriting
    /// Where the breakers are read.
    let store: any HealStore
    let clock: @Sendable () -> Date
    let dryRun: Bool
    let runID: Int64?
    /// The suite's report at the deploy, for the tests' files and failure outputs.
    let current: TestReport
    let progress: RunProgress

    var range: DeployRange { setup.range }

    /// Handles `cause` into `report`. heal's own failures are kept in the report and the run
    /// goes on with the next cause.
    func handle(_ cause: Cause, report: inout HealRunReport) async {
        let handling: RegressionHandling
        do {
            if let error = productionError(cause, in: report) {
                handling = try await handleProductionError(cause, regression: error, report: &report)
                for test in cause.tests { report.handled.append(HandledRegression(test: test, handling: handling)) }
                return
            }
            switch cause.verdict.verdict {
            case .preExisting:
                progress("\(label(cause)): pre-existing, logged only")
                handling = .logged
            case .noise:
                progress("\(label(cause)): noise (fresh samples show no significant drop), logged only")
                handling = .logged
            case .ambiguous:
                handling = try await escalate(cause, report: &report,
                                              reason: "triage could not tell whether the deploy caused it (\(cause.verdict.reason))",
                                              lookAt: ambiguousHints(cause))
            case .introduced:
                handling = try await fix(cause, report: &report)
            }
        } catch {
            report.failures.append(RunFailure(test: cause.representative, message: "\(error)",
                                              isUserInput: error is any UserInputError))
            progress("\(label(cause)): heal failed: \(error)")
            handling = .unhandled(reason: "heal failed: \(error)")
        }
        for test in cause.tests { report.handled.append(HandledRegression(test: test, handling: handling)) }
    }

    /// introduced → breakers and budgets → agent → verify → staged PR; a breaker of a member
    /// that is (or just became) open escalates the whole cause instead.
    func fix(_ cause: Cause, report: inout HealRunReport, productionError: ProductionErrorFix? = nil) async throws -> RegressionHandling {
        guard !cause.verdict.causalDiff.isEmpty else {
            return try await escalate(cause, report: &report,
                                      reason: "triage could not narrow it to a causal hunk, so there is nothing to give a fix agent",
                                      lookAt: ["the deploy's diff \(range.before.id.short())..\(range.after.id.short()) (`heal diff`)"])
        }
        if let reason = graderChange(cause) {
            return try await escalate(cause, report: &report, reason: reason,
                                      lookAt: ["the causal diff: whether the new expectation or the product is right",
                                               "heal never dispatches a revert of a test or an eval; fix the product or keep the new expectation by hand"])
        }
        if dryRun {
            progress("\(label(cause)): dry run, no agent dispatched")
            return .unhandled(reason: "dry run: no agent was dispatched")
        }
        progress("dispatching the \(fixer.agentName) agent for \(label(cause))…")
        let members = cause.tests.map { current.test($0).map(TestTarget.init) ?? TestTarget(id: $0) }
        var request = FixRequest(verdict: cause.verdict, cause: cause.id, deploy: range.after.id, baseline: range.before.id,
                                 members: members, deployReport: current, runID: runID, keepsStagedFix: true)
        request.scores = scoreEvidence(cause, in: report)
        request.productionError = productionError
        let dispatch = try await fixer.dispatch(request)
        report.dispatches.append(dispatch)
        let why = dispatch.reason ?? dispatch.outcome.rawValue
        switch dispatch.outcome {
        case .staged, .opened, .alreadyStaged:
            if dispatch.outcome != .alreadyStaged { report.stagedAt = report.stagedAt ?? clock() }
            progress("  \(dispatch.outcome.rawValue): " + (dispatch.outcome == .alreadyStaged ? why
                     : "attempt \(dispatch.attempt) verified on \(dispatch.branch ?? "?")")
                     + (dispatch.prBody.map { ", PR body \($0)" } ?? "") + (dispatch.pullRequest.map { ", \($0)" } ?? ""))
            return .fixed(branch: dispatch.branch ?? "")
        case .budgetSpent:
            progress("  \(dispatch.outcome.rawValue): \(why); the next run tries again")
            return .unhandled(reason: "dispatch budget spent: \(why)")
        case .failed, .scopeViolation, .breakerOpen:
            let breakers = try await breakers(of: cause)
            if let open = breakers.first(where: \.state.isOpen) {
                if dispatch.outcome != .breakerOpen { progress("  attempt \(dispatch.attempt) \(dispatch.outcome.rawValue): \(why)") }
                let failures = open.state.consecutiveFailures
                return try await escalate(cause, report: &report,
                                          reason: "the circuit breaker is open after \(failures) consecutive failed fix attempt\(failures == 1 ? "" : "s")"
                                              + (cause.tests.count > 1 ? " on `\(open.key.test)`" : ""),
                                          lookAt: breakerHints(cause, dispatch: dispatch))
            }
            let failures = breakers.map(\.state.consecutiveFailures).max() ?? 0
            let left = max(0, setup.config.fix.maxAttempts - failures)
            progress("  attempt \(dispatch.attempt) \(dispatch.outcome.rawValue): \(why)"
                     + (dispatch.outcome == .breakerOpen ? "" : " (\(left) more before the breaker opens)"))
            return .unhandled(reason: why)
        }
    }

    /// "The eval itself changed" (or the test's own expectation): every causal file is one a fix
    /// may not touch, so the escalation reason; nil when the cause can be dispatched.
    private func graderChange(_ cause: Cause) -> String? {
        let files = cause.verdict.causalDiff.flatMap { [$0.path.string, $0.oldPath.string] }.filter { !$0.isEmpty }
        let isEval = cause.tests.allSatisfy { current.test($0) == nil && current.eval($0) != nil }
        return GraderChange.escalationReason(causalFiles: Array(Set(files)), tests: setup.config.scope.testGlobs,
                                             ownFiles: Set(cause.tests.compactMap { current.test($0)?.file }), isEval: isEval)
    }

    /// The breakers of every test of the cause: an attempt counts against each.
    private func breakers(of cause: Cause) async throws -> [BreakerRecord] {
        var records: [BreakerRecord] = []
        for test in cause.tests {
            records.append(try await store.breaker(BreakerKey(repository: setup.repositoryID, test: test)))
        }
        return records
    }

    /// Writes (or updates) the cause's escalation ticket; a dry run only says it would.
    func escalate(_ cause: Cause, report: inout HealRunReport, reason: String,
                  lookAt: [String], productionError: String? = nil) async throws -> RegressionHandling {
        if dryRun {
            progress("\(label(cause)): dry run, would escalate: \(reason)")
            return .unhandled(reason: "dry run: not escalated (\(reason))")
        }
        let representative = current.test(cause.representative)
        let productionError = productionError ?? self.productionError(cause, in: report).flatMap(ErrorEvidenceMarkdown.render)
        let escalation = try await escalations.write(EscalationRequest(
            cause: cause, reason: reason, range: range,
            tests: cause.tests.map { TestReference(id: $0, file: current.test($0)?.file) },
            failureOutput: representative.map { [$0.message, $0.output].compactMap { $0 }.joined(separator: "\n") },
            lookAt: lookAt, productionError: productionError, scores: scoreTable(cause, in: report)))
        report.escalations.append(escalation)
        progress("\(label(cause)): escalated, \(reason); ticket \(escalation.ticket)")
        return .escalated(ticket: escalation.ticket)
    }

    /// The representative, and how many more tests the cause has.
    func label(_ cause: Cause) -> String {
        cause.tests.count == 1 ? cause.representative : "\(cause.representative) (and \(cause.tests.count - 1) more of cause \(cause.id))"
    }
}
