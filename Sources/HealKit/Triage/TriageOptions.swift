/// How hard triage looks before it decides (from `.heal.yml`'s `triage:`).
public struct TriageOptions: Sendable, Equatable {
    /// Fresh reruns at the deploy that must all fail for a regression to be introduced.
    public var reruns: Int
    /// Fresh runs at the baseline commit when the baseline report is a stored file.
    public var baselineReruns: Int
    /// The flake rate the culprit search assumes for a test that is not known deterministic.
    public var flakeRate: Double
    public var culpritConfidence: Double
    public var culpritMaxRuns: Int
    public var minimizeMaxRuns: Int

    public init(reruns: Int = 3, baselineReruns: Int = 1, flakeRate: Double = 0.3, culpritConfidence: Double = 0.99,
                culpritMaxRuns: Int = 40, minimizeMaxRuns: Int = 32) {
        self.reruns = max(reruns, 1)
        self.baselineReruns = max(baselineReruns, 0)
        self.flakeRate = flakeRate
        self.culpritConfidence = culpritConfidence
        self.culpritMaxRuns = culpritMaxRuns
        self.minimizeMaxRuns = minimizeMaxRuns
    }

    /// The `triage:` section of a configuration.
    public init(_ config: HealConfig.Triage) {
        self.init(reruns: config.reruns, flakeRate: config.flakeRate, culpritConfidence: config.culpritConfidence,
                  culpritMaxRuns: config.culpritMaxRuns, minimizeMaxRuns: config.minimizeMaxRuns)
    }
}
