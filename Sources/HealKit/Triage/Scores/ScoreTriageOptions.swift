/// How eval triage samples and when it stops: confirmation, the culprit search's probes and
/// delta debugging's.
public struct ScoreTriageOptions: Sendable, Equatable {
    /// `detection.score-threshold`: a mean below it fails the case.
    public var threshold: Double?
    /// `detection.score-delta`: a drop by more than this counts.
    public var delta: Double
    /// `detection.alpha`: family-wise level of the confirmation tests.
    public var alpha: Double
    /// `evals.confirm-samples`: fresh samples per side for the confirmation test.
    public var confirmSamples: Int
    /// Most samples per side the oracle's models rest on (see `ScoreOracle.modelSamplesWanted`).
    public var modelSamples: Int
    /// The probes: SPRT error, `evals.samples` per call, `evals.probe-max-samples`.
    public var probe: ScoreProbeOptions
    /// `triage.culprit-confidence` and `triage.culprit-max-runs` (probes).
    public var culpritConfidence: Double
    public var culpritMaxProbes: Int
    /// `triage.minimize-max-runs` (probes).
    public var minimizeMaxProbes: Int

    /// Delta debugging trusts each answer (a wrong one misleads it for good), so its probes
    /// are held to a tenth of the culprit search's error.
    public var minimizeProbe: ScoreProbeOptions {
        ScoreProbeOptions(error: probe.error / 10, batch: probe.batch, maxSamples: 2 * probe.maxSamples)
    }

    public init(threshold: Double? = nil, delta: Double = 0.05, alpha: Double = 0.05, confirmSamples: Int = 20,
                modelSamples: Int = 60, probe: ScoreProbeOptions = ScoreProbeOptions(),
                culpritConfidence: Double = 0.99, culpritMaxProbes: Int = 40, minimizeMaxProbes: Int = 32) {
        self.threshold = threshold
        self.delta = delta
        self.alpha = alpha
        self.confirmSamples = max(confirmSamples, 2)
        self.modelSamples = max(modelSamples, self.confirmSamples)
        self.probe = probe
        self.culpritConfidence = culpritConfidence
        self.culpritMaxProbes = culpritMaxProbes
        self.minimizeMaxProbes = minimizeMaxProbes
    }
}
