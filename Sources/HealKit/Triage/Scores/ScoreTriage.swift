import Foundation
import GitKit

/// Triage of eval score drops, statistical from end to end (the test path's rules, with noisy
/// evidence): confirm every flagged case with fresh samples on both sides (`ScoreConfirmation`,
/// exact tests with Holm's correction); for the introduced ones, strongest first, join an
/// earlier case's cause when probes say it scores like the baseline at the culprit's parent
/// and with the cause's hunks reverted, and like the deploy at the culprit — else find its
/// own culprit (flake-aware search with `ScoreProbe`s) and causal hunks (`ScoreOracle.minimize`).
///
/// Every sample comes through `sampler`, a fresh process per call.
public struct ScoreTriage {
    public let repositoryPath: String
    public let before: ObjectID
    public let after: ObjectID
    public let sampler: any EvalSampler
    public let options: ScoreTriageOptions
    public let progress: @Sendable (String) -> Void

    public init(repositoryPath: String, before: ObjectID, after: ObjectID, sampler: any EvalSampler,
                options: ScoreTriageOptions, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.repositoryPath = repositoryPath
        self.before = before
        self.after = after
        self.sampler = sampler
        self.options = options
        self.progress = progress
    }

    /// Triages `regressions` (score drops) together: one family for the confirmation tests.
    public func triage(_ regressions: [Regression]) async throws -> ScoreTriageOutcome {
        var session = try ScoreTriageSession(triage: self)
        return try await session.run(regressions)
    }
}

/// One eval triage's state: calls and samples spent per case, the causes found so far.
struct ScoreTriageSession {
    let triage: ScoreTriage
    let repository: Repository
    var calls: [String: Int] = [:]
    var probeSamples: [String: Int] = [:]
    var causes: [ScoreCauseDraft] = []

    init(triage: ScoreTriage) throws {
        self.triage = triage
        repository = try Repository(discovering: triage.repositoryPath)
    }

    var options: ScoreTriageOptions { triage.options }

    mutating func run(_ regressions: [Regression]) async throws -> ScoreTriageOutcome {
        var sampled: [(id: String, baseline: [Double], deploy: [Double])] = []
        var results: [String: TriagedRegression] = [:]
        for regression in regressions {
            triage.progress("confirming \(regression.test) with fresh samples at both commits…")
            guard let deploy = try await draw(regression.test, options.confirmSamples, at: triage.after) else {
                results[regression.test] = unsampled(regression.test, "the case produced no scores at the deploy in a fresh run")
                continue
            }
            guard let baseline = try await draw(regression.test, options.confirmSamples, at: triage.before) else {
                results[regression.test] = unsampled(regression.test, "the case produced no scores at the baseline (new in this "
                                                     + "deploy, or it cannot run there): nothing to compare the deploy with")
                continue
            }
            sampled.append((regression.test, baseline, deploy))
        }
        let judged = ScoreConfirmation.judge(sampled, threshold: options.threshold, delta: options.delta, alpha: options.alpha)
        let introduced = zip(sampled, judged).filter { $0.1.outcome == .introduced }
            .sorted { $0.1.adjustedPValue < $1.1.adjustedPValue }
        for (samples, confirmation) in zip(sampled, judged) where confirmation.outcome != .introduced {
            triage.progress("  \(samples.id): \(confirmation.reason)")
            results[samples.id] = settled(samples.id, confirmation)
        }
        for (samples, confirmation) in introduced {
            results[samples.id] = try await locateOrJoin(samples, confirmation)
        }
        return ScoreTriageOutcome(triaged: regressions.compactMap { results[$0.test] },
                                  groups: causes.map { ScoreTriageOutcome.Group(cases: $0.cases, verdict: $0.verdict) })
    }

    /// `count` fresh samples of `id` at `commit` (with `files` written over it), in calls of
    /// `evals.samples`; nil when a call produced none.
    mutating func draw(_ id: String, _ count: Int, at commit: ObjectID,
                       replacing files: [String: Data?] = [:]) async throws -> [Double]? {
        var samples: [Double] = []
        while samples.count < count {
            calls[id, default: 0] += 1
            guard let batch = try await triage.sampler.sample(case: id, count: min(options.probe.batch, count - samples.count),
                                                              at: commit, replacing: files), !batch.isEmpty else { return nil }
            samples += batch
        }
        return samples
    }

    private func unsampled(_ id: String, _ why: String) -> TriagedRegression {
        let verdict = TestVerdict(test: id, verdict: .ambiguous, reason: "ambiguous: \(why)", testRuns: calls[id, default: 0])
        return TriagedRegression(verdict: verdict, evidenceRuns: verdict.testRuns)
    }

    private func settled(_ id: String, _ confirmation: ScoreConfirmation) -> TriagedRegression {
        let kind: VerdictKind = confirmation.outcome == .preExisting ? .preExisting : .noise
        let verdict = TestVerdict(test: id, verdict: kind, reason: confirmation.reason, testRuns: calls[id, default: 0])
        return TriagedRegression(verdict: verdict, evidenceRuns: verdict.testRuns, scores: evidence(id, confirmation))
    }

    func evidence(_ id: String, _ confirmation: ScoreConfirmation) -> ScoreEvidence {
        ScoreEvidence(confirmation: confirmation, calls: calls[id, default: 0], probeSamples: probeSamples[id, default: 0])
    }
}
