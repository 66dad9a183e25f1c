import Foundation

/// How sure one probe must be, and what it may spend.
public struct ScoreProbeOptions: Sendable, Equatable {
    /// The probability a probe may call a commit wrongly: the SPRT's α and β (Wald's bounds,
    /// approximate with estimated distributions). Clamped to `1e-6...0.2`.
    public var error: Double
    /// Samples per case asked for in one call of `evals.case` (`{samples}`).
    public var batch: Int
    /// Most samples per case one probe may draw; a probe still undecided then is a skip.
    public var maxSamples: Int

    public init(error: Double = 0.02, batch: Int = 5, maxSamples: Int = 40) {
        self.error = min(max(error, 1e-6), 0.2)
        self.batch = max(batch, 1)
        self.maxSamples = max(maxSamples, 1)
    }

    /// The log-likelihood ratio at which a probe decides: log((1 − ε) / ε).
    public var threshold: Double { log((1 - error) / error) }

    /// The most one sample may move the ratio: half the threshold, so at least two samples
    /// decide and one outlier never does.
    public var sampleClip: Double { threshold / 2 }
}
