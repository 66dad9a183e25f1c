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
    /// The probability that a run at or after the culprit *passes* (a miss). `0` for a test,
    /// which does not pass once broken; a noisy classifier such as an eval probe errs both
    /// ways, so a PASS only down-weights the suspects before it. Clamped to `0...0.45`.
    public var missRate: Double
    /// Stop when one suspect (or one run of commits that skips make indistinguishable) holds this
    /// much posterior probability. Clamped to `0.5...1`.
    public var confidence: Double
    /// The most test runs (skips included) the search may spend.
    public var maxRuns: Int
    /// How often a skipped commit is run again when it stands between the search and a single
    /// culprit. `0` for a test (a commit that does not build will not build the next time); a
    /// noisy probe that was merely undecided may decide on a second try.
    public var skipRetries: Int

    public init(flakeRate: Double, missRate: Double = 0, confidence: Double = 0.99, maxRuns: Int = 40,
                skipRetries: Int = 0) {
        self.flakeRate = min(max(flakeRate, 0), 0.95)
        self.missRate = min(max(missRate, 0), 0.45)
        self.confidence = min(max(confidence, 0.5), 1)
        self.maxRuns = max(maxRuns, 0)
        self.skipRetries = max(skipRetries, 0)
    }

    /// Options for a test known to be deterministic (`flakeRate: 0`).
    public static let deterministic = CulpritSearchOptions(flakeRate: 0)
}
