@testable import HealKit
import Testing

@Suite("Score verification")
struct ScoreVerificationTests {
    static let high: [Double] = (0..<20).map { $0 % 10 == 0 ? 0 : 1 }
    static let low: [Double] = (0..<20).map { $0 % 10 == 0 ? 1 : 0 }

    @Test("scores back at the baseline's level verify; the deploy's level, or a partial fix, do not")
    func cases() {
        let fixed = ScoreVerification.check("c", baseline: Self.high, deploy: Self.low, fixed: Self.high.reversed(),
                                            threshold: 0.8, alpha: 0.01)
        #expect(fixed.failure == nil)
        #expect(fixed.againstDeploy.pValue < 0.01)
        let unchanged = ScoreVerification.check("c", baseline: Self.high, deploy: Self.low, fixed: Self.low,
                                                threshold: nil, alpha: 0.01)
        #expect(unchanged.failure?.hasPrefix("still significantly below the baseline") == true)
        let half: [Double] = (0..<20).map { $0 % 4 == 0 ? 0 : 1 }
        let belowThreshold = ScoreVerification.check("c", baseline: Self.high, deploy: Self.low, fixed: half,
                                                     threshold: 0.8, alpha: 0.01)
        #expect(belowThreshold.failure?.contains("below the threshold") == true)
        let nothing = ScoreVerification.check("c", baseline: Self.high, deploy: Self.low, fixed: [], threshold: nil, alpha: 0.01)
        #expect(nothing.failure == "the case produced no scores with the fix")
    }

    @Test("the failure reason names every failing case and every other case that dropped")
    func reason() {
        let bad = ScoreVerification.check("a", baseline: Self.high, deploy: Self.low, fixed: Self.low, threshold: nil, alpha: 0.01)
        let good = ScoreVerification.check("b", baseline: Self.high, deploy: Self.low, fixed: Self.high, threshold: nil, alpha: 0.01)
        #expect(ScoreVerification(cases: [good], otherDrops: []).failureReason == nil)
        let reason = ScoreVerification(cases: [bad, good], otherDrops: ["poem: mean 0.2"]).failureReason ?? ""
        #expect(reason.hasPrefix("a: still significantly below the baseline"))
        #expect(reason.hasSuffix("another case dropped with the fix — poem: mean 0.2"))
    }
}
