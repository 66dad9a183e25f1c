import Foundation

/// Fisher's exact test, one-sided: do pass/fail samples (scores of exactly 0 or 1) pass less
/// often now than at the baseline?
///
/// Chosen over an exact binomial comparison because the baseline's pass rate is itself only a
/// sample: conditioning on the total number of passes removes that unknown rate, so the test is
/// exact at every sample size without estimating it. It is conservative for discrete data (a
/// false alarm has probability at most `alpha`), the side heal must err on before blaming a
/// deploy. With 0/1 samples it is the exact (permutation) Mann-Whitney U test.
enum FisherExact {
    /// P(at most `currentPasses` of the `currentCount` current samples pass) when the
    /// `currentPasses + baselinePasses` passes fall at random among all samples; 1 when a side
    /// is empty.
    static func pValueLess(currentPasses: Int, currentCount: Int, baselinePasses: Int, baselineCount: Int) -> Double {
        guard currentCount > 0, baselineCount > 0 else { return 1 }
        let total = currentCount + baselineCount
        let passes = currentPasses + baselinePasses
        let lowest = max(0, passes - baselineCount)
        guard currentPasses >= lowest else { return 1 }
        var p = 0.0
        for k in lowest...currentPasses {
            p += exp(logChoose(passes, k) + logChoose(total - passes, currentCount - k) - logChoose(total, currentCount))
        }
        return min(p, 1)
    }

    static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
    }
}
