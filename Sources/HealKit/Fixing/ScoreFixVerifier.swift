import GitKit

/// Verifies a fix of eval regressions on fresh samples, every call of the case command in a
/// fresh scratch directory holding exactly the fix commit's tree (`EvalRunner`): each case of
/// the cause drawn `samples` times and judged against its confirmed baseline and deploy
/// samples (`ScoreVerification.check`), then every case run once with the fix and compared
/// with the deploy's eval report — a flagged drop confirmed with fresh samples on both sides
/// (`ScoreConfirmation`) fails the fix.
public struct ScoreFixVerifier: Sendable {
    public let evals: EvalRunner
    /// Fresh samples per case with the fix (`evals.confirm-samples`).
    public let samples: Int
    public let detection: DetectionOptions

    public init(evals: EvalRunner, samples: Int, detection: DetectionOptions) {
        self.evals = evals
        self.samples = max(samples, 2)
        self.detection = detection
    }

    /// `cases`: the cause's cases with their confirmed samples; `deployEvals`: every case at
    /// the deploy commit, taken before any agent ran.
    public func verify(_ cases: [(id: String, baseline: [Double], deploy: [Double])], at commit: ObjectID,
                       deployCommit: ObjectID, deployEvals: [EvalCase]) async throws -> ScoreVerification {
        var checks: [ScoreVerification.CaseCheck] = []
        for item in cases {
            let fixed = try await draw(item.id, samples, at: commit) ?? []
            checks.append(ScoreVerification.check(item.id, baseline: item.baseline, deploy: item.deploy, fixed: fixed,
                                                  threshold: detection.scoreThreshold, alpha: detection.alpha))
        }
        guard checks.allSatisfy({ $0.failure == nil }) else { return ScoreVerification(cases: checks, otherDrops: []) }
        let mine = Set(cases.map(\.id))
        guard let fixedEvals = try await evals.runAll(at: commit.hex).evals else {
            return ScoreVerification(cases: checks, otherDrops: ["the eval suite did not run with the fix"])
        }
        let flagged = Detector.scoreDrops(baseline: TestReport(evals: deployEvals), current: TestReport(evals: fixedEvals),
                                          options: detection).map(\.test).filter { !mine.contains($0) }
        // The deploy is the "baseline" of this comparison: did the fix make another case worse?
        var sampled: [(id: String, baseline: [Double], deploy: [Double])] = []
        var other: [String] = []
        for id in flagged {
            guard let fixed = try await draw(id, samples, at: commit),
                  let deploy = try await draw(id, samples, at: deployCommit) else {
                other.append("\(id): no fresh scores with the fix or at the deploy")
                continue
            }
            sampled.append((id, deploy, fixed))
        }
        let drops = ScoreConfirmation.judge(sampled, threshold: detection.scoreThreshold, delta: detection.scoreDelta,
                                            alpha: detection.alpha)
        other += zip(sampled, drops).filter { $0.1.outcome == .introduced }.map { item, judged in
            "\(item.id): mean \(ScoreConfirmation.format(judged.deploy.mean)) with the fix against "
                + "\(ScoreConfirmation.format(judged.baseline.mean)) at the deploy (n=\(judged.deploy.n) each, "
                + "\(judged.test.method.rawValue) p=\(ScoreConfirmation.formatP(judged.test.pValue)))"
        }
        return ScoreVerification(cases: checks, otherDrops: other)
    }

    /// `count` fresh samples in calls of `evals.samples`, each in a fresh directory.
    private func draw(_ id: String, _ count: Int, at commit: ObjectID) async throws -> [Double]? {
        var samples: [Double] = []
        while samples.count < count {
            guard let batch = try await evals.sample(case: id, count: min(evals.evals.samples, count - samples.count),
                                                     at: commit.hex).evals?.first?.scores, !batch.isEmpty else { return nil }
            samples += batch
        }
        return samples
    }
}
