import HealKit
import Testing

/// Seeded simulations of a one-sided flaky test: the flake-aware search against plain bisect.
@Suite("Culprit search simulation")
struct CulpritSimulationTests {
    struct Tally {
        var searches = 0, correct = 0, runs = 0
        var accuracy: Double { Double(correct) / Double(searches) }
        var meanRuns: Double { Double(runs) / Double(searches) }
    }

    static let sizes = [2, 3, 5, 8, 12, 16, 25, 40, 64]
    static let seedsPerPosition = 6

    /// `git bisect`'s rule: trust every answer.
    static func plainBisect(commitCount: Int, test: (Int) -> CommitTestOutcome) -> (culprit: Int, runs: Int) {
        var low = 0, high = commitCount - 1, runs = 0
        while low < high {
            let mid = (low + high) / 2
            runs += 1
            if test(mid) == .fail { high = mid } else { low = mid + 1 }
        }
        return (low, runs)
    }

    static func simulate(trueFlakeRate: Double, modelFlakeRate: Double, seed: UInt64) async -> (search: Tally, bisect: Tally) {
        var rng = SplitMix64(seed: seed)
        var search = Tally(), bisect = Tally()
        let options = CulpritSearchOptions(flakeRate: modelFlakeRate)
        for n in sizes {
            for culprit in 0..<n {
                for _ in 0..<seedsPerPosition {
                    let result = await CulpritSearch.run(commitCount: n, options: options) { i in
                        i >= culprit || rng.chance(trueFlakeRate) ? .fail : .pass
                    }
                    search.searches += 1
                    search.runs += result.runs
                    if result.culprit == culprit { search.correct += 1 }
                    let plain = plainBisect(commitCount: n) { i in
                        i >= culprit || rng.chance(trueFlakeRate) ? .fail : .pass
                    }
                    bisect.searches += 1
                    bisect.runs += plain.runs
                    if plain.culprit == culprit { bisect.correct += 1 }
                }
            }
        }
        return (search, bisect)
    }

    static func report(_ label: String, _ tally: Tally) -> String {
        "\(label) accuracy \(String(format: "%.4f", tally.accuracy)) mean runs \(String(format: "%.2f", tally.meanRuns))"
    }

    @Test("with a one-sided flaky test the flake-aware search is right in ≥ 98% of simulations",
          arguments: [0.05, 0.1, 0.2, 0.3])
    func accuracyWithKnownFlakeRate(flakeRate: Double) async {
        let (search, bisect) = await Self.simulate(trueFlakeRate: flakeRate, modelFlakeRate: flakeRate,
                                                   seed: 0xC0FFEE ^ UInt64(flakeRate * 1000))
        print("flake \(flakeRate), model \(flakeRate), \(search.searches) searches: "
              + Self.report("flake-aware", search) + "; " + Self.report("plain bisect", bisect))
        #expect(search.accuracy >= 0.98)
        #expect(search.accuracy > bisect.accuracy)
    }

    @Test("assuming the worst flake rate (0.3) keeps ≥ 98% for any lower true rate",
          arguments: [0.0, 0.05, 0.1, 0.2])
    func accuracyWithConservativeModel(flakeRate: Double) async {
        let (search, bisect) = await Self.simulate(trueFlakeRate: flakeRate, modelFlakeRate: 0.3,
                                                   seed: 0xBADC0DE ^ UInt64(flakeRate * 1000))
        print("flake \(flakeRate), model 0.3, \(search.searches) searches: "
              + Self.report("flake-aware", search) + "; " + Self.report("plain bisect", bisect))
        #expect(search.accuracy >= 0.98)
    }
}
