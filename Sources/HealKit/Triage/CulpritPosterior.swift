import Foundation

/// The belief over which commit of `0..<N` is the culprit (the first commit where the test is
/// broken), updated by noisy observations.
///
/// Model (Henderson et al., "Flake Aware Culprit Finding", ICST 2023): before the culprit the
/// test fails only with the flake rate `f`; at or after it, it passes only with the miss rate
/// `m`. A test that breaks for real has `m = 0` (noise is one-sided): a PASS at `i` rules out
/// every suspect `≤ i`, and a FAIL at `i` multiplies every suspect `> i` by `f`. A noisy
/// classifier (an eval probe) errs both ways, so `m > 0` only down-weights instead.
/// A commit that could not be tested is indistinguishable from the commit after it, so the
/// belief is kept over *blocks*: a run of skipped commits plus the next testable one.
struct CulpritPosterior {
    let flakeRate: Double
    let missRate: Double
    /// Unnormalised weight per commit.
    private(set) var weights: [Double]
    private(set) var skipped: Set<Int> = []

    init(commitCount: Int, flakeRate: Double, missRate: Double = 0, prior: [Double]? = nil) {
        self.flakeRate = flakeRate
        self.missRate = missRate
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
            skipped.remove(commit)
            for index in 0...commit { weights[index] *= missRate }
            for index in commit + 1..<commitCount { weights[index] *= 1 - flakeRate }
        case .fail:
            skipped.remove(commit)
            for index in 0...commit { weights[index] *= 1 - missRate }
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
    /// With `f = m = 0` and a uniform belief this is the midpoint, so the search is a bisection.
    func nextCommit() -> Int? {
        let blocks = self.blocks
        guard blocks.count > 1 else { return nil }
        let (f, m) = (flakeRate, missRate)
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
            let side = Side(mass: below, plogp: belowPlogp)
            let other = Side(mass: above, plogp: totalPlogp - belowPlogp)
            guard below > 0, above > 0 else { continue }
            // A run at block k's last commit fails when the culprit is at or below it (blocks
            // 0...k, "below") unless it misses, and above it only by a flake.
            let fail = Self.outcome(below: side, scaledBy: 1 - m, above: other, scaledBy: f)
            let pass = Self.outcome(below: side, scaledBy: m, above: other, scaledBy: 1 - f)
            let expected = fail.probability * fail.entropy + pass.probability * pass.entropy
            if expected < bestEntropy - 1e-12 {
                bestEntropy = expected
                bestCommit = blocks[k].range.upperBound
            }
        }
        return bestCommit
    }

    /// One side of a split of the blocks: its mass and Σ p·log p over its blocks.
    private struct Side {
        var mass: Double
        var plogp: Double
    }

    /// The probability of an outcome that scales the belief below the split by `a` and above it
    /// by `b`, and the entropy of the belief after it.
    private static func outcome(below: Side, scaledBy a: Double, above: Side,
                                scaledBy b: Double) -> (probability: Double, entropy: Double) {
        let z = a * below.mass + b * above.mass
        guard z > 0 else { return (0, 0) }
        // Σ over a side of (s·p/z)·log(s·p/z) = (s/z)·(Σ p·log p + mass·log(s/z)).
        func term(_ side: Side, _ scale: Double) -> Double {
            scale > 0 ? scale / z * (side.plogp + side.mass * log(scale / z)) : 0
        }
        return (z, -(term(below, a) + term(above, b)))
    }
}
