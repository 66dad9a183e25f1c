/// The knobs of regression detection.
public struct DetectionOptions: Sendable, Hashable {
    /// Whether a baseline test that disappeared counts as a regression (it is reported either way).
    public var missingIsRegression: Bool
    /// An eval case scoring below this now (and not below it at the baseline) regressed.
    public var scoreThreshold: Double?
    /// An eval case whose mean dropped by more than this regressed (single samples), or
    /// whose drop is also significant at `alpha` (several samples on both sides).
    public var scoreDelta: Double
    /// Significance level of the one-sided Mann-Whitney U test on score samples.
    public var alpha: Double
    /// More than this fraction of baseline-passing tests failing at once flags an infrastructure
    /// problem rather than a code regression.
    public var infraSuspectFraction: Double
    /// The infra flag needs at least this many baseline-passing tests to mean anything.
    public var infraSuspectMinimumTests: Int

    public init(missingIsRegression: Bool = false, scoreThreshold: Double? = nil, scoreDelta: Double = 0.05,
                alpha: Double = 0.05, infraSuspectFraction: Double = 0.8, infraSuspectMinimumTests: Int = 5) {
        self.missingIsRegression = missingIsRegression
        self.scoreThreshold = scoreThreshold
        self.scoreDelta = scoreDelta
        self.alpha = alpha
        self.infraSuspectFraction = infraSuspectFraction
        self.infraSuspectMinimumTests = infraSuspectMinimumTests
    }
}
