import Foundation
@testable import HealKit
import Testing

/// Seeded simulations of delta debugging with the eval probe as its oracle: H candidate hunks,
/// one of which drops the score; reverting a subset that holds it scores like the baseline.
/// Compared with plain ddmin (its halving phase trusting every probe).
@Suite("Eval delta debugging simulation")
struct ScoreMinimizeSimulationTests {
    static let runs = 500

    @Test("ddmin with the probe finds the one causal hunk in ≥ 98% of runs at noise 0.05–0.3",
          arguments: [ScoreSimulation.Family.passFail, .continuous], [0.05, 0.1, 0.2, 0.3])
    func accuracy(family: ScoreSimulation.Family, noise: Double) async {
        var world = ScoreSimulation(family: family, noise: noise, rng: SplitMix64(seed: 0xDD ^ UInt64(noise * 1000)))
        let options = ScoreTriageOptions()
        var correct = 0, samples = 0, probes = 0, plainCorrect = 0, plainSamples = 0
        for _ in 0..<Self.runs {
            let hunks = Int.random(in: 1...16, using: &world.rng)
            let culprit = Int.random(in: 0..<hunks, using: &world.rng)
            var before = world.samples(options.confirmSamples, broken: false)
            var after = world.samples(options.confirmSamples, broken: true)
            let wanted = ScoreOracle(baseline: [before], deploy: [after], probe: options.probe)!
                .modelSamplesWanted(have: options.confirmSamples, limit: options.modelSamples)
            before += world.samples(wanted - options.confirmSamples, broken: false)
            after += world.samples(wanted - options.confirmSamples, broken: true)
            let oracle = ScoreOracle(baseline: [before], deploy: [after], probe: options.probe)!
            let (result, drawn) = await oracle.minimize(candidateCount: hunks, confidence: options.culpritConfidence,
                                                        maxProbes: options.minimizeMaxProbes,
                                                        confirming: options.minimizeProbe) { subset, _, count in
                world.samples(count, broken: !subset.contains(culprit))
            }
            samples += drawn
            probes += result.runs
            if result.minimal == [culprit] { correct += 1 }

            // The obvious alternative: ddmin's own halving, every trial a confirming probe.
            let plain = await DeltaDebugging.minimize(candidateCount: hunks, maxRuns: options.minimizeMaxProbes) { subset in
                let probe = await oracle.probe(options.minimizeProbe) { _, count in
                    world.samples(count, broken: !subset.contains(culprit))
                }
                plainSamples += probe.samples
                return probe.revertOutcome
            }
            if plain.minimal == [culprit] { plainCorrect += 1 }
        }
        let accuracy = Double(correct) / Double(Self.runs)
        print("| ddmin \(family.rawValue) | \(noise) | \(Self.runs) | "
              + String(format: "%.1f%% | %.1f | %.1f | %.1f%% | %.1f |", accuracy * 100, Double(samples) / Double(Self.runs),
                       Double(probes) / Double(Self.runs), Double(plainCorrect) / Double(Self.runs) * 100,
                       Double(plainSamples) / Double(Self.runs)))
        #expect(accuracy >= 0.98)
    }

    @Test("a cause that needs two hunks together is narrowed to a revert set that restores the scores")
    func twoHunks() async {
        var world = ScoreSimulation(family: .continuous, noise: 0.05, rng: SplitMix64(seed: 7))
        let options = ScoreTriageOptions()
        let oracle = ScoreOracle(baseline: [world.samples(20, broken: false)], deploy: [world.samples(20, broken: true)],
                                 probe: options.probe)!
        // Broken only while hunks 2 and 5 are both applied: reverting either one restores it.
        let (both, _) = await oracle.minimize(candidateCount: 8, confidence: 0.99, maxProbes: 32,
                                              confirming: options.minimizeProbe) { subset, _, count in
            world.samples(count, broken: !subset.contains(2) && !subset.contains(5))
        }
        #expect(both.minimal == [5] || both.minimal == [2])
        // Broken while either is applied: both must go.
        let (either, _) = await oracle.minimize(candidateCount: 8, confidence: 0.99, maxProbes: 32,
                                                confirming: options.minimizeProbe) { subset, _, count in
            world.samples(count, broken: !subset.contains(2) || !subset.contains(5))
        }
        #expect(either.minimal == [2, 5])
        #expect(either.status == .minimal)
    }
}
