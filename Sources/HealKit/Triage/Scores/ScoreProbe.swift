/// Classifies a commit as scoring "like the baseline" or "like the deploy" from fresh samples:
/// Wald's sequential probability ratio test, over the summed log-likelihood ratios of every
/// case of the cause (`ScoreModel`), drawing one batch per case at a time until the ratio
/// crosses ±`options.threshold` or `options.maxSamples` are spent.
///
/// In a culprit search "like the baseline" is a PASS and "like the deploy" a FAIL; an undecided
/// probe, or a commit where a case could not run, is a skip (like a commit that does not build).
public enum ScoreProbe {
    public enum Verdict: String, Sendable, Equatable, Codable {
        case likeBaseline = "like-baseline"
        case likeDeploy = "like-deploy"
        /// The cap was reached first.
        case undecided
        /// A case produced no score at this commit.
        case couldNotRun = "could-not-run"
    }

    public struct Result: Sendable, Equatable {
        public var verdict: Verdict
        /// Samples drawn, over all cases.
        public var samples: Int
        /// Calls of the case command.
        public var calls: Int
        /// The final log-likelihood ratio (positive: like the deploy).
        public var logLikelihoodRatio: Double
        /// Samples per case drawn (the fewest any case returned, batch by batch).
        public var drawnPerCase: Int

        /// As one run of a culprit search.
        public var commitOutcome: CommitTestOutcome {
            switch verdict {
            case .likeBaseline: .pass
            case .likeDeploy: .fail
            case .undecided, .couldNotRun: .skip
            }
        }

        /// As one trial of delta debugging (reverting hunks that restore the baseline's scores
        /// is a PASS).
        public var revertOutcome: RevertOutcome {
            switch verdict {
            case .likeBaseline: .pass
            case .likeDeploy: .fail
            case .undecided, .couldNotRun: .unresolved
            }
        }
    }

    /// Probes one commit; `draw(case, count)` runs case `case` (an index into `models`) for
    /// `count` fresh samples and returns them, or nil when it produced none. An undecided
    /// probe of the same code can be `resuming`: its samples still count, and it may draw
    /// `options.maxSamples` more.
    static func run(models: [ScoreModel], options: ScoreProbeOptions, resuming earlier: Result? = nil,
                    draw: (Int, Int) async throws -> [Double]?) async rethrows -> Result {
        var result = earlier ?? Result(verdict: .undecided, samples: 0, calls: 0, logLikelihoodRatio: 0, drawnPerCase: 0)
        guard !models.isEmpty else {
            result.verdict = .couldNotRun
            return result
        }
        let cap = result.drawnPerCase + options.maxSamples
        while result.drawnPerCase < cap {
            let count = min(options.batch, cap - result.drawnPerCase)
            var fewest = Int.max
            for (index, model) in models.enumerated() {
                result.calls += 1
                guard let batch = try await draw(index, count), !batch.isEmpty else {
                    result.verdict = .couldNotRun
                    return result
                }
                result.samples += batch.count
                fewest = min(fewest, batch.count)
                for score in batch {
                    result.logLikelihoodRatio += min(max(model.logLikelihoodRatio(score), -options.sampleClip), options.sampleClip)
                }
            }
            result.drawnPerCase += fewest
            if result.logLikelihoodRatio >= options.threshold {
                result.verdict = .likeDeploy
                return result
            }
            if result.logLikelihoodRatio <= -options.threshold {
                result.verdict = .likeBaseline
                return result
            }
        }
        result.verdict = .undecided
        return result
    }
}
