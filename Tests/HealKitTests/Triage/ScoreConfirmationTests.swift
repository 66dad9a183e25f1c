@testable import HealKit
import Testing

@Suite("Score confirmation")
struct ScoreConfirmationTests {
    static let high = [0.9, 0.85, 0.95, 0.88, 0.92, 0.91, 0.87, 0.93, 0.9, 0.89]
    static let low = [0.4, 0.5, 0.45, 0.42, 0.48, 0.39, 0.51, 0.44, 0.47, 0.43]
    static let middle = [0.6, 0.9, 0.7, 0.85, 0.65, 0.8, 0.75, 0.95, 0.7, 0.6]

    @Test("a significant drop beyond score-delta is introduced; the same samples on both sides are noise")
    func introducedAndNoise() {
        let judged = ScoreConfirmation.judge([("drop", Self.high, Self.low), ("same", Self.middle, Self.middle.reversed())],
                                             threshold: nil, delta: 0.05, alpha: 0.05)
        #expect(judged.map(\.outcome) == [.introduced, .noise])
        #expect(judged[0].test.method == .mannWhitneyExact)
        #expect(judged[0].reason.hasPrefix("introduced"))
        #expect(judged[1].reason.hasPrefix("noise: fresh samples show no significant drop"))
    }

    @Test("below the threshold at both commits without a significant change is pre-existing")
    func preExisting() {
        let judged = ScoreConfirmation.judge([("weak", Self.low, Self.low.shuffled())], threshold: 0.8, delta: 0.05, alpha: 0.05)
        #expect(judged[0].outcome == .preExisting)
    }

    @Test("a significant drop smaller than score-delta that stays above the threshold is noise")
    func smallDrop() {
        let before = (0..<30).map { 0.90 + Double($0 % 5) * 0.001 }, after = (0..<30).map { 0.88 + Double($0 % 5) * 0.001 }
        let judged = ScoreConfirmation.judge([("tiny", before, after)], threshold: 0.8, delta: 0.05, alpha: 0.05)
        #expect(judged[0].outcome == .noise)
        #expect(judged[0].reason.contains("within score-delta"))
        let crossing = ScoreConfirmation.judge([("edge", before.map { $0 - 0.08 }, after.map { $0 - 0.08 })],
                                               threshold: 0.81, delta: 0.05, alpha: 0.05)
        #expect(crossing[0].outcome == .introduced)
    }

    @Test("Holm's correction: with many cases confirmed together a borderline one is kept as noise")
    func familyWise() {
        // 8 of 10 passes, then 2 of 10: Fisher p = 0.0115.
        let before: [Double] = [1, 1, 1, 1, 0, 1, 1, 1, 0, 1], after: [Double] = [0, 0, 1, 0, 0, 0, 1, 0, 0, 0]
        let borderline = ScoreConfirmation.judge([("b", before, after)], threshold: nil, delta: 0.05, alpha: 0.05)
        #expect(borderline[0].outcome == .introduced)
        let crowd = [("b", before, after)] + (0..<9).map { ("n\($0)", Self.middle, Self.middle) }
        let judged = ScoreConfirmation.judge(crowd, threshold: nil, delta: 0.05, alpha: 0.05)
        #expect(judged[0].outcome == .noise)
        #expect(abs(judged[0].adjustedPValue - 10 * judged[0].test.pValue) < 1e-12)
    }
}
