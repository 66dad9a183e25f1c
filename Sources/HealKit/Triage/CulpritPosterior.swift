import Foundation

/// The belief over which commit of `0..<N` is the culprit (the first commit where the test is
/// broken), updated by one-sided noisy observations.
///
/// Model (Henderson et al., "Flake Aware Culprit Finding", ICST 2023): at or after the culprit
/// the test always fails; before it, it fails only with the flake rate `f`. So a PASS at `i`
/// rules out every suspect `≤ i`, and a FAIL at `i` multiplies every suspect `> i` by `f`.
/// A commit that could not be tested is indistinguishable from the commit after it, so the
/// belief is kept over *blocks*: a run of skipped commits plus the next testable one.
struct CulpritPosterior {
    let flakeRate: Double
    /// Unnormalised weight per commit.
    private(set) var weights: [Double]
    private(set) var skipped: Set<Int> = []

    init(commitCount: Int, flakeRate: Double, prior: [Double]? = nil) {
        self.flakeRate = flakeRate
        if let prior, prior.count == commitCount, prior.allSatisfy({ $0 >= 0 }), prior.contains(where: { $0 > 0 }) {
            weights = prior
        } else {
            weights = Array(repeating: 1, count: commitCount)
        }
        normalise()
    }

    var commitCount: Int { weights.count }

    mutating func observe(_ outcome: CommitTestOutcome, at commit: Int) {
        switch outcome {
        case .skip:
            skipped.insert(commit)
        case .pass:
            for index in 0...commit { weights[index] = 0 }
            for index in commit + 1..<commitCount { weights[index] *= 1 - flakeRate }
        case .fail:
            for index in commit + 1..<commitCount { weights[index] *= flakeRate }
        }
        normalise()
    }

    private mutating func normalise() {
        let total = weights.reduce(0, +)
        guard total > 0 else { return }
        for index in weights.indices { weights[index] /= total }
    }

    /// The blocks, oldest first: each ends at a commit that can be tested (or at the last
    /// commit, known to fail) and starts after the previous block.
    var blocks: [(range: ClosedRange<Int>, mass: Double)] {
        var result: [(range: ClosedRange<Int>, mass: Double)] = []
        var start = 0
        var mass = 0.0
        for index in 0..<commitCount {
            mass += weights[index]
            if !skipped.contains(index) || index == commitCount - 1 {
                result.append((start...index, mass))
                start = index + 1
                mass = 0
            }
        }
        return result
    }

    /// The most probable block and its probability.
    var best: (range: ClosedRange<Int>, mass: Double)? {
        blocks.max { $0.mass < $1.mass }
    }

    /// The commit whose test run is expected to leave the least uncertainty (minimum expected
    /// posterior entropy over blocks), or nil when no run can tell blocks apart.
    ///
    /// With `f = 0` and a uniform belief this is the midpoint, so the search is a bisection.
    func nextCommit() -> Int? {
        let blocks = self.blocks
        guard blocks.count > 1 else { return nil }
        let f = flakeRate
        let masses = blocks.map(\.mass)
        let plogp = masses.map { $0 > 0 ? $0 * log($0) : 0 }
        let totalPlogp = plogp.reduce(0, +)
        var below = 0.0, belowPlogp = 0.0
        var bestCommit: Int?
        var bestEntropy = Double.infinity
        // The last block ends at the deploy commit, which is known to fail: never worth a run.
        for k in 0..<blocks.count - 1 {
            below += masses[k]
            belowPlogp += plogp[k]
            let above = max(1 - below, 0)
            let abovePlogp = totalPlogp - belowPlogp
            guard below > 0, above > 0 else { continue }
            let failProbability = below + f * above
            let passProbability = (1 - f) * above
            var failEntropy = -(belowPlogp - below * log(failProbability)) / failProbability
            if f > 0 {
                failEntropy -= (f / failProbability) * (abovePlogp + above * log(f / failProbability))
            }
            let passEntropy = log(above) - abovePlogp / above
            let expected = failProbability * failEntropy + passProbability * passEntropy
            if expected < bestEntropy - 1e-12 {
                bestEntropy = expected
                bestCommit = blocks[k].range.upperBound
            }
        }
        return bestCommit
    }
}
