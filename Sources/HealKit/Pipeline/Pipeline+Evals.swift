import Foundation
import GitKit

extension Pipeline {
    /// `report` (the suite's, or empty without a suite) with the eval suite's cases at `commit`
    /// added; unchanged when the project has no `evals:`. Never cached: scores are samples.
    func addingEvals(to report: TestReport, at commit: Commit, side: String) async throws -> TestReport {
        guard let evals = parts.evals else { return report }
        progress("running the evals at \(commit.id.short()) (\(side))…")
        let run = try await evals.runAll(at: commit.id.hex)
        guard let cases = run.evals else {
            throw SuiteDidNotRunError(revision: side, commit: commit.id.hex,
                                      reason: "the eval command: " + (run.couldNotRunReason ?? "no scores"))
        }
        progress("  \(cases.count) eval case\(cases.count == 1 ? "" : "s"), \(cases.map(\.scores.count).max() ?? 0) samples each")
        return report.replacingEvals(cases)
    }

    /// Eval triage for the deploy's score drops, in a scratch directory of its own: their
    /// statistical verdicts and causes (`ScoreTriage`) after the tests'. Unchanged without
    /// `evals:` (the test triage then escalates a score drop it cannot rerun) or score drops.
    func triagingScores(_ detected: Detected, _ outcome: TriageOutcome) async throws -> TriageOutcome {
        let drops = detected.detection.regressions.filter { $0.kind == .scoreDrop }
        guard let evals = parts.evals, let config = config.evals, !drops.isEmpty else { return outcome }
        let options = ScoreTriageOptions(config: self.config, evals: config)
        let scores = try await evals.withSampler(at: range.after.id) { sampler in
            try await ScoreTriage(repositoryPath: setup.root, before: range.before.id, after: range.after.id,
                                  sampler: sampler, options: options, progress: progress).triage(drops)
        }
        return Self.merging(scores, into: outcome)
    }

    /// `outcome` followed by eval triage's verdicts and causes: a group is one cause, any other
    /// case a cause of its own; cause ids stay unique.
    static func merging(_ scores: ScoreTriageOutcome, into outcome: TriageOutcome) -> TriageOutcome {
        var merged = outcome
        var ids = Set(merged.causes.map(\.id))
        func newID(_ representative: String) -> String {
            var id = Cause.id(representative: representative), suffix = 2
            while !ids.insert(id).inserted { (id, suffix) = (Cause.id(representative: representative) + "-\(suffix)", suffix + 1) }
            return id
        }
        var causeOf: [String: String] = [:]
        for group in scores.groups {
            var verdict = group.verdict
            verdict.cause = newID(group.cases[0])
            for id in group.cases { causeOf[id] = verdict.cause }
            merged.causes.append(Cause(id: verdict.cause!, tests: group.cases, verdict: verdict))
        }
        for var item in scores.triaged {
            if let cause = causeOf[item.verdict.test] {
                item.verdict.cause = cause
            } else {
                item.verdict.cause = newID(item.verdict.test)
                merged.causes.append(Cause(id: item.verdict.cause!, tests: [item.verdict.test], verdict: item.verdict))
            }
            merged.triaged.append(item)
        }
        return merged
    }
}

extension ScoreTriageOptions {
    /// Eval triage's knobs from `detection:`, `triage:` and `evals:`.
    init(config: HealConfig, evals: HealConfig.Evals) {
        self.init(threshold: config.detection.scoreThreshold, delta: config.detection.scoreDelta,
                  alpha: config.detection.alpha, confirmSamples: evals.confirmSamples,
                  probe: ScoreProbeOptions(batch: evals.samples, maxSamples: evals.probeMaxSamples),
                  culpritConfidence: config.triage.culpritConfidence, culpritMaxProbes: config.triage.culpritMaxRuns,
                  minimizeMaxProbes: config.triage.minimizeMaxRuns)
    }
}
