/// What judging the error logs found: the regressions, and what they were judged on.
public struct ErrorDetection: Sendable {
    /// `new-error` first, then `error-spike`, each by id.
    public var regressions: [Regression]
    /// Each regression's events in the current window (trace variants, sample), by id.
    var evidence: [String: SignatureEvents]
    /// The windows' lengths in seconds.
    public var baselineExposure: Double
    public var currentExposure: Double
    /// Signatures with at least `minCount` events now: the family Holm's correction covers.
    public var tested: Int
    /// Distinct signatures in the current window.
    public var signatures: Int
    public var options: ErrorDetectionOptions
}
