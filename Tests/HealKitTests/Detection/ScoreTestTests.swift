@testable import HealKit
import Testing

/// The one-sided score tests against SciPy 1.15's values (`fisher_exact(alternative="less")`,
/// `mannwhitneyu(method="exact")`, and a full enumeration of rank sums for ties).
@Suite("Score tests")
struct ScoreTestTests {
    @Test("Fisher's exact test agrees with SciPy", arguments: [
        (2, 10, 9, 10, 0.002738747320790664), (0, 5, 5, 5, 0.003968253968253969),
        (3, 20, 15, 20, 0.0001642093579995597), (10, 10, 10, 10, 1.0), (1, 3, 2, 4, 0.6285714285714286),
    ])
    func fisher(x: Int, n1: Int, y: Int, n2: Int, expected: Double) {
        let p = FisherExact.pValueLess(currentPasses: x, currentCount: n1, baselinePasses: y, baselineCount: n2)
        #expect(abs(p - expected) < 1e-9 * max(1, expected))
    }

    @Test("0/1 samples are judged by Fisher's exact test")
    func passFailUsesFisher() {
        let result = ScoreTest.less(current: [0, 0, 1, 0, 0, 0, 0, 0, 1, 0], baseline: [1, 1, 1, 0, 1, 1, 1, 1, 1, 1])
        #expect(result.method == .fisherExact)
        #expect(abs(result.pValue - 0.002738747320790664) < 1e-12)
    }

    @Test("continuous samples: the exact Mann-Whitney U agrees with SciPy, without and with ties")
    func exactMannWhitney() {
        let plain = ScoreTest.less(current: [0.1, 0.4, 0.35, 0.2, 0.5], baseline: [0.6, 0.45, 0.8, 0.7, 0.9, 0.55])
        #expect(plain.method == .mannWhitneyExact)
        #expect(abs(plain.pValue - 0.004329004329004329) < 1e-12)
        let tied = ScoreTest.less(current: [0.5, 0.5, 0.2, 0.7, 0.5], baseline: [0.5, 0.9, 0.7, 0.7, 0.5, 1.0])
        #expect(abs(tied.pValue - 0.07792207792207792) < 1e-12)
    }

    @Test("an improvement or no change is never significant; an empty side gives 1")
    func noDrop() {
        #expect(ScoreTest.less(current: [0.9, 0.8, 0.95], baseline: [0.1, 0.2, 0.3]).pValue > 0.9)
        #expect(ScoreTest.less(current: [1, 1, 1], baseline: [1, 1, 1]).pValue == 1)
        #expect(ScoreTest.less(current: [], baseline: [0.5]).pValue == 1)
        #expect(ScoreTest.less(current: [0.5, 0.5], baseline: [0.5, 0.5]).pValue == 1)
    }

    @Test("more than the exact limit falls back to the normal approximation, close to the exact value")
    func largeSamples() {
        let current = (0..<45).map { Double($0) / 100 }, baseline = (0..<45).map { 0.1 + Double($0) / 100 }
        let large = ScoreTest.less(current: current, baseline: baseline)
        #expect(large.method == .mannWhitneyNormal)
        let exact = MannWhitney.exactPValueLess(current: Array(current.prefix(40)), baseline: Array(baseline.prefix(40)))!
        let normal = MannWhitney.pValueLess(current: Array(current.prefix(40)), baseline: Array(baseline.prefix(40)))
        #expect(abs(exact - normal) < 0.01)
    }
}
