/// One side's error logs summed up: the time they cover, each signature's events, and the
/// entries that could not be read. Memory grows with the number of signatures, not of events.
public struct ErrorWindow: Sendable {
    /// Earliest and latest timestamp of any entry (errors or not), seconds since 1970.
    public internal(set) var start: Double?
    public internal(set) var end: Double?
    /// Log entries read (records of plain text, lines of JSON).
    public internal(set) var entries = 0
    /// Of those, the errors.
    public internal(set) var errors = 0
    /// Lines that could not be used (invalid JSON, binary data, endless lines), counted and the
    /// first few kept; never fatal.
    public internal(set) var problems = ReportProblems()
    /// Log files read.
    public internal(set) var files: [String] = []
    var signatures: [String: SignatureEvents] = [:]
    /// Frame files already mapped: a log repeats the same few files millions of times.
    private var mapped: [String: String?] = [:]

    public init() {}

    /// Seconds from the first entry to the last; nil without two distinct timestamps.
    public var observedDuration: Double? {
        guard let start, let end, end > start else { return nil }
        return end - start
    }

    /// Events per signature id.
    public var counts: [String: Int] { signatures.mapValues(\.count) }

    mutating func saw(timestamp: Double?) {
        entries += 1
        guard let timestamp else { return }
        start = min(start ?? timestamp, timestamp)
        end = max(end ?? timestamp, timestamp)
    }

    mutating func add(_ event: ErrorEvent, mapper: FramePathMapper) {
        errors += 1
        let signature = ErrorSignature(event: event, map: { map($0, mapper) })
        var events = signatures.removeValue(forKey: signature.id) ?? SignatureEvents(signature: signature, event: event)
        events.add(event) { map($0, mapper) }
        signatures[signature.id] = events
    }

    private mutating func map(_ file: String, _ mapper: FramePathMapper) -> String? {
        if let known = mapped[file] { return known }
        let path = mapper.map(file)
        if mapped.count < 100_000 { mapped[file] = path }
        return path
    }
}

/// The events of one signature in one window.
struct SignatureEvents: Sendable {
    static let keptStacks = 5
    static let keptFrames = 64

    var signature: ErrorSignature
    var count = 0
    var firstSeen: Double?
    var lastSeen: Double?
    /// The first event's message, masked.
    var message: String
    /// Distinct stacks (all frames, innermost first), the most frequent kept.
    var stacks: [Stack] = []
    /// The latest event (the last one read when none has a timestamp).
    var sample: ErrorEvent

    struct Stack: Sendable {
        var frames: [StackFrame]
        /// Each frame's repository path (nil outside the repository).
        var paths: [String?]
        var count: Int
    }

    init(signature: ErrorSignature, event: ErrorEvent) {
        self.signature = signature
        message = MessageMask.mask(event.trace?.root?.message ?? event.message)
        sample = event
    }

    mutating func add(_ event: ErrorEvent, map: (String) -> String?) {
        count += 1
        if let time = event.timestamp {
            firstSeen = min(firstSeen ?? time, time)
            if time >= (lastSeen ?? time) { sample = event }
            lastSeen = max(lastSeen ?? time, time)
        } else if lastSeen == nil {
            sample = event
        }
        let frames = Array((event.trace?.frames ?? []).prefix(Self.keptFrames))
        guard !frames.isEmpty else { return }
        if let index = stacks.firstIndex(where: { $0.frames == frames }) {
            stacks[index].count += 1
        } else if stacks.count < Self.keptStacks {
            stacks.append(Stack(frames: frames, paths: frames.map { map($0.file) }, count: 1))
        }
        stacks.sort { $0.count > $1.count }
    }
}
