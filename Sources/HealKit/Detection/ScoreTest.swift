/// The one-sided test heal uses on score samples, wherever it asks "are these scores worse than
/// those?" — detection, triage's confirmation and a fix's verification.
public struct ScoreTestResult: Sendable, Equatable, Codable {
    /// Which test decided.
    public enum Method: String, Sendable, Equatable, Codable {
        /// Every sample is 0 or 1: Fisher's exact test on passes and fails.
        case fisherExact = "fisher-exact"
        /// Continuous scores, at most `MannWhitney.exactLimit` pooled: the exact permutation
        /// distribution of the Mann-Whitney U statistic.
        case mannWhitneyExact = "mann-whitney-exact"
        /// Larger samples: Mann-Whitney U with the tie-corrected normal approximation.
        case mannWhitneyNormal = "mann-whitney-normal"
    }

    public var method: Method
    /// P-value of "current is stochastically smaller than baseline".
    public var pValue: Double

    public init(method: Method, pValue: Double) {
        self.method = method
        self.pValue = pValue
    }
}

enum ScoreTest {
    /// Whether `current` scores lower than `baseline`, by the exact test that fits the samples.
    static func less(current: [Double], baseline: [Double]) -> ScoreTestResult {
        let binary = (current + baseline).allSatisfy { $0 == 0 || $0 == 1 }
        if binary {
            let p = FisherExact.pValueLess(currentPasses: current.count { $0 == 1 }, currentCount: current.count,
                                           baselinePasses: baseline.count { $0 == 1 }, baselineCount: baseline.count)
            return ScoreTestResult(method: .fisherExact, pValue: p)
        }
        if let p = MannWhitney.exactPValueLess(current: current, baseline: baseline) {
            return ScoreTestResult(method: .mannWhitneyExact, pValue: p)
        }
        return ScoreTestResult(method: .mannWhitneyNormal,
                               pValue: MannWhitney.pValueLess(current: current, baseline: baseline))
    }
}
