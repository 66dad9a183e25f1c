import Foundation

extension Pipeline {
    /// `heal run` after setup, with the lock held: detect, close the breakers of tests that pass
    /// again, triage into causes, handle each cause, and record the run in the store
    /// (detected-at and staged-at give time-to-fix).
    ///
    /// - Parameter dryRun: compute the verdicts, but dispatch no agent, write no ticket and
    ///   close no breaker.
    public func run(dryRun: Bool) async throws -> HealRunReport {
        let store = parts.store
        let detected = try await detect()
        let detectedAt = parts.clock()
        if !dryRun {
            try await closeBreakers(passingIn: detected.current)
            try await closeErrorBreakers(detected.errors)
        }
        let runID = try await store.startRun(RunStart(repository: setup.repositoryID, before: range.before.id.hex,
                                                      after: range.after.id.hex, detectedAt: detectedAt))
        var report = HealRunReport(runID: runID, range: range, detection: detected.detection, dryRun: dryRun)
        report.problems = ["baseline": detected.baseline.problems, "current": detected.current.problems].filter { !$0.value.isEmpty }
        report.errorLogs = detected.errors?.json
        do {
            let outcome = try await triage(detected)
            report.causes = outcome.causes
            report.triaged = outcome.triaged
            let handler = CauseHandler(setup: setup, fixer: parts.fixer, escalations: parts.escalations, store: store,
                                       clock: parts.clock, dryRun: dryRun, runID: runID, current: detected.current,
                                       progress: progress)
            for cause in outcome.causes { await handler.handle(cause, report: &report) }
        } catch {
            try? await store.finishRun(id: runID, summary: summary(of: report))
            throw error
        }
        try await store.finishRun(id: runID, summary: summary(of: report))
        return report
    }

    /// "A pass of that test on the base branch closes it again": every breaker (and ticket) of
    /// a test that passes at the deploy is closed.
    private func closeBreakers(passingIn current: TestReport) async throws {
        for breaker in try await parts.store.breakers(repository: setup.repositoryID)
        where breaker.state.consecutiveFailures > 0 || breaker.state.isOpen {
            guard current.test(breaker.key.test)?.outcome.isPass == true else { continue }
            try await parts.store.closeBreaker(breaker.key, at: parts.clock())
            progress("closed the breaker of \(breaker.key.test): it passes at \(range.after.id.short())")
        }
    }

    /// The run's line in the store's history: dispatches count causes an agent worked on.
    private func summary(of report: HealRunReport) -> RunSummary {
        let worked: Set<FixDispatch.Outcome> = [.staged, .opened, .failed, .scopeViolation]
        return RunSummary(regressions: report.detection.regressions.count,
                          introduced: report.triaged.count { $0.verdict.verdict == .introduced },
                          dispatched: report.dispatches.count { worked.contains($0.outcome) },
                          staged: report.dispatches.count { $0.outcome == .staged || $0.outcome == .opened },
                          escalated: report.escalations.count, stagedAt: report.stagedAt, finishedAt: parts.clock())
    }
}
