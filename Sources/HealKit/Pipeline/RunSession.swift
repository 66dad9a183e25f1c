import Foundation
import GitKit

/// One `heal run` after setup, with the lock held and the store open: the stages in order,
/// each in its own extension file.
struct RunSession: Sendable {
    let setup: HealRun.Setup
    let store: any HealStore
    let dryRun: Bool
    let progress: RunProgress
    let runner: TestRunner
    let agent: any FixAgent
    let forge: (any Forge)?

    init(setup: HealRun.Setup, store: any HealStore, dryRun: Bool, progress: @escaping RunProgress) throws {
        self.setup = setup
        self.store = store
        self.dryRun = dryRun
        self.progress = progress
        runner = try TestRunner(repositoryPath: setup.root, config: setup.config, cache: store)
        agent = AgentFactory.make(setup.config.fix.agent, config: setup.config)
        forge = try ForgeKind.forge(publish: setup.config.publish.rawValue, workingDirectory: setup.root)
    }

    var config: HealConfig { setup.config }
    var range: DeployRange { setup.range }

    func run() async throws -> HealRunReport {
        let baseline = try await suite(at: range.before, side: "before")
        let current = try await suite(at: range.after, side: "after")
        let detection = Detector.detect(baseline: baseline, current: current, options: detectionOptions)
        let detectedAt = Date()
        reportDetection(detection)
        if !dryRun { try await closeBreakers(passingIn: current) }

        let runID = try await store.startRun(RunStart(repository: setup.repositoryID, before: range.before.id.hex,
                                                      after: range.after.id.hex, detectedAt: detectedAt))
        var report = HealRunReport(runID: runID, range: range, detection: detection, dryRun: dryRun)
        do {
            report.triaged = try await triage(detection, baseline: baseline, current: current)
            for item in report.triaged {
                await handle(item, current: current, runID: runID, report: &report)
            }
        } catch {
            try? await store.finishRun(id: runID, summary: summary(of: report))
            throw error
        }
        try await store.finishRun(id: runID, summary: summary(of: report))
        return report
    }

    /// The whole suite at one side of the deploy (from the cache when this tree already ran).
    private func suite(at commit: Commit, side: String) async throws -> TestReport {
        progress("running the suite at \(commit.id.short()) (\(side))…")
        let run = try await runner.runSuite(at: commit.id.hex)
        guard let report = run.report else {
            // It ran at the baseline and writes nothing at the deploy: the deploy broke the build
            // (or the collection) of the whole suite — a regression, not a configuration error.
            if side == "after", run.process?.timedOut == false {
                progress("  the suite wrote no results: a build failure of the whole suite")
                return WholeSuiteBuildFailure.report(run)
            }
            throw SuiteDidNotRunError(revision: side, commit: commit.id.hex, reason: run.couldNotRunReason ?? "no results")
        }
        let failing = report.tests.count { $0.outcome.isFailure }
        progress("  \(report.tests.count) test\(report.tests.count == 1 ? "" : "s"), \(failing) failing"
                 + (run.fromCache ? " (cached: this tree already ran with this command)" : ""))
        return report
    }

    private var detectionOptions: DetectionOptions {
        let detection = config.detection
        return DetectionOptions(missingIsRegression: detection.missingIsRegression, scoreThreshold: detection.scoreThreshold,
                                scoreDelta: detection.scoreDelta, alpha: detection.alpha,
                                infraSuspectFraction: detection.infraFraction)
    }

    private func reportDetection(_ detection: DetectionResult) {
        let count = detection.regressions.count
        guard count > 0 else {
            progress("no regressions")
            return
        }
        progress("\(count) regression\(count == 1 ? "" : "s"): "
                 + detection.regressions.map { "\($0.test) (\($0.kind.rawValue))" }.joined(separator: ", "))
        if detection.infraSuspect {
            progress("  most of the suite failed at once: suspect the infrastructure, not the code")
        }
    }

    /// "A pass of that test on the base branch closes it again": every breaker (and ticket) of
    /// a test that passes at the deploy is closed.
    private func closeBreakers(passingIn current: TestReport) async throws {
        for breaker in try await store.breakers(repository: setup.repositoryID)
        where breaker.state.consecutiveFailures > 0 || breaker.state.isOpen {
            guard current.test(breaker.key.test)?.outcome.isPass == true else { continue }
            try await store.closeBreaker(breaker.key, at: Date())
            progress("closed the breaker of \(breaker.key.test): it passes at \(range.after.id.short())")
        }
    }

    private func summary(of report: HealRunReport) -> RunSummary {
        RunSummary(regressions: report.detection.regressions.count,
                   introduced: report.triaged.count { $0.verdict.verdict == .introduced },
                   dispatched: report.dispatches.count { $0.outcome != .breakerOpen },
                   staged: report.dispatches.count { $0.outcome == .staged || $0.outcome == .opened },
                   escalated: report.escalations.count, stagedAt: report.stagedAt, finishedAt: Date())
    }
}
