@testable import HealKit
import Testing

@Suite("Score probe")
struct ScoreProbeTests {
    static let baseline: [Double] = [1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1]
    static let deploy: [Double] = [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]

    static func oracle(maxSamples: Int = 40) -> ScoreOracle {
        ScoreOracle(baseline: [baseline], deploy: [deploy], probe: ScoreProbeOptions(error: 0.01, batch: 5, maxSamples: maxSamples))!
    }

    @Test("samples like the deploy's decide 'like the deploy' within one batch; like the baseline's, the other way")
    func decides() async {
        let failing = await Self.oracle().probe { _, count in Array(repeating: 0, count: count) }
        #expect(failing.verdict == .likeDeploy)
        #expect(failing.commitOutcome == .fail && failing.revertOutcome == .fail)
        #expect(failing.samples == 5 && failing.calls == 1)
        let passing = await Self.oracle().probe { _, count in Array(repeating: 1, count: count) }
        #expect(passing.verdict == .likeBaseline)
        #expect(passing.commitOutcome == .pass && passing.revertOutcome == .pass)
    }

    @Test("one sample never decides: its ratio is clipped to half the threshold")
    func oneSampleNeverDecides() async {
        let result = await Self.oracle().probe { _, _ in [0] }
        #expect(result.verdict == .likeDeploy)
        #expect(result.samples >= 2)
    }

    @Test("alternating samples stay undecided until the cap, which is a skip; a resumed probe keeps its samples")
    func undecided() async {
        var flip = false
        let result = await Self.oracle(maxSamples: 10).probe { _, count in
            (0..<count).map { _ in flip.toggle(); return flip ? 1 : 0 }
        }
        #expect(result.verdict == .undecided)
        #expect(result.commitOutcome == .skip && result.revertOutcome == .unresolved)
        #expect(result.drawnPerCase == 10)
        let resumed = await Self.oracle(maxSamples: 10).probe(resuming: result) { _, count in Array(repeating: 1, count: count) }
        #expect(resumed.verdict == .likeBaseline)
        #expect(resumed.samples > result.samples)
    }

    @Test("a case that produces no score makes the probe could-not-run (a skip)")
    func couldNotRun() async {
        let result = await Self.oracle().probe { _, _ in nil }
        #expect(result.verdict == .couldNotRun)
        #expect(result.commitOutcome == .skip)
    }

    @Test("several cases of one cause add their evidence: two weak cases decide where one does not")
    func severalCases() async {
        let weakBefore: [Double] = (0..<20).map { $0 % 10 < 6 ? 1 : 0 }, weakAfter: [Double] = (0..<20).map { $0 % 10 < 4 ? 1 : 0 }
        let options = ScoreProbeOptions(error: 0.01, batch: 5, maxSamples: 10)
        let one = ScoreOracle(baseline: [weakBefore], deploy: [weakAfter], probe: options)!
        let two = ScoreOracle(baseline: [weakBefore, Self.baseline], deploy: [weakAfter, Self.deploy], probe: options)!
        let draw: (Int, Int) -> [Double]? = { index, count in Array(repeating: 0, count: count) }
        #expect(await one.probe(draw: draw).drawnPerCase > (await two.probe(draw: draw).drawnPerCase))
    }

    @Test("continuous scores: the kernel model tells 0.5s from 0.8s and a value neither side showed moves little")
    func continuous() async {
        let before = (0..<20).map { 0.8 + Double($0 % 5 - 2) * 0.02 }, after = (0..<20).map { 0.5 + Double($0 % 5 - 2) * 0.02 }
        let oracle = ScoreOracle(baseline: [before], deploy: [after], probe: ScoreProbeOptions(error: 0.01, batch: 5))!
        #expect(await oracle.probe { _, count in Array(repeating: 0.51, count: count) }.verdict == .likeDeploy)
        #expect(await oracle.probe { _, count in Array(repeating: 0.79, count: count) }.verdict == .likeBaseline)
        let model = ScoreModel(baseline: before, deploy: after)!
        #expect(abs(model.logLikelihoodRatio(0.05)) < 1)
    }
}
