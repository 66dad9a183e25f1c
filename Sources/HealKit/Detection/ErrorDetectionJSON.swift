import Foundation

/// The `errorLogs` block of `heal detect --json` and `heal run --json`: what each window covered,
/// what could not be read, and how the signatures were judged.
public struct ErrorDetectionJSON: Encodable, Sendable {
    public struct Window: Encodable, Sendable {
        public var files: [String]
        public var entries: Int
        public var errors: Int
        public var signatures: Int
        /// First and last timestamp in the logs.
        public var start: Date?
        public var end: Date?
        /// The window's length the rates use (configured, or end − start).
        public var seconds: Double
        public var problems: ReportProblems

        init(_ window: ErrorWindow, seconds: Double) {
            files = window.files
            entries = window.entries
            errors = window.errors
            signatures = window.signatures.count
            start = window.start.map(Date.init(timeIntervalSince1970:))
            end = window.end.map(Date.init(timeIntervalSince1970:))
            self.seconds = seconds
            problems = window.problems
        }
    }

    public var baseline: Window
    public var current: Window
    /// Signatures with at least `minCount` events now: the family the correction covers.
    public var tested: Int
    public var alpha: Double
    public var minCount: Int
    public var minRatio: Double
    public var test = "exact conditional Poisson (binomial), one-sided"
    public var correction = "holm"

    public init(detection: ErrorDetection, baseline: ErrorWindow, current: ErrorWindow) {
        self.baseline = Window(baseline, seconds: detection.baselineExposure)
        self.current = Window(current, seconds: detection.currentExposure)
        tested = detection.tested
        alpha = detection.options.alpha
        minCount = detection.options.minCount
        minRatio = detection.options.minRatio
    }
}
