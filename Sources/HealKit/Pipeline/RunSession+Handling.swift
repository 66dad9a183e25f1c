import Foundation
import GitKit

extension RunSession {
    /// Acts on one verdict and records what became of it. heal's own failures here are kept
    /// in the report and the run goes on with the next regression.
    func handle(_ item: TriagedRegression, current: TestReport, runID: Int64, report: inout HealRunReport) async {
        let verdict = item.verdict
        let handling: RegressionHandling
        do {
            switch verdict.verdict {
            case .preExisting:
                progress("\(verdict.test): pre-existing, logged only")
                handling = .logged
            case .ambiguous:
                handling = try await escalate(verdict, current: current, report: &report,
                                              reason: "triage could not tell whether the deploy caused it (\(verdict.reason))",
                                              lookAt: ambiguousHints(verdict))
            case .introduced:
                handling = try await fix(verdict, current: current, runID: runID, report: &report)
            }
        } catch {
            report.failures.append(RunFailure(test: verdict.test, message: "\(error)", isUserInput: error is any UserInputError))
            progress("\(verdict.test): heal failed: \(error)")
            handling = .unhandled(reason: "heal failed: \(error)")
        }
        report.handled.append(HandledRegression(test: verdict.test, handling: handling))
    }

    /// introduced → breaker → agent → verify → staged PR; a breaker that is (or just became)
    /// open escalates instead.
    private func fix(_ verdict: TestVerdict, current: TestReport, runID: Int64,
                     report: inout HealRunReport) async throws -> RegressionHandling {
        guard !verdict.causalDiff.isEmpty else {
            return try await escalate(verdict, current: current, report: &report,
                                      reason: "triage could not narrow it to a causal hunk, so there is nothing to give a fix agent",
                                      lookAt: ["the deploy's diff \(range.before.id.short())..\(range.after.id.short()) (`heal diff`)"])
        }
        if dryRun {
            progress("\(verdict.test): dry run, no agent dispatched")
            return .unhandled(reason: "dry run: no agent was dispatched")
        }
        progress("dispatching the \(agent.name) agent for \(verdict.test)…")
        let target = current.test(verdict.test).map(TestTarget.init) ?? TestTarget(id: verdict.test)
        let engine = FixEngine(repositoryPath: setup.root, config: config, agent: agent, store: store, forge: forge, runID: runID)
        let dispatch = try await engine.dispatch(FixRequest(verdict: verdict, deploy: range.after.id,
                                                            baseline: range.before.id, target: target, deployReport: current))
        report.dispatches.append(dispatch)
        switch dispatch.outcome {
        case .staged, .opened:
            report.stagedAt = report.stagedAt ?? Date()
            progress("  \(dispatch.outcome.rawValue): attempt \(dispatch.attempt) verified on \(dispatch.branch ?? "?")"
                     + (dispatch.prBody.map { ", PR body \($0)" } ?? "") + (dispatch.pullRequest.map { ", \($0)" } ?? ""))
            return .fixed(branch: dispatch.branch ?? "")
        case .failed, .scopeViolation, .breakerOpen:
            let breaker = try await store.breaker(BreakerKey(repository: setup.repositoryID, test: verdict.test))
            let why = dispatch.reason ?? dispatch.outcome.rawValue
            if breaker.state.isOpen {
                if dispatch.outcome != .breakerOpen {
                    progress("  attempt \(dispatch.attempt) \(dispatch.outcome.rawValue): \(why)")
                }
                let failures = breaker.state.consecutiveFailures
                return try await escalate(verdict, current: current, report: &report,
                                          reason: "the circuit breaker is open after \(failures) consecutive failed fix attempt\(failures == 1 ? "" : "s")",
                                          lookAt: breakerHints(verdict, dispatch: dispatch))
            }
            let left = max(0, config.fix.maxAttempts - breaker.state.consecutiveFailures)
            progress("  attempt \(dispatch.attempt) \(dispatch.outcome.rawValue): \(why)"
                     + (dispatch.outcome == .breakerOpen ? "" : " (\(left) more before the breaker opens)"))
            return .unhandled(reason: why)
        }
    }

    /// Writes (or updates) the test's escalation ticket; a dry run only says it would.
    private func escalate(_ verdict: TestVerdict, current: TestReport, report: inout HealRunReport, reason: String,
                          lookAt: [String]) async throws -> RegressionHandling {
        if dryRun {
            progress("\(verdict.test): dry run, would escalate: \(reason)")
            return .unhandled(reason: "dry run: not escalated (\(reason))")
        }
        let test = current.test(verdict.test)
        let writer = EscalationWriter(repositoryID: setup.repositoryID, commonDirectory: setup.commonDirectory,
                                      repositoryRoot: setup.root, store: store, forge: forge)
        let escalation = try await writer.write(verdict: verdict, reason: reason, range: range, testFile: test?.file,
                                                failureOutput: test.map { [$0.message, $0.output].compactMap { $0 }.joined(separator: "\n") },
                                                lookAt: lookAt)
        report.escalations.append(escalation)
        progress("\(verdict.test): escalated, \(reason); ticket \(escalation.ticket)")
        return .escalated(ticket: escalation.ticket)
    }

    private func testCommand(_ test: String) -> String {
        let target = TestTarget(id: test)
        return CommandTemplate.render(config.suite.test, target.placeholders(["results": "results.xml"]))
    }

    private func ambiguousHints(_ verdict: TestVerdict) -> [String] {
        [
            "rerun it a few times at the deploy (`git switch --detach \(range.after.id.short())`, then `\(testCommand(verdict.test))`): a test that sometimes passes needs fixing or quarantining itself",
            "whether the failure has anything to do with the deploy \(range.before.id.short())..\(range.after.id.short()) (`heal diff \(range.before.id.short()) \(range.after.id.short())`)",
            "heal never dispatches an agent on an ambiguous verdict; once it fails consistently, the next `heal run` triages it again",
        ]
    }

    private func breakerHints(_ verdict: TestVerdict, dispatch: FixDispatch) -> [String] {
        var hints = ["why the attempts above failed; the last one's inputs and logs: \(dispatch.runDirectory ?? "see the attempts' branches")"]
        hints.append("the causal diff: reverting it is not enough, so the deploy's intent has to be kept some other way")
        hints.append("after a fix by hand, `heal breaker reset '\(verdict.test)'` lets heal try again (a pass on the base branch closes the breaker too)")
        return hints
    }
}
