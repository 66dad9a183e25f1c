import Foundation
@testable import HealKit

/// The score distributions of the eval simulations, seeded: what a case scores before the
/// culprit ("baseline") and after it ("deploy") at a noise level.
struct ScoreSimulation {
    enum Family: String, CaseIterable {
        /// 0/1 samples: the case passes before the culprit and fails after it, each sample
        /// wrong with probability `noise` (pass rate 1 − noise, then noise).
        case passFail = "pass/fail"
        /// Continuous scores: mean 0.8, then 0.5, plus Gaussian noise of standard deviation
        /// `noise`, clamped to [0, 1].
        case continuous
        /// A smaller continuous drop (0.8 → 0.65): reported, not held to the 98 % bar.
        case smallDrop = "small drop"
    }

    let family: Family
    let noise: Double
    var rng: SplitMix64

    mutating func sample(broken: Bool) -> Double {
        switch family {
        case .passFail:
            let passRate = broken ? noise : 1 - noise
            return rng.chance(passRate) ? 1 : 0
        case .continuous:
            return clamp((broken ? 0.5 : 0.8) + noise * gaussian())
        case .smallDrop:
            return clamp((broken ? 0.65 : 0.8) + noise * gaussian())
        }
    }

    mutating func samples(_ count: Int, broken: Bool) -> [Double] {
        (0..<count).map { _ in sample(broken: broken) }
    }

    /// Box-Muller.
    private mutating func gaussian() -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &rng)
        let v = Double.random(in: 0..<1, using: &rng)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    private func clamp(_ x: Double) -> Double { min(max(x, 0), 1) }
}
