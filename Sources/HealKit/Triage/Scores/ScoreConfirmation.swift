import Foundation

/// Triage's judgement of a flagged eval case from fresh samples at the baseline and the deploy
/// ("confirm before blaming"). Detection's own samples are left out: they are the ones that
/// looked bad, so reusing them would count the same luck twice.
public struct ScoreConfirmation: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable, Codable {
        /// Significantly worse now, by more than `score-delta` or across the threshold.
        case introduced
        /// No significant drop: the flag was sampling noise. Logged, never dispatched.
        case noise
        /// Below the threshold at both commits without a significant change.
        case preExisting = "pre-existing"
    }

    public var outcome: Outcome
    public var baseline: ScoreSummary
    public var deploy: ScoreSummary
    public var test: ScoreTestResult
    /// `test.pValue` after Holm's correction for the other cases confirmed with it: the case
    /// is significant when this is at most `alpha`.
    public var adjustedPValue: Double
    /// One line for a human.
    public var reason: String

    /// Judges every flagged case of a run together: each gets the one-sided exact test, and
    /// Holm's procedure holds the family to `alpha`. `samples[id]` are the fresh samples.
    static func judge(_ samples: [(id: String, baseline: [Double], deploy: [Double])], threshold: Double?,
                      delta: Double, alpha: Double) -> [ScoreConfirmation] {
        let tests = samples.map { ScoreTest.less(current: $0.deploy, baseline: $0.baseline) }
        let adjusted = HolmCorrection.adjusted(tests.map(\.pValue))
        return samples.indices.map { index in
            judge(baseline: ScoreSummary(samples[index].baseline), deploy: ScoreSummary(samples[index].deploy),
                  test: tests[index], adjustedPValue: adjusted[index], alpha: alpha, threshold: threshold, delta: delta)
        }
    }

    static func judge(baseline: ScoreSummary, deploy: ScoreSummary, test: ScoreTestResult, adjustedPValue: Double,
                      alpha: Double, threshold: Double?, delta: Double) -> ScoreConfirmation {
        let significant = adjustedPValue <= alpha
        let drop = baseline.mean - deploy.mean
        let crossed = threshold.map { deploy.mean < $0 && baseline.mean >= $0 } ?? false
        let means = "mean \(format(baseline.mean)) (n=\(baseline.n)) at the baseline, \(format(deploy.mean)) (n=\(deploy.n)) at the deploy"
        let judged = "\(test.method.rawValue) p=\(formatP(test.pValue))"
            + (adjustedPValue != test.pValue ? ", Holm-adjusted \(formatP(adjustedPValue))" : "") + ", alpha \(formatP(alpha))"
        func result(_ outcome: Outcome, _ reason: String) -> ScoreConfirmation {
            ScoreConfirmation(outcome: outcome, baseline: baseline, deploy: deploy, test: test, adjustedPValue: adjustedPValue,
                              reason: reason)
        }
        if significant && (drop > delta || crossed) {
            return result(.introduced, "introduced: fresh samples score significantly lower — \(means); \(judged)")
        }
        if let threshold, baseline.mean < threshold, deploy.mean < threshold {
            return result(.preExisting, "pre-existing: below the threshold \(format(threshold)) at both commits — \(means); \(judged)")
        }
        if significant {
            return result(.noise, "noise: fresh samples are significantly lower but within score-delta \(format(delta)) — \(means); \(judged)")
        }
        return result(.noise, "noise: fresh samples show no significant drop — \(means); \(judged)")
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }

    static func formatP(_ p: Double) -> String { p < 0.001 ? String(format: "%.1e", p) : String(format: "%.4f", p) }
}
