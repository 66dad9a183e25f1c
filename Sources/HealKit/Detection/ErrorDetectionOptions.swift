/// The knobs of judging error logs (`errors:` in `.heal.yml`).
public struct ErrorDetectionOptions: Sendable, Hashable {
    /// Family-wise significance level over the signatures tested (Holm-corrected).
    public var alpha: Double
    /// A signature with fewer events than this in the current window is never a regression
    /// (and is not counted among the signatures tested).
    public var minCount: Int
    /// The current rate must also be at least this many times the baseline rate: with real
    /// traffic an error's rate swings by the hour, and a large steady error would otherwise be
    /// "significant" for a tiny rise. 1 turns the floor off.
    public var minRatio: Double
    /// The windows' lengths in seconds; nil means: from the first to the last timestamp in the logs.
    public var baselineWindow: Double?
    public var currentWindow: Double?

    public init(alpha: Double = 0.05, minCount: Int = 3, minRatio: Double = 1.5, baselineWindow: Double? = nil,
                currentWindow: Double? = nil) {
        self.alpha = alpha
        self.minCount = minCount
        self.minRatio = minRatio
        self.baselineWindow = baselineWindow
        self.currentWindow = currentWindow
    }
}
