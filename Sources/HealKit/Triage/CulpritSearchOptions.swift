/// How the culprit search weighs evidence and when it stops.
public struct CulpritSearchOptions: Sendable, Equatable {
    /// The probability that the test fails at a commit *before* the culprit (a flake).
    ///
    /// `0` declares the test deterministic: a single FAIL rules out every later commit and the
    /// search is a plain bisection (at most ⌈log₂ N⌉ runs). Triage passes `0` when every rerun at
    /// the deploy failed and the store has no flake history for the test; otherwise the test's
    /// historical flake rate, or a conservative guess such as `0.3` when it has none. Overstating
    /// the rate costs a few runs; understating it costs accuracy. Clamped to `0...0.95`.
    public var flakeRate: Double
    /// Stop when one suspect (or one run of commits that skips make indistinguishable) holds this
    /// much posterior probability. Clamped to `0.5...1`.
    public var confidence: Double
    /// The most test runs (skips included) the search may spend.
    public var maxRuns: Int

    public init(flakeRate: Double, confidence: Double = 0.99, maxRuns: Int = 40) {
        self.flakeRate = min(max(flakeRate, 0), 0.95)
        self.confidence = min(max(confidence, 0.5), 1)
        self.maxRuns = max(maxRuns, 0)
    }

    /// Options for a test known to be deterministic (`flakeRate: 0`).
    public static let deterministic = CulpritSearchOptions(flakeRate: 0)
}
