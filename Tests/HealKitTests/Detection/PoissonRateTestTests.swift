import Foundation
@testable import HealKit
import Testing
import TestSupport

/// The exact conditional Poisson test checked against an independent computation: Python's
/// exact rational arithmetic (`fractions.Fraction`, `math.comb`) summing the binomial tail term
/// by term, with no incomplete beta and no floating point until the end.
@Suite struct PoissonRateTestTests {
    /// (baseline count, baseline seconds, current count, current seconds)
    static let cases: [(Int, Int, Int, Int)] = [
        (0, 86_400, 3, 3_600), (5, 86_400, 30, 3_600), (10, 3_600, 10, 3_600), (100, 3_600, 130, 3_600),
        (240, 86_400, 12, 3_600), (0, 60, 3, 3_600), (50, 7_200, 40, 3_600), (300, 3_600, 280, 3_600),
        (3, 100, 7, 50), (0, 1, 1, 1), (400, 86_400, 200, 3_600), (1, 86_400, 0, 3_600), (20, 1_800, 45, 1_800),
    ]

    @Test func matchesExactRationalTails() throws {
        let script = """
            import json, sys
            from fractions import Fraction
            from math import comb
            out = []
            for n1, t1, n2, t2 in json.load(sys.stdin):
                p = Fraction(t2, t1 + t2)
                n = n1 + n2
                tail = sum(comb(n, k) * p**k * (1 - p)**(n - k) for k in range(n2, n + 1)) if n2 > 0 else Fraction(1)
                out.append(float(tail))
            print(json.dumps(out))
            """
        let input = try String(decoding: JSONSerialization.data(withJSONObject: Self.cases.map { [$0.0, $0.1, $0.2, $0.3] }),
                               as: UTF8.self)
        let result = try Shell.check(["python3", "-c", script], input: input)
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(result.utf8)) as? [Double])
        for (index, (n1, t1, n2, t2)) in Self.cases.enumerated() {
            let p = PoissonRateTest.pValueIncrease(baselineCount: n1, baselineExposure: Double(t1),
                                                   currentCount: n2, currentExposure: Double(t2))
            let oracle = expected[index]
            #expect(abs(p - oracle) <= 1e-10 * max(oracle, 1e-300) + 1e-15, "case \(Self.cases[index]): \(p) vs \(oracle)")
        }
    }

    @Test func largeCountsStayFiniteAndOrdered() {
        let steady = PoissonRateTest.pValueIncrease(baselineCount: 240_000, baselineExposure: 86_400,
                                                    currentCount: 10_000, currentExposure: 3_600)
        let doubled = PoissonRateTest.pValueIncrease(baselineCount: 240_000, baselineExposure: 86_400,
                                                     currentCount: 20_000, currentExposure: 3_600)
        #expect(steady > 0.3 && steady < 0.7)
        #expect(doubled < 1e-100)
    }

    @Test func holmAdjustsStepDown() {
        // m = 4: sorted 0.01, 0.02, 0.03, 0.5 → 0.04, max(0.04, 0.06), max(0.06, 0.06), max(0.06, 0.5).
        let adjusted = HolmCorrection.adjusted([0.03, 0.5, 0.01, 0.02])
        #expect(zip(adjusted, [0.06, 0.5, 0.04, 0.06]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(HolmCorrection.adjusted([]).isEmpty)
        #expect(HolmCorrection.adjusted([0.9, 0.8]) == [1, 1])
    }
}
