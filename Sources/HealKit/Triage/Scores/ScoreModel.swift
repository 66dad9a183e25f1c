import Foundation

/// What one score sample says about a probed commit: the log-likelihood ratio of "it scores like
/// the deploy" against "it scores like the baseline", each side's distribution estimated from
/// its confirmed samples.
///
/// 0/1 samples are Bernoulli with a smoothed pass rate (half a pass and half a fail added, so no
/// rate is 0 or 1). Continuous scores get Gaussian kernel density estimates with one bandwidth
/// for both sides (Silverman's rule on the within-side spread), each mixed with a uniform floor
/// so a value neither side showed cannot count infinitely. (`ScoreProbe` also clips each
/// sample's ratio, so no single sample decides a probe.)
struct ScoreModel: Sendable, Equatable {
    enum Shape: Sendable, Equatable {
        case passFail(baseline: Double, deploy: Double)
        case density(baseline: [Double], deploy: [Double], bandwidth: Double)
    }

    let shape: Shape

    /// Share of each density that is uniform on [0, 1].
    static let floorWeight = 0.05
    /// Narrowest kernel: scores that repeat exactly (all 0.8) still get a density.
    static let minimumBandwidth = 0.01

    /// A model of the two confirmed sample sets; nil when either is empty.
    init?(baseline: [Double], deploy: [Double]) {
        guard !baseline.isEmpty, !deploy.isEmpty else { return nil }
        if (baseline + deploy).allSatisfy({ $0 == 0 || $0 == 1 }) {
            func rate(_ samples: [Double]) -> Double { (samples.reduce(0, +) + 0.5) / (Double(samples.count) + 1) }
            shape = .passFail(baseline: rate(baseline), deploy: rate(deploy))
        } else {
            shape = .density(baseline: baseline, deploy: deploy,
                             bandwidth: Self.bandwidth(baseline: baseline, deploy: deploy))
        }
    }

    /// log f_deploy(x) − log f_baseline(x).
    func logLikelihoodRatio(_ x: Double) -> Double {
        switch shape {
        case .passFail(let baseline, let deploy):
            // A fractional score counts as that fraction of a pass.
            let pass = min(max(x, 0), 1)
            return pass * log(deploy / baseline) + (1 - pass) * log((1 - deploy) / (1 - baseline))
        case .density(let baseline, let deploy, let bandwidth):
            return log(Self.density(x, deploy, bandwidth)) - log(Self.density(x, baseline, bandwidth))
        }
    }

    /// The expected ratio (each clipped to `±clip`) of one sample drawn like the deploy: how
    /// fast a probe decides.
    func separation(clip: Double) -> Double {
        func clipped(_ x: Double) -> Double { min(max(logLikelihoodRatio(x), -clip), clip) }
        switch shape {
        case .passFail(_, let deploy):
            return deploy * clipped(1) + (1 - deploy) * clipped(0)
        case .density(_, let deploy, _):
            return deploy.map(clipped).reduce(0, +) / Double(deploy.count)
        }
    }

    private static func density(_ x: Double, _ samples: [Double], _ bandwidth: Double) -> Double {
        let scale = 1 / (Double(samples.count) * bandwidth * (2 * Double.pi).squareRoot())
        var sum = 0.0
        for sample in samples {
            let z = (x - sample) / bandwidth
            sum += exp(-0.5 * z * z)
        }
        return (1 - floorWeight) * sum * scale + floorWeight
    }

    /// Silverman's rule of thumb, 0.9 · min(σ, IQR/1.34) · n^(−1/5), with σ and the IQR taken
    /// within each side and averaged, so the drop itself does not widen the kernels.
    static func bandwidth(baseline: [Double], deploy: [Double]) -> Double {
        func spread(_ samples: [Double]) -> Double {
            let n = Double(samples.count)
            let mean = samples.reduce(0, +) / n
            let sd = n > 1 ? (samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot() : 0
            let sorted = samples.sorted()
            let iqr = (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / 1.34
            return iqr > 0 ? min(sd, iqr) : sd
        }
        let n = Double(min(baseline.count, deploy.count))
        let width = 0.9 * (spread(baseline) + spread(deploy)) / 2 * pow(n, -0.2)
        return max(width, minimumBandwidth)
    }

    private static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = Int(position.rounded(.up))
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }
}
