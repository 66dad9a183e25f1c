import Foundation

/// What heal shows about a production error regression (`new-error`, `error-spike`) in its
/// JSON, PR bodies, tickets and agent prompts: how often it happened before and after the
/// deploy, how sure the test is, its trace and one sample entry. Everything from the log is
/// masked or redacted and bounded here, once; Markdown callers still fence it.
public struct ErrorEvidence: Codable, Sendable, Hashable {
    /// One frame of the trace, innermost first.
    public struct Frame: Codable, Sendable, Hashable {
        /// The file as logged (a server path).
        public var file: String
        /// The repository file it maps to, when it lies inside the repository.
        public var path: String?
        public var function: String
        public var line: Int?
    }

    /// The latest entry of the signature in the current window.
    public struct Sample: Codable, Sendable, Hashable {
        public var time: Date?
        /// The log file and line it starts at.
        public var file: String
        public var line: Int
        /// The entry as logged (its trace, or its lines), redacted and cut to a few kilobytes.
        public var text: String
    }

    public var baselineCount: Int
    public var currentCount: Int
    /// Events per hour in each window.
    public var baselineRate: Double
    public var currentRate: Double
    /// The p-value after Holm's correction over the signatures tested (the uncorrected one is
    /// the regression's `pValue`).
    public var adjustedPValue: Double
    /// The windows' lengths in seconds.
    public var baselineSeconds: Double
    public var currentSeconds: Double
    /// The signature's first and last event in the current window (when the log has times).
    public var firstSeen: Date?
    public var lastSeen: Date?
    /// The exception type.
    public var type: String
    /// The most frequent trace, innermost first (at most `keptFrames` frames), and how many
    /// of the current window's events had exactly it.
    public var frames: [Frame]
    public var framesSeen: Int
    public var sample: Sample

    static let keptFrames = 30

    /// The trace as text, one frame a line (innermost first, as Java and Go print it).
    public var traceText: String {
        ([type] + frames.map { frame in
            "  at \(frame.function) (\(frame.path ?? frame.file)\(frame.line.map { ":\($0)" } ?? ""))"
        }).joined(separator: "\n")
    }

    init(events: SignatureEvents, baselineCount: Int, baselineSeconds: Double, currentSeconds: Double, adjustedPValue: Double) {
        self.baselineCount = baselineCount
        currentCount = events.count
        baselineRate = Double(baselineCount) / baselineSeconds * 3600
        currentRate = Double(events.count) / currentSeconds * 3600
        self.adjustedPValue = adjustedPValue
        self.baselineSeconds = baselineSeconds
        self.currentSeconds = currentSeconds
        firstSeen = events.firstSeen.map(Date.init(timeIntervalSince1970:))
        lastSeen = events.lastSeen.map(Date.init(timeIntervalSince1970:))
        type = events.signature.type
        let stack = events.stacks.first
        frames = (stack?.frames ?? []).prefix(Self.keptFrames).enumerated().map { index, frame in
            Frame(file: SecretRedactor.redact(ErrorSignature.clean(frame.file)), path: stack?.paths[index],
                  function: SecretRedactor.redact(ErrorSignature.clean(frame.function)), line: frame.line)
        }
        framesSeen = stack?.count ?? 0
        let sample = events.sample
        self.sample = Sample(time: sample.timestamp.map(Date.init(timeIntervalSince1970:)), file: sample.file, line: sample.line,
                             text: BoundedText.clip(SecretRedactor.redact(sample.text)) ?? "")
    }
}
