/// One regression: which test (or eval case), why, and what it was before and is now.
public struct Regression: Codable, Sendable, Hashable {
    /// The canonical test id (see `TestCase.id`) or eval case id.
    public var test: String
    public var kind: RegressionKind
    /// The baseline outcome; nil for new tests and eval cases.
    public var baseline: TestOutcome?
    /// The current outcome; nil for missing tests and eval cases.
    public var current: TestOutcome?
    /// The current failure message.
    public var message: String?
    /// Repository-relative source file of the test, when known.
    public var file: String?
    /// 1-based line of the test, when known.
    public var line: Int?
    /// Mean eval score at the baseline and now (score drops only).
    public var baselineScore: Double?
    public var currentScore: Double?
    /// One-sided p-value: Mann-Whitney U for score drops judged on several samples; the exact
    /// conditional Poisson test (uncorrected) for production errors.
    public var pValue: Double?
    /// A production error signature's counts, rates, corrected p-value, trace and sample.
    public var errors: ErrorEvidence?
    /// For a build failure: the baseline tests that vanished because the unit no longer builds.
    public var missingTests: [String]?

    public init(test: String, kind: RegressionKind, baseline: TestOutcome? = nil, current: TestOutcome? = nil,
                message: String? = nil, file: String? = nil, line: Int? = nil, baselineScore: Double? = nil,
                currentScore: Double? = nil, pValue: Double? = nil) {
        self.test = test
        self.kind = kind
        self.baseline = baseline
        self.current = current
        self.message = message
        self.file = file
        self.line = line
        self.baselineScore = baselineScore
        self.currentScore = currentScore
        self.pValue = pValue
    }
}
